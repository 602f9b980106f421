#include "visit_list_model.hpp"

#include <QDateTime>
#include <algorithm>
#include <map>
#include <set>

#include "varn/device/case_directory.hpp"
#include "varn/device/caseload.hpp"
#include "ids.hpp"
#include "labels.hpp"
#include "store_host.hpp"

namespace varn::ui {

VisitListModel::VisitListModel(QObject* parent)
    : StoreListModel({QStringLiteral("visitId"), QStringLiteral("caseId"), QStringLiteral("personId"),
                      QStringLiteral("personName"), QStringLiteral("kind"), QStringLiteral("kindLabel"),
                      QStringLiteral("plannedAt"), QStringLiteral("plannedDay"), QStringLiteral("plannedTime")},
                     parent) {}

void VisitListModel::setCaseId(const QString& id) {
  if (id == case_id_) return;
  case_id_ = id;
  emit caseIdChanged();
  filterChanged();
}

void VisitListModel::setUpcomingOnly(bool on) {
  if (on == upcoming_only_) return;
  upcoming_only_ = on;
  emit upcomingOnlyChanged();
  filterChanged();
}

void VisitListModel::setMineOnly(bool on) {
  if (on == mine_only_) return;
  mine_only_ = on;
  emit mineOnlyChanged();
  filterChanged();
}

Result<QList<QVariantMap>> VisitListModel::fetch(StoreHost& host) {
  auto cases = host.with_store([](store::LocalStore& s) { return device::list_cases(s); });
  if (!cases) return cases.error();
  auto load = host.with_both([&](store::LocalStore& s, store::Records& r) { return device::caseload_of(s, r, host.device()); });
  if (!load) return load.error();
  std::set<std::string> mine;
  for (const auto& c : *cases) {
    if (load->lists(c)) mine.insert(to_hex(c.id));
  }
  auto listed = host.with_store([](store::LocalStore& s) { return device::list_visits(s); });
  if (!listed) return listed.error();
  auto persons = host.with_records([](store::Records& r) { return r.persons(); });
  if (!persons) return persons.error();
  std::map<std::string, QString> names;
  for (const auto& p : *persons) names[to_hex(p.id)] = qt::to_qstring(p.name);

  store::NoteFilter which_visits;
  which_visits.without_bodies = true;
  auto notes = host.with_records([&](store::Records& r) { return r.notes(which_visits); });
  if (!notes) return notes.error();
  std::set<std::string> with_note;
  for (const auto& n : *notes) with_note.insert(to_hex(n.visit_id));

  auto visits = std::move(listed).value();
  // ISO 8601 sorts as text; unplanned ("") go last.
  std::stable_sort(visits.begin(), visits.end(), [](const device::VisitRef& a, const device::VisitRef& b) {
    if (a.planned_at.empty() != b.planned_at.empty()) return b.planned_at.empty();
    return a.planned_at < b.planned_at;
  });
  const QDateTime now = now_.isValid() ? now_ : QDateTime::currentDateTime();
  QList<QVariantMap> rows;
  for (const auto& v : visits) {
    const QString case_id = qt::to_qstring(v.case_id);
    if (!case_id_.isEmpty() && case_id != case_id_) continue;
    if (mine_only_ && mine.count(v.case_id) == 0) continue;
    const QDateTime when = QDateTime::fromString(qt::to_qstring(v.planned_at), Qt::ISODate);
    if (upcoming_only_ && ((when.isValid() && when < now) || with_note.count(to_hex(v.id)) > 0)) continue;
    const std::string person = device::person_of_case(*cases, v.case_id);
    const QString kind = qt::to_qstring(v.kind);
    rows.push_back({{QStringLiteral("visitId"), id_text(v.id)},
                    {QStringLiteral("caseId"), case_id},
                    {QStringLiteral("personId"), qt::to_qstring(person)},
                    {QStringLiteral("personName"), names.count(person) ? names[person] : QString()},
                    {QStringLiteral("kind"), kind},
                    {QStringLiteral("kindLabel"), label_for(kind)},
                    {QStringLiteral("plannedAt"), qt::to_qstring(v.planned_at)},
                    {QStringLiteral("plannedDay"), when.isValid() ? when.date().toString(Qt::ISODate) : QString()},
                    {QStringLiteral("plannedTime"), when.isValid() ? when.time().toString(QStringLiteral("HH:mm")) : QString()}});
  }
  return rows;
}

}  // namespace varn::ui
