#include "store_list_model.hpp"

#include "error_text.hpp"
#include "session_controller.hpp"

namespace varn::ui {

StoreListModel::StoreListModel(QStringList keys, QObject* parent) : QAbstractListModel(parent), keys_(std::move(keys)) {
  if (auto* session = SessionController::instance()) {
    connect(session, &SessionController::recordsChanged, this, &StoreListModel::reload);
    connect(session, &SessionController::unlockedChanged, this, &StoreListModel::reload);
  }
  // The subclass is not constructed yet: read once the event loop comes round.
  QMetaObject::invokeMethod(this, &StoreListModel::reload, Qt::QueuedConnection);
}

int StoreListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QHash<int, QByteArray> StoreListModel::roleNames() const {
  QHash<int, QByteArray> names;
  for (int i = 0; i < keys_.size(); ++i) names.insert(Qt::UserRole + 1 + i, keys_[i].toUtf8());
  return names;
}

QVariant StoreListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const int key = role - Qt::UserRole - 1;
  if (key < 0 || key >= keys_.size()) return {};
  return rows_[index.row()].value(keys_[key]);
}

QVariantMap StoreListModel::get(int row) const {
  return row >= 0 && row < rowCount() ? rows_[row] : QVariantMap();
}

void StoreListModel::reload() {
  auto* session = SessionController::instance();
  auto host = session ? session->host() : nullptr;
  if (!host) {
    setRows({});
    return;
  }
  auto rows = fetch(*host);
  QString error = rows ? QString() : user_message(rows.error());
  setRows(rows ? std::move(rows).value() : QList<QVariantMap>());
  if (error != error_) {
    error_ = error;
    emit errorChanged();
  }
}

void StoreListModel::setRows(QList<QVariantMap> rows) {
  // Unchanged rows keep their delegates: a reset would rebuild every one
  // while layouts may be arranging them.
  if (rows == rows_) return;
  const bool count_changed = rows.size() != rows_.size();
  beginResetModel();
  rows_ = std::move(rows);
  endResetModel();
  if (count_changed) emit countChanged();
}

}  // namespace varn::ui
