// A case's placements: where the person lives for a time, read back with
// their secret location inside the case only, each read logged.
#include <algorithm>
#include <tuple>

#include "varn/model/domain.hpp"
#include "varn/store/queries.hpp"
#include "varn/store/records.hpp"

namespace varn::store {

namespace dom = model::domain;
using model::EntityKind;

Result<std::vector<PlacementView>> Records::placements(const EntityId& case_id) {
  if (store_.locked()) return make_error(Errc::locked, "the store is locked");
  if (auto named = require_named(case_id); !named) return named.error();
  Database& db = store_.database();
  auto ids = referring(db, EntityKind::placement, dom::kPlacementCase, case_id);
  if (!ids) return ids.error();
  const auto field = [&](const EntityId& id, std::string_view name) {
    auto value = stored_field(db, EntityKind::placement, id, name);
    return value && *value ? **value : std::string();
  };
  std::vector<PlacementView> out;
  for (const auto& id : *ids) {
    PlacementView v;
    v.id = id;
    v.placement = {field(id, dom::kPlacementKind), field(id, dom::kPlacementFrom), field(id, dom::kPlacementTo),
                   field(id, dom::kPlacementSecretLocation), field(id, dom::kPlacementDecision)};
    auto created = stored_op(db, EntityKind::placement, id, model::fields::kCreated);
    if (!created) return created.error();
    if (*created) {
      v.author = to_hex((*created)->device);
      v.written_ms = (*created)->hlc.wall_ms();
    }
    out.push_back(std::move(v));
  }
  std::sort(out.begin(), out.end(), [](const PlacementView& a, const PlacementView& b) {
    return std::tie(a.placement.from, a.written_ms, a.id) < std::tie(b.placement.from, b.written_ms, b.id);
  });
  if (!out.empty()) {
    if (auto r = log_access({case_id}, dom::kAccessReadPlacements); !r) return r.error();
  }
  return out;
}

}  // namespace varn::store
