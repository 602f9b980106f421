#pragma once
//! Persons with their case; a protected person's address is
//! never in a row (the store already withholds it; the model adds nothing).

#include <QQmlEngine>

#include "store_list_model.hpp"

namespace varn::ui {

class PersonListModel : public StoreListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)

 public:
  explicit PersonListModel(QObject* parent = nullptr);
  [[nodiscard]] QString search() const { return search_; }
  void setSearch(const QString& text);

 signals:
  void searchChanged();

 protected:
  Result<QList<QVariantMap>> fetch(StoreHost& host) override;

 private:
  QString search_;
};

}  // namespace varn::ui
