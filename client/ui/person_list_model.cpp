#include "person_list_model.hpp"

#include <algorithm>

#include "varn/device/case_directory.hpp"
#include "varn/device/caseload.hpp"
#include "note_rows.hpp"
#include "ids.hpp"
#include "labels.hpp"
#include "store_host.hpp"

namespace varn::ui {

PersonListModel::PersonListModel(QObject* parent)
    : StoreListModel({QStringLiteral("personId"), QStringLiteral("name"), QStringLiteral("protection"),
                      QStringLiteral("protectionLabel"), QStringLiteral("isProtected"), QStringLiteral("address"),
                      QStringLiteral("caseId"), QStringLiteral("responsible")},
                     parent) {}

void PersonListModel::setSearch(const QString& text) {
  if (text == search_) return;
  search_ = text;
  emit searchChanged();
  filterChanged();
}

void PersonListModel::setMineOnly(bool on) {
  if (on == mine_only_) return;
  mine_only_ = on;
  emit mineOnlyChanged();
  filterChanged();
}

Result<QList<QVariantMap>> PersonListModel::fetch(StoreHost& host) {
  auto persons = host.with_records([](store::Records& r) { return r.persons(); });
  if (!persons) return persons.error();
  auto cases = host.with_store([](store::LocalStore& s) { return device::list_cases(s); });
  if (!cases) return cases.error();
  auto load = host.with_both([&](store::LocalStore& s, store::Records& r) { return device::caseload_of(s, r, host.device()); });
  if (!load) return load.error();
  const auto staff = host.with_records([](store::Records& r) { return Result<device::StaffDirectory>(staff_directory(r)); });
  if (!staff) return staff.error();
  QList<QVariantMap> rows;
  for (const auto& p : *persons) {
    const QString name = qt::to_qstring(p.name);
    if (!search_.isEmpty() && !name.contains(search_, Qt::CaseInsensitive)) continue;
    const std::string case_hex = device::case_of_person(*cases, to_hex(p.id));
    const auto it = std::find_if(cases->begin(), cases->end(), [&](const auto& c) { return to_hex(c.id) == case_hex; });
    if (mine_only_ && it != cases->end() && !load->lists(*it)) continue;
    QStringList responsible;
    if (it != cases->end()) {
      for (const auto& s : it->responsible) responsible << qt::to_qstring(staff->staff_label(s));
    }
    const QString protection = qt::to_qstring(p.protection);
    const bool is_protected = protection != QLatin1String("none");
    rows.push_back({{QStringLiteral("personId"), id_text(p.id)},
                    {QStringLiteral("name"), name},
                    {QStringLiteral("protection"), protection},
                    {QStringLiteral("protectionLabel"), label_for(protection)},
                    {QStringLiteral("isProtected"), is_protected},
                    // Belt and braces: even if a store returned one, a protected address stays out.
                    {QStringLiteral("address"), is_protected || !p.address ? QString() : qt::to_qstring(*p.address)},
                    {QStringLiteral("caseId"), qt::to_qstring(case_hex)},
                    {QStringLiteral("responsible"), responsible.join(QStringLiteral("; "))}});
  }
  return rows;
}

}  // namespace varn::ui
