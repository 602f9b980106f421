// Records: what the risk gate before a home visit sees of a case
// (model/risk_gate.hpp).
#include <algorithm>

#include "varn/model/domain.hpp"
#include "varn/store/queries.hpp"
#include "varn/store/records.hpp"

namespace varn::store {

namespace dom = model::domain;
using model::EntityKind;

Result<std::vector<std::string>> Records::case_flags(const EntityId& case_id) {
  if (store_.locked()) return make_error(Errc::locked, "the store is locked");
  auto stored = stored_field(store_.database(), EntityKind::case_file, case_id, dom::kCaseFlags);
  if (!stored) return stored.error();
  const std::string all = stored->value_or("");
  std::vector<std::string> out;
  for (std::size_t start = 0; start < all.size();) {
    const auto comma = std::min(all.find(',', start), all.size());
    if (comma > start) out.push_back(all.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

Result<model::VisitRisk> Records::visit_risk(const EntityId& case_id) {
  auto flags = case_flags(case_id);
  if (!flags) return flags.error();
  Database& db = store_.database();
  model::VisitRisk risk;
  risk.threats_to_staff = std::find(flags->begin(), flags->end(), "threats_to_staff") != flags->end();
  // The latest assessment by when it was written, whatever it judged.
  auto ids = referring(db, EntityKind::assessment, dom::kAssessmentCase, case_id);
  if (!ids) return ids.error();
  std::uint64_t latest = 0;
  for (const auto& id : *ids) {
    auto created = stored_op(db, EntityKind::assessment, id, model::fields::kCreated);
    if (!created) return created.error();
    if (!*created || (*created)->hlc.packed < latest) continue;
    latest = (*created)->hlc.packed;
    auto level = stored_field(db, EntityKind::assessment, id, dom::kAssessmentRisk);
    if (!level) return level.error();
    risk.latest_risk = level->value_or("");
  }
  return risk;
}

}  // namespace varn::store
