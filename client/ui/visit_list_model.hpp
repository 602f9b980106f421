#pragma once
//! Planned visits, soonest first: all of them (Today) or one case's. Read
//! through case_directory.hpp, so listing never counts as opening a case.
//! No place: a protected person's place is their address.

#include <QQmlEngine>

#include "store_list_model.hpp"

namespace varn::ui {

class VisitListModel : public StoreListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString caseId READ caseId WRITE setCaseId NOTIFY caseIdChanged)
  //! Only visits planned for today or later (and unplanned ones last).
  Q_PROPERTY(bool upcomingOnly READ upcomingOnly WRITE setUpcomingOnly NOTIFY upcomingOnlyChanged)

 public:
  explicit VisitListModel(QObject* parent = nullptr);
  [[nodiscard]] QString caseId() const { return case_id_; }
  void setCaseId(const QString& id);
  [[nodiscard]] bool upcomingOnly() const { return upcoming_only_; }
  void setUpcomingOnly(bool on);

 signals:
  void caseIdChanged();
  void upcomingOnlyChanged();

 protected:
  Result<QList<QVariantMap>> fetch(StoreHost& host) override;

 private:
  QString case_id_;
  bool upcoming_only_ = false;
};

}  // namespace varn::ui
