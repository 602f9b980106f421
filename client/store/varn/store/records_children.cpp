// A case's accompanying children (R16), each with its own decisions: one
// record per decision, never edited, so two devices deciding at once keep both.
#include <algorithm>
#include <tuple>

#include "varn/model/domain.hpp"
#include "varn/store/queries.hpp"
#include "varn/store/records.hpp"

namespace varn::store {

namespace dom = model::domain;
using model::EntityKind;

namespace {

std::string text_of(Result<std::optional<std::string>> field) { return field && *field ? **field : std::string(); }

Result<std::vector<ChildDecisionView>> decisions_of(Database& db, const EntityId& child) {
  auto ids = referring(db, EntityKind::child_decision, dom::kChildDecisionChild, child);
  if (!ids) return ids.error();
  std::vector<ChildDecisionView> out;
  for (const auto& id : *ids) {
    ChildDecisionView d;
    d.id = id;
    d.text = text_of(stored_field(db, EntityKind::child_decision, id, dom::kChildDecisionText));
    auto created = stored_op(db, EntityKind::child_decision, id, model::fields::kCreated);
    if (!created) return created.error();
    if (*created) {
      d.author = to_hex((*created)->device);
      d.written_ms = (*created)->hlc.wall_ms();
    }
    out.push_back(std::move(d));
  }
  std::sort(out.begin(), out.end(), [](const ChildDecisionView& a, const ChildDecisionView& b) {
    return std::tie(a.written_ms, a.id) < std::tie(b.written_ms, b.id);
  });
  return out;
}

}  // namespace

Result<std::vector<ChildView>> Records::children(const EntityId& case_id) {
  if (store_.locked()) return make_error(Errc::locked, "the store is locked");
  if (auto named = require_named(case_id); !named) return named.error();
  Database& db = store_.database();
  auto ids = referring(db, EntityKind::child, dom::kChildCase, case_id);
  if (!ids) return ids.error();
  std::vector<ChildView> out;
  for (const auto& id : *ids) {
    ChildView v;
    v.id = id;
    const auto field = [&](std::string_view name) { return text_of(stored_field(db, EntityKind::child, id, name)); };
    v.child = {field(dom::kChildName), field(dom::kChildBorn), field(dom::kChildExposure), field(dom::kChildLink)};
    auto decisions = decisions_of(db, id);
    if (!decisions) return decisions.error();
    v.decisions = std::move(decisions).value();
    // A decision written on the child itself (older data) comes first.
    if (const auto old = field(dom::kChildDecision); !old.empty()) v.decisions.insert(v.decisions.begin(), {id, old, {}, 0});
    out.push_back(std::move(v));
  }
  std::sort(out.begin(), out.end(), [](const ChildView& a, const ChildView& b) {
    return std::tie(a.child.name, a.id) < std::tie(b.child.name, b.id);
  });
  if (!out.empty()) {
    if (auto r = log_access({case_id}, dom::kAccessReadChildren); !r) return r.error();
  }
  return out;
}

}  // namespace varn::store
