#pragma once
//! Planned visits, soonest first: all of them (Today) or one case's. Read
//! through case_directory.hpp, so listing never counts as opening a case.
//! No place: a protected person's place is their address.

#include <QDateTime>
#include <QQmlEngine>

#include "store_list_model.hpp"

namespace varn::ui {

class VisitListModel : public StoreListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString caseId READ caseId WRITE setCaseId NOTIFY caseIdChanged)
  //! Only visits still to come: planned from now on (unplanned ones last),
  //! and none that already has a note (it took place).
  Q_PROPERTY(bool upcomingOnly READ upcomingOnly WRITE setUpcomingOnly NOTIFY upcomingOnlyChanged)

 public:
  explicit VisitListModel(QObject* parent = nullptr);
  [[nodiscard]] QString caseId() const { return case_id_; }
  void setCaseId(const QString& id);
  [[nodiscard]] bool upcomingOnly() const { return upcoming_only_; }
  void setUpcomingOnly(bool on);
  //! The time "from now on" counts from; tests set it, the app leaves it to the clock.
  void setNow(QDateTime now) { now_ = std::move(now); }

 signals:
  void caseIdChanged();
  void upcomingOnlyChanged();

 protected:
  Result<QList<QVariantMap>> fetch(StoreHost& host) override;

 private:
  QString case_id_;
  bool upcoming_only_ = false;
  QDateTime now_;  // invalid: the current time
};

}  // namespace varn::ui
