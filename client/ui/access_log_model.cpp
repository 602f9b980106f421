#include "access_log_model.hpp"

#include <QDateTime>
#include <algorithm>
#include <map>

#include "varn/device/case_directory.hpp"
#include "ids.hpp"
#include "labels.hpp"
#include "note_rows.hpp"
#include "store_host.hpp"

namespace varn::ui {

AccessLogModel::AccessLogModel(QObject* parent)
    : StoreListModel({QStringLiteral("caseId"), QStringLiteral("device"), QStringLiteral("deviceIsMe"),
                      QStringLiteral("at"), QStringLiteral("personName"), QStringLiteral("reader"),
                      QStringLiteral("actionLabel")},
                     parent) {}

void AccessLogModel::setCaseId(const QString& id) {
  if (id == case_id_) return;
  case_id_ = id;
  emit caseIdChanged();
  filterChanged();
}

Result<QList<QVariantMap>> AccessLogModel::fetch(StoreHost& host) {
  auto entries = host.with_records([](store::Records& r) { return r.access_log(); });
  if (!entries) return entries.error();
  std::stable_sort(entries->begin(), entries->end(),
                   [](const store::AccessLogEntry& a, const store::AccessLogEntry& b) { return a.at_unix > b.at_unix; });
  // Whose case it was, for the reviewer (names only, never addresses).
  auto cases = host.with_store([](store::LocalStore& s) { return device::list_cases(s); });
  if (!cases) return cases.error();
  auto persons = host.with_records([](store::Records& r) { return r.persons(); });
  if (!persons) return persons.error();
  std::map<std::string, QString> names;
  for (const auto& p : *persons) names[to_hex(p.id)] = qt::to_qstring(p.name);
  auto staff = host.with_records([](store::Records& r) { return Result<device::StaffDirectory>(staff_directory(r)); });
  if (!staff) return staff.error();
  const std::string me = to_hex(host.device());
  QList<QVariantMap> rows;
  for (const auto& e : *entries) {
    const QString case_id = id_text(e.case_id);
    if (!case_id_.isEmpty() && case_id != case_id_) continue;
    rows.push_back({{QStringLiteral("caseId"), case_id},
                    {QStringLiteral("device"), qt::to_qstring(e.device)},
                    {QStringLiteral("deviceIsMe"), e.device == me},
                    {QStringLiteral("at"), QDateTime::fromSecsSinceEpoch(static_cast<qint64>(e.at_unix))},
                    {QStringLiteral("personName"), names[device::person_of_case(*cases, to_hex(e.case_id))]},
                    {QStringLiteral("reader"), e.device == me ? tr("Du") : author_text(e.device, host.device(), *staff)},
                    {QStringLiteral("actionLabel"), label_for(qt::to_qstring(e.action))}});
  }
  return rows;
}

}  // namespace varn::ui
