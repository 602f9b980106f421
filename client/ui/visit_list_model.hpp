#pragma once
//! Planned visits, soonest first: all of them (Today) or one case's. Read
//! through device/case_directory.hpp, so listing never counts as opening a case.
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
  //! Only visits of this device's caseload (device/caseload.hpp): a
  //! worker's own cases, a reviewer's the unit's.
  Q_PROPERTY(bool mineOnly READ mineOnly WRITE setMineOnly NOTIFY mineOnlyChanged)

 public:
  explicit VisitListModel(QObject* parent = nullptr);
  [[nodiscard]] QString caseId() const { return case_id_; }
  void setCaseId(const QString& id);
  [[nodiscard]] bool upcomingOnly() const { return upcoming_only_; }
  void setUpcomingOnly(bool on);
  [[nodiscard]] bool mineOnly() const { return mine_only_; }
  void setMineOnly(bool on);
  //! The time "from now on" counts from; tests set it, the app leaves it to the clock.
  void setNow(QDateTime now) { now_ = std::move(now); }

 signals:
  void caseIdChanged();
  void upcomingOnlyChanged();
  void mineOnlyChanged();

 protected:
  Result<QList<QVariantMap>> fetch(StoreHost& host) override;

 private:
  QString case_id_;
  bool upcoming_only_ = false;
  bool mine_only_ = false;
  QDateTime now_;  // invalid: the current time
};

}  // namespace varn::ui
