#include "conflict_list_model.hpp"

#include "ids.hpp"
#include "store_host.hpp"

namespace varn::ui {

ConflictListModel::ConflictListModel(QObject* parent)
    : StoreListModel({QStringLiteral("kind"), QStringLiteral("entityId"), QStringLiteral("field"),
                      QStringLiteral("author"), QStringLiteral("writtenAt"), QStringLiteral("reason"),
                      QStringLiteral("isNote")},
                     parent) {}

Result<QList<QVariantMap>> ConflictListModel::fetch(StoreHost& host) {
  auto conflicts = host.with_records([](store::Records& r) { return r.conflicts(); });
  if (!conflicts) return conflicts.error();
  QList<QVariantMap> rows;
  for (const auto& c : *conflicts) {
    rows.push_back({{QStringLiteral("kind"), qt::to_qstring(model::kind_name(c.kind))},
                    {QStringLiteral("entityId"), id_text(c.id)},
                    {QStringLiteral("field"), qt::to_qstring(c.field)},
                    {QStringLiteral("author"), qt::to_qstring(c.author.substr(0, 8))},
                    {QStringLiteral("writtenAt"), from_ms(c.written_ms)},
                    {QStringLiteral("reason"), qt::to_qstring(c.reason)},
                    {QStringLiteral("isNote"), c.kind == model::EntityKind::note}});
  }
  return rows;
}

}  // namespace varn::ui
