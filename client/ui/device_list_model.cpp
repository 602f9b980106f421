#include "device_list_model.hpp"

#include "admin_controller.hpp"

namespace varn::ui {
namespace {

const QList<QByteArray> kKeys = {"deviceId", "role",        "roleLabel", "status",       "statusLabel",
                                 "lastSeen", "fingerprint", "isMe",      "wipeConfirmed", "personName"};

}  // namespace

DeviceListModel::DeviceListModel(QObject* parent) : QAbstractListModel(parent) {
  if (auto* admin = AdminController::instance()) {
    connect(admin, &AdminController::devicesChanged, this, &DeviceListModel::reset);
  }
  reset();
}

void DeviceListModel::reset() {
  auto* admin = AdminController::instance();
  beginResetModel();
  rows_ = admin ? admin->devices() : QVariantList();
  endResetModel();
  emit countChanged();
}

int DeviceListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QHash<int, QByteArray> DeviceListModel::roleNames() const {
  QHash<int, QByteArray> names;
  for (int i = 0; i < kKeys.size(); ++i) names.insert(Qt::UserRole + 1 + i, kKeys[i]);
  return names;
}

QVariant DeviceListModel::data(const QModelIndex& index, int role) const {
  const int key = role - Qt::UserRole - 1;
  if (!index.isValid() || index.row() >= rowCount() || key < 0 || key >= kKeys.size()) return {};
  return rows_[index.row()].toMap().value(QString::fromLatin1(kKeys[key]));
}

}  // namespace varn::ui
