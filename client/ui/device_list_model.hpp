#pragma once
//! The unit's devices as the admin last fetched them (Admin.refreshDevices).

#include <QAbstractListModel>
#include <QQmlEngine>

namespace varn::ui {

class DeviceListModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

 public:
  explicit DeviceListModel(QObject* parent = nullptr);
  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
  [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

 signals:
  void countChanged();

 private:
  void reset();
  QVariantList rows_;
};

}  // namespace varn::ui
