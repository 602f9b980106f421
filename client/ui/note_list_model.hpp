#pragma once
//! Notes, newest first, filtered by author (a device id hex, or "me"),
//! case, visit, dates, unsigned and not-yet-reviewed: the worker's notes of
//! a visit and the reviewer's queue are the same model with other filters.

#include <QQmlEngine>

#include "store_list_model.hpp"

namespace varn::ui {

class NoteListModel : public StoreListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString author READ author WRITE setAuthor NOTIFY filtersChanged)
  Q_PROPERTY(QString caseId READ caseId WRITE setCaseId NOTIFY filtersChanged)
  Q_PROPERTY(QString visitId READ visitId WRITE setVisitId NOTIFY filtersChanged)
  Q_PROPERTY(bool onlyUnsigned READ onlyUnsigned WRITE setOnlyUnsigned NOTIFY filtersChanged)
  Q_PROPERTY(bool onlyUnreviewed READ onlyUnreviewed WRITE setOnlyUnreviewed NOTIFY filtersChanged)
  //! Only drafts older than the unit's stale-draft days (model/stale_drafts.hpp).
  Q_PROPERTY(bool onlyStale READ onlyStale WRITE setOnlyStale NOTIFY filtersChanged)
  //! Inclusive days as typed, "YYYY-MM-DD"; empty or unreadable leaves that end open.
  Q_PROPERTY(QString fromDay READ fromDay WRITE setFromDay NOTIFY filtersChanged)
  Q_PROPERTY(QString toDay READ toDay WRITE setToDay NOTIFY filtersChanged)
  //! Everyone who wrote a note here, whatever the filters: {author, label}, this device first.
  Q_PROPERTY(QVariantList authors READ authors NOTIFY authorsChanged)

 public:
  explicit NoteListModel(QObject* parent = nullptr);

  [[nodiscard]] QString author() const { return author_; }
  [[nodiscard]] QString caseId() const { return case_id_; }
  [[nodiscard]] QString visitId() const { return visit_id_; }
  [[nodiscard]] bool onlyUnsigned() const { return only_unsigned_; }
  [[nodiscard]] bool onlyUnreviewed() const { return only_unreviewed_; }
  [[nodiscard]] bool onlyStale() const { return only_stale_; }
  [[nodiscard]] QString fromDay() const { return from_; }
  [[nodiscard]] QString toDay() const { return to_; }
  [[nodiscard]] QVariantList authors() const { return authors_; }
  void setAuthor(const QString& v) { set(author_, v); }
  void setCaseId(const QString& v) { set(case_id_, v); }
  void setVisitId(const QString& v) { set(visit_id_, v); }
  void setOnlyUnsigned(bool v) { set(only_unsigned_, v); }
  void setOnlyUnreviewed(bool v) { set(only_unreviewed_, v); }
  void setOnlyStale(bool v) { set(only_stale_, v); }
  void setFromDay(const QString& v) { set(from_, v); }
  void setToDay(const QString& v) { set(to_, v); }

 signals:
  void filtersChanged();
  void authorsChanged();

 protected:
  Result<QList<QVariantMap>> fetch(StoreHost& host) override;

 private:
  template <class T>
  void set(T& field, const T& value) {
    if (field == value) return;
    field = value;
    emit filtersChanged();
    filterChanged();
  }
  QString author_, case_id_, visit_id_;
  bool only_unsigned_ = false, only_unreviewed_ = false, only_stale_ = false;
  QString from_, to_;
  QVariantList authors_;
};

}  // namespace varn::ui
