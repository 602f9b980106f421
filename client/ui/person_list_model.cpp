#include "person_list_model.hpp"

#include "case_directory.hpp"
#include "ids.hpp"
#include "labels.hpp"
#include "store_host.hpp"

namespace varn::ui {

PersonListModel::PersonListModel(QObject* parent)
    : StoreListModel({QStringLiteral("personId"), QStringLiteral("name"), QStringLiteral("protection"),
                      QStringLiteral("protectionLabel"), QStringLiteral("isProtected"), QStringLiteral("address"),
                      QStringLiteral("caseId")},
                     parent) {}

void PersonListModel::setSearch(const QString& text) {
  if (text == search_) return;
  search_ = text;
  emit searchChanged();
  filterChanged();
}

Result<QList<QVariantMap>> PersonListModel::fetch(StoreHost& host) {
  auto persons = host.with_records([](store::Records& r) { return r.persons(); });
  if (!persons) return persons.error();
  auto cases = host.with_store([](store::LocalStore& s) { return list_cases(s); });
  if (!cases) return cases.error();
  QList<QVariantMap> rows;
  for (const auto& p : *persons) {
    const QString name = qt::to_qstring(p.name);
    if (!search_.isEmpty() && !name.contains(search_, Qt::CaseInsensitive)) continue;
    const QString protection = qt::to_qstring(p.protection);
    const bool is_protected = protection != QLatin1String("none");
    rows.push_back({{QStringLiteral("personId"), id_text(p.id)},
                    {QStringLiteral("name"), name},
                    {QStringLiteral("protection"), protection},
                    {QStringLiteral("protectionLabel"), label_for(protection)},
                    {QStringLiteral("isProtected"), is_protected},
                    // Belt and braces: even if a store returned one, a protected address stays out.
                    {QStringLiteral("address"), is_protected || !p.address ? QString() : qt::to_qstring(*p.address)},
                    {QStringLiteral("caseId"), qt::to_qstring(case_of_person(*cases, to_hex(p.id)))}});
  }
  return rows;
}

}  // namespace varn::ui
