#pragma once
//! Follow-up tasks, open ones first by due date (read through case_directory.hpp).

#include <QQmlEngine>

#include "store_list_model.hpp"

namespace varn::ui {

class TaskListModel : public StoreListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString caseId READ caseId WRITE setCaseId NOTIFY filtersChanged)
  Q_PROPERTY(bool showDone READ showDone WRITE setShowDone NOTIFY filtersChanged)

 public:
  explicit TaskListModel(QObject* parent = nullptr);
  [[nodiscard]] QString caseId() const { return case_id_; }
  void setCaseId(const QString& id);
  [[nodiscard]] bool showDone() const { return show_done_; }
  void setShowDone(bool on);

 signals:
  void filtersChanged();

 protected:
  Result<QList<QVariantMap>> fetch(StoreHost& host) override;

 private:
  QString case_id_;
  bool show_done_ = false;
};

}  // namespace varn::ui
