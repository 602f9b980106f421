#pragma once
//! Persons with their case and who is responsible for it ("Mina ärenden":
//! only this device's caseload, device/caseload.hpp, and persons with no
//! case yet); a protected person's address is never in a row (the store
//! already withholds it; the model adds nothing).

#include <QQmlEngine>

#include "store_list_model.hpp"

namespace varn::ui {

class PersonListModel : public StoreListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
  Q_PROPERTY(bool mineOnly READ mineOnly WRITE setMineOnly NOTIFY mineOnlyChanged)

 public:
  explicit PersonListModel(QObject* parent = nullptr);
  [[nodiscard]] QString search() const { return search_; }
  void setSearch(const QString& text);
  [[nodiscard]] bool mineOnly() const { return mine_only_; }
  void setMineOnly(bool on);

 signals:
  void searchChanged();
  void mineOnlyChanged();

 protected:
  Result<QList<QVariantMap>> fetch(StoreHost& host) override;

 private:
  QString search_;
  bool mine_only_ = false;
};

}  // namespace varn::ui
