#include "task_list_model.hpp"

#include <QDate>
#include <algorithm>
#include <map>

#include "varn/device/case_directory.hpp"
#include "ids.hpp"
#include "qt_std.hpp"
#include "store_host.hpp"

namespace varn::ui {

TaskListModel::TaskListModel(QObject* parent)
    : StoreListModel({QStringLiteral("taskId"), QStringLiteral("caseId"), QStringLiteral("personName"),
                      QStringLiteral("text"), QStringLiteral("due"), QStringLiteral("done"), QStringLiteral("overdue")},
                     parent) {}

void TaskListModel::setCaseId(const QString& id) {
  if (id == case_id_) return;
  case_id_ = id;
  emit filtersChanged();
  filterChanged();
}

void TaskListModel::setShowDone(bool on) {
  if (on == show_done_) return;
  show_done_ = on;
  emit filtersChanged();
  filterChanged();
}

Result<QList<QVariantMap>> TaskListModel::fetch(StoreHost& host) {
  auto cases = host.with_store([](store::LocalStore& s) { return device::list_cases(s); });
  if (!cases) return cases.error();
  auto listed = host.with_store([](store::LocalStore& s) { return device::list_tasks(s); });
  if (!listed) return listed.error();
  auto persons = host.with_records([](store::Records& r) { return r.persons(); });
  if (!persons) return persons.error();
  std::map<std::string, QString> names;
  for (const auto& p : *persons) names[to_hex(p.id)] = qt::to_qstring(p.name);

  auto tasks = std::move(listed).value();
  std::stable_sort(tasks.begin(), tasks.end(), [](const device::TaskRef& a, const device::TaskRef& b) {
    if (a.done != b.done) return !a.done;
    if (a.due.empty() != b.due.empty()) return b.due.empty();
    return a.due < b.due;
  });
  const QDate today = QDate::currentDate();
  QList<QVariantMap> rows;
  for (const auto& t : tasks) {
    const QString case_id = qt::to_qstring(t.case_id);
    if (!case_id_.isEmpty() && case_id != case_id_) continue;
    if (t.done && !show_done_) continue;
    const QDate due = QDate::fromString(qt::to_qstring(t.due), Qt::ISODate);
    const std::string person = device::person_of_case(*cases, t.case_id);
    rows.push_back({{QStringLiteral("taskId"), id_text(t.id)},
                    {QStringLiteral("caseId"), case_id},
                    {QStringLiteral("personName"), names.count(person) ? names[person] : QString()},
                    {QStringLiteral("text"), qt::to_qstring(t.text)},
                    {QStringLiteral("due"), qt::to_qstring(t.due)},
                    {QStringLiteral("done"), t.done},
                    {QStringLiteral("overdue"), !t.done && due.isValid() && due < today}});
  }
  return rows;
}

}  // namespace varn::ui
