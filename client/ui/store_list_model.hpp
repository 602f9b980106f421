#pragma once
//! Base of the list models: rows are read from the unlocked store by a
//! subclass's fetch(), re-read whenever records change (a local write or a
//! sync) and emptied on lock, so nothing lingers in a model behind the lock
//! screen. Each row is a map from role name to value.

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QVariantMap>

#include "varn/util/result.hpp"

namespace varn::ui {

class StoreHost;

class StoreListModel : public QAbstractListModel {
  Q_OBJECT
  QML_ANONYMOUS  // known to QML tooling (count, get, reload), never made from QML
  Q_PROPERTY(int count READ count NOTIFY countChanged)
  Q_PROPERTY(QString error READ error NOTIFY errorChanged)

 public:
  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
  [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
  [[nodiscard]] int count() const { return static_cast<int>(rows_.size()); }
  [[nodiscard]] QString error() const { return error_; }
  //! One row as a map (for tests and for screens that open a row).
  Q_INVOKABLE QVariantMap get(int row) const;
  Q_INVOKABLE void reload();

 signals:
  void countChanged();
  void errorChanged();

 protected:
  //! `keys` are the role names, in order.
  StoreListModel(QStringList keys, QObject* parent);
  [[nodiscard]] virtual Result<QList<QVariantMap>> fetch(StoreHost& host) = 0;
  //! Called by subclasses when a filter property changes.
  void filterChanged() { reload(); }

 private:
  void setRows(QList<QVariantMap> rows);
  QStringList keys_;
  QList<QVariantMap> rows_;
  QString error_;
};

}  // namespace varn::ui
