// A case's safety plan: versions that each name the version they follow
// (model/safety_plan.hpp), read back with the assessment they build on.
#include <algorithm>
#include <tuple>

#include "varn/model/domain.hpp"
#include "varn/model/safety_plan.hpp"
#include "varn/store/queries.hpp"
#include "varn/store/records.hpp"

namespace varn::store {
namespace {

namespace dom = model::domain;
using model::EntityKind;

std::string text_of(Result<std::optional<std::string>> field) { return field && *field ? **field : std::string(); }

std::optional<EntityId> id_of(const std::string& hex) {
  auto id = array_from_hex<16>(hex);
  return id ? std::optional<EntityId>(*id) : std::nullopt;
}

Result<std::vector<SafetyPlanView>> read_safety_plans(Database& db, const EntityId& case_id) {
  auto ids = referring(db, EntityKind::safety_plan, dom::kSafetyPlanCase, case_id);
  if (!ids) return ids.error();
  std::vector<SafetyPlanView> out;
  for (const auto& id : *ids) {
    SafetyPlanView v;
    v.id = id;
    v.text = text_of(stored_field(db, EntityKind::safety_plan, id, dom::kSafetyPlanText));
    v.after = model::split_versions(text_of(stored_field(db, EntityKind::safety_plan, id, dom::kSafetyPlanAfter)));
    v.assessment = id_of(text_of(stored_field(db, EntityKind::safety_plan, id, dom::kSafetyPlanAssessment)));
    auto created = stored_op(db, EntityKind::safety_plan, id, model::fields::kCreated);
    if (!created) return created.error();
    if (*created) {
      v.author = to_hex((*created)->device);
      v.written_ms = (*created)->hlc.wall_ms();
    }
    out.push_back(std::move(v));
  }
  std::sort(out.begin(), out.end(), [](const SafetyPlanView& a, const SafetyPlanView& b) {
    return std::tie(a.written_ms, a.id) < std::tie(b.written_ms, b.id);
  });
  std::vector<model::PlanVersion> lineage;
  for (const auto& v : out) lineage.push_back({v.id, v.after});
  const auto current = model::current_versions(lineage);
  for (auto& v : out) v.current = std::find(current.begin(), current.end(), v.id) != current.end();
  return out;
}

}  // namespace

Result<std::vector<SafetyPlanView>> Records::safety_plans(const EntityId& case_id) {
  if (store_.locked()) return make_error(Errc::locked, "the store is locked");
  if (auto named = require_named(case_id); !named) return named.error();
  auto plans = read_safety_plans(store_.database(), case_id);
  if (!plans) return plans.error();
  if (!plans->empty()) {
    if (auto r = log_access({case_id}, dom::kAccessReadSafetyPlans); !r) return r.error();
  }
  return plans;
}

}  // namespace varn::store
