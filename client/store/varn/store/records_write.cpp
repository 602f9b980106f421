// Records: writes of people, cases, visits, tasks, safety plans, assessments.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "varn/crypto/random.hpp"
#include "varn/model/caseload.hpp"
#include "varn/model/domain.hpp"
#include "varn/model/safety_plan.hpp"
#include "varn/model/stale_drafts.hpp"
#include "varn/store/queries.hpp"
#include "varn/store/record_checks.hpp"
#include "varn/store/record_write.hpp"
#include "varn/store/records.hpp"

namespace varn::store {

namespace dom = model::domain;
using model::EntityKind;

namespace {

std::string yes_no(bool v) { return v ? "yes" : "no"; }

Result<void> require_exists(Database& db, EntityKind kind, const EntityId& id, std::string_view what) {
  auto found = entity_exists(db, kind, id);
  if (!found) return found.error();
  if (!*found) return make_error(Errc::not_found, std::string(what) + ": no such " + std::string(model::kind_name(kind)));
  return {};
}

// Runs `body` inside one RecordWrite and commits it.
template <class Body>
Result<void> in_write(LocalStore& store, model::HybridClock& clock, const crypto::DeviceId& me, Body&& body) {
  auto w = RecordWrite::begin(store, clock, me);
  if (!w) return w.error();
  if (auto r = body(*w); !r) return r;
  return w->commit();
}

// The first op of every new entity names its author.
Result<void> put_created(RecordWrite& w, EntityKind kind, const EntityId& id, const crypto::DeviceId& me) {
  return w.put(kind, id, model::fields::kCreated, to_hex(me));
}

using FieldValues = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// A new entity that belongs to a case: the case must exist; its creation op,
// its pointer to the case, then `fields` in order, in one write.
Result<EntityId> add_to_case(LocalStore& store, model::HybridClock& clock, const crypto::DeviceId& me, EntityKind kind,
                             const EntityId& case_id, std::string_view case_field, FieldValues fields) {
  EntityId id{};
  auto done = in_write(store, clock, me, [&](RecordWrite& w) -> Result<void> {
    id = w.new_id();
    if (auto r = require_exists(w.db(), EntityKind::case_file, case_id, "case"); !r) return r;
    if (auto r = put_created(w, kind, id, me); !r) return r;
    if (auto r = w.put(kind, id, case_field, to_hex(case_id)); !r) return r;
    for (const auto& [field, value] : fields) {
      if (auto r = w.put(kind, id, field, std::string(value)); !r) return r;
    }
    return {};
  });
  if (!done) return done.error();
  return id;
}


}  // namespace

Result<EntityId> Records::add_person(const PersonInput& input) {
  if (auto r = require_text("name", input.name); !r) return r.error();
  if (auto r = require_one_of("protection", dom::protection_levels(), input.protection); !r) return r.error();
  if (input.protection == dom::kProtectedRegistration && !input.address.empty()) {
    return make_error(Errc::invalid_argument, std::string(kNoAddressMessage));
  }
  EntityId id{};
  auto done = in_write(store_, clock_, me_, [&](RecordWrite& w) -> Result<void> {
    id = w.new_id();
    if (auto r = put_created(w, EntityKind::person, id, me_); !r) return r;
    if (auto r = w.put(EntityKind::person, id, dom::kPersonName, input.name); !r) return r;
    if (auto r = w.put(EntityKind::person, id, dom::kPersonProtection, input.protection); !r) return r;
    if (!input.identity_number.empty()) {
      if (auto r = w.put(EntityKind::person, id, dom::kPersonIdentityNumber, input.identity_number); !r) return r;
    }
    if (!input.address.empty()) return w.put(EntityKind::person, id, dom::kPersonAddress, input.address);
    return {};
  });
  if (!done) return done.error();
  return id;
}

Result<void> Records::set_protection(const EntityId& person, const std::string& level,
                                     wire::ChangeSetClass change_class) {
  if (auto r = require_one_of("protection", dom::protection_levels(), level); !r) return r;
  return in_write(store_, clock_, me_, [&](RecordWrite& w) -> Result<void> {
    if (auto r = require_exists(w.db(), EntityKind::person, person, "person"); !r) return r;
    // Raising to skyddad folkbokföring also removes a recorded address (merge_writer.cpp).
    return w.put(EntityKind::person, person, dom::kPersonProtection, level, change_class);
  });
}

Result<EntityId> Records::open_case(const EntityId& person) {
  auto mine = my_staff();
  if (!mine) return mine.error();
  EntityId id{};
  auto done = in_write(store_, clock_, me_, [&](RecordWrite& w) -> Result<void> {
    id = w.new_id();
    if (auto r = require_exists(w.db(), EntityKind::person, person, "person"); !r) return r;
    if (auto r = put_created(w, EntityKind::case_file, id, me_); !r) return r;
    if (auto r = w.put(EntityKind::case_file, id, dom::kCasePerson, to_hex(person)); !r) return r;
    if (*mine) {
      if (auto r = w.put(EntityKind::case_file, id, dom::kCaseResponsible, to_hex(**mine)); !r) return r;
    }
    return w.put(EntityKind::case_file, id, dom::kCasePhase, "intake");
  });
  if (!done) return done.error();
  return id;
}

Result<void> Records::set_case_responsible(const EntityId& case_id, const std::vector<EntityId>& staff,
                                           wire::ChangeSetClass change_class) {
  std::vector<std::string> hex;
  for (const auto& s : staff) hex.push_back(to_hex(s));
  return in_write(store_, clock_, me_, [&](RecordWrite& w) -> Result<void> {
    if (auto r = require_exists(w.db(), EntityKind::case_file, case_id, "case"); !r) return r;
    for (const auto& s : staff) {
      if (auto r = require_exists(w.db(), EntityKind::staff, s, "staff"); !r) return r;
    }
    return w.put(EntityKind::case_file, case_id, dom::kCaseResponsible, model::join_responsible(hex), change_class);
  });
}

Result<void> Records::set_case_phase(const EntityId& case_id, const std::string& phase) {
  if (auto r = require_one_of("phase", dom::case_phases(), phase); !r) return r;
  return in_write(store_, clock_, me_, [&](RecordWrite& w) -> Result<void> {
    if (auto r = require_exists(w.db(), EntityKind::case_file, case_id, "case"); !r) return r;
    return w.put(EntityKind::case_file, case_id, dom::kCasePhase, phase);
  });
}

Result<void> Records::set_case_flags(const EntityId& case_id, const std::vector<std::string>& flags) {
  std::vector<std::string> sorted;
  for (const auto& f : flags) {
    if (auto r = require_one_of("flags", dom::case_flags(), f); !r) return r;
    sorted.push_back(f);
  }
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::string joined;
  for (const auto& f : sorted) joined += (joined.empty() ? "" : ",") + f;
  return in_write(store_, clock_, me_, [&](RecordWrite& w) -> Result<void> {
    if (auto r = require_exists(w.db(), EntityKind::case_file, case_id, "case"); !r) return r;
    return w.put(EntityKind::case_file, case_id, dom::kCaseFlags, joined);
  });
}

Result<EntityId> Records::record_visit(const VisitInput& input) {
  if (auto r = require_one_of("kind", dom::visit_kinds(), input.kind); !r) return r.error();
  if (auto r = require_one_of("partner_present", dom::partner_present_values(), input.partner_present); !r) {
    return r.error();
  }
  if (auto r = require_iso8601_or_empty("planned_at", input.planned_at); !r) return r.error();
  auto risk = visit_risk(input.case_id);
  if (!risk) return risk.error();
  if (model::lone_visit_needs_override(*risk, input.kind, input.two_staff) && !has_text(input.risk_override)) {
    return make_error(Errc::forbidden, std::string(kLoneVisitMessage));
  }
  EntityId id{};
  auto done = in_write(store_, clock_, me_, [&](RecordWrite& w) -> Result<void> {
    id = w.new_id();
    if (auto r = require_exists(w.db(), EntityKind::case_file, input.case_id, "case"); !r) return r;
    if (!input.place.empty()) {
      auto allowed = place_kept(w.db(), input.case_id, input.kind);
      if (!allowed) return allowed.error();
      if (!*allowed) return make_error(Errc::invalid_argument, std::string(kNoAddressMessage) + ": a home visit has no place");
    }
    const std::pair<std::string_view, std::string> fields[] = {
        {dom::kVisitCase, to_hex(input.case_id)},        {dom::kVisitKind, input.kind},
        {dom::kVisitPlannedAt, input.planned_at},        {dom::kVisitPlace, input.place},
        {dom::kVisitPartnerPresent, input.partner_present}, {dom::kVisitTwoStaff, yes_no(input.two_staff)},
        {dom::kVisitAlarm, yes_no(input.alarm_taken)}};
    if (auto r = put_created(w, EntityKind::visit, id, me_); !r) return r;
    for (const auto& [field, value] : fields) {
      if (auto r = w.put(EntityKind::visit, id, field, value); !r) return r;
    }
    if (has_text(input.risk_override)) return w.put(EntityKind::visit, id, dom::kVisitRiskOverride, input.risk_override);
    return {};
  });
  if (!done) return done.error();
  return id;
}

Result<EntityId> Records::add_staff(const std::string& name, const std::string& title) {
  if (auto r = require_text("name", name); !r) return r.error();
  EntityId id{};
  auto done = in_write(store_, clock_, me_, [&](RecordWrite& w) -> Result<void> {
    id = w.new_id();
    if (auto r = put_created(w, EntityKind::staff, id, me_); !r) return r;
    if (auto r = w.put(EntityKind::staff, id, dom::kStaffName, name); !r) return r;
    return w.put(EntityKind::staff, id, dom::kStaffTitle, title);
  });
  if (!done) return done.error();
  return id;
}

Result<void> Records::set_staff_device(const EntityId& staff, const crypto::DeviceId& device, bool enrolled) {
  return in_write(store_, clock_, me_, [&](RecordWrite& w) -> Result<void> {
    if (auto r = require_exists(w.db(), EntityKind::staff, staff, "staff member"); !r) return r;
    return w.put(EntityKind::staff, staff, std::string(dom::kStaffDevicePrefix) + to_hex(device), enrolled ? "1" : "0");
  });
}

Result<void> Records::set_staff_casework(const EntityId& staff, registry::Casework casework) {
  return in_write(store_, clock_, me_, [&](RecordWrite& w) -> Result<void> {
    if (auto r = require_exists(w.db(), EntityKind::staff, staff, "staff member"); !r) return r;
    return w.put(EntityKind::staff, staff, dom::kStaffCasework, model::casework_value(casework));
  });
}

Result<void> Records::set_stale_draft_days(std::uint32_t days) {
  const std::string text = std::to_string(days);
  if (!model::parse_stale_draft_days(text)) {
    return make_error(Errc::invalid_argument,
                      "stale_draft_days: must be 1 to " + std::to_string(model::kMaxStaleDraftDays) + " days");
  }
  return in_write(store_, clock_, me_, [&](RecordWrite& w) -> Result<void> {
    const EntityId id = w.new_id();
    if (auto r = put_created(w, EntityKind::setting, id, me_); !r) return r;
    return w.put(EntityKind::setting, id, dom::kSettingStaleDraftDays, text);
  });
}

Result<EntityId> Records::add_task(const EntityId& case_id, const std::string& text, const std::string& due) {
  if (auto r = require_text("text", text); !r) return r.error();
  if (auto r = require_iso8601_or_empty("due", due); !r) return r.error();
  return add_to_case(store_, clock_, me_, EntityKind::task, case_id, dom::kTaskCase,
                     {{dom::kTaskText, text}, {dom::kTaskDue, due}, {dom::kTaskDone, "no"}});
}

Result<void> Records::complete_task(const EntityId& task) {
  return in_write(store_, clock_, me_, [&](RecordWrite& w) -> Result<void> {
    if (auto r = require_exists(w.db(), EntityKind::task, task, "task"); !r) return r;
    return w.put(EntityKind::task, task, dom::kTaskDone, "yes");
  });
}

Result<void> Records::reopen_task(const EntityId& task) {
  return in_write(store_, clock_, me_, [&](RecordWrite& w) -> Result<void> {
    if (auto r = require_exists(w.db(), EntityKind::task, task, "task"); !r) return r;
    return w.put(EntityKind::task, task, dom::kTaskDone, "no");
  });
}

Result<EntityId> Records::add_safety_plan_version(const EntityId& case_id, const std::string& text,
                                                  const std::vector<EntityId>& after,
                                                  std::optional<EntityId> assessment) {
  if (auto r = require_text("text", text); !r) return r.error();
  EntityId id{};
  auto done = in_write(store_, clock_, me_, [&](RecordWrite& w) -> Result<void> {
    id = w.new_id();
    if (auto r = require_exists(w.db(), EntityKind::case_file, case_id, "case"); !r) return r;
    auto earlier = referring(w.db(), EntityKind::safety_plan, dom::kSafetyPlanCase, case_id);
    if (!earlier) return earlier.error();
    std::vector<model::PlanVersion> lineage;
    for (const auto& e : *earlier) {
      auto follows = stored_field(w.db(), EntityKind::safety_plan, e, dom::kSafetyPlanAfter);
      if (!follows) return follows.error();
      lineage.push_back({e, model::split_versions(follows->value_or(""))});
    }
    std::vector<EntityId> follows = after;
    if (follows.empty()) {
      auto current = model::default_predecessors(lineage);
      if (!current) return current.error();
      follows = *current;
    }
    for (const auto& f : follows) {
      if (std::find(earlier->begin(), earlier->end(), f) == earlier->end()) {
        return make_error(Errc::not_found, "after: no version of this case's safety plan has id " + to_hex(f));
      }
    }
    if (assessment) {
      auto of = stored_field(w.db(), EntityKind::assessment, *assessment, dom::kAssessmentCase);
      if (!of) return of.error();
      if (of->value_or("") != to_hex(case_id)) {
        return make_error(Errc::not_found, "assessment: this case has no assessment with id " + to_hex(*assessment));
      }
    }
    if (auto r = put_created(w, EntityKind::safety_plan, id, me_); !r) return r;
    if (auto r = w.put(EntityKind::safety_plan, id, dom::kSafetyPlanCase, to_hex(case_id)); !r) return r;
    if (!follows.empty()) {
      if (auto r = w.put(EntityKind::safety_plan, id, dom::kSafetyPlanAfter, model::join_versions(follows)); !r) return r;
    }
    if (assessment) {
      if (auto r = w.put(EntityKind::safety_plan, id, dom::kSafetyPlanAssessment, to_hex(*assessment)); !r) return r;
    }
    return w.put(EntityKind::safety_plan, id, dom::kSafetyPlanText, text);
  });
  if (!done) return done.error();
  return id;
}

Result<EntityId> Records::add_assessment(const EntityId& case_id, const model::Instrument& instrument,
                                         const model::Answers& answers, const std::string& judgement,
                                         const std::string& risk) {
  // The worker's own judgement is required: the software never hands out a verdict.
  if (auto r = require_text("judgement", judgement); !r) return r.error();
  if (!risk.empty()) {
    if (auto r = require_one_of("risk", dom::risk_levels(), risk); !r) return r.error();
  }
  auto scored = model::score(instrument, answers);
  if (!scored) return scored.error();
  const nlohmann::json answers_json(answers);
  const nlohmann::json score_json = {{"points", scored->points}, {"band", scored->band}};
  const auto dump = [](const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); };
  EntityId id{};
  auto done = in_write(store_, clock_, me_, [&](RecordWrite& w) -> Result<void> {
    id = w.new_id();
    if (auto r = require_exists(w.db(), EntityKind::case_file, case_id, "case"); !r) return r;
    if (auto r = put_created(w, EntityKind::assessment, id, me_); !r) return r;
    const std::pair<std::string_view, std::string> fields[] = {
        {dom::kAssessmentCase, to_hex(case_id)},         {dom::kAssessmentInstrument, instrument.id},
        {dom::kAssessmentInstrumentVersion, instrument.version}, {dom::kAssessmentInstrumentTitle, instrument.title},
        {dom::kAssessmentAnswers, dump(answers_json)},  {dom::kAssessmentScore, dump(score_json)},
        {dom::kAssessmentJudgement, judgement},         {dom::kAssessmentRisk, risk}};
    for (const auto& [field, value] : fields) {
      if (auto r = w.put(EntityKind::assessment, id, field, value); !r) return r;
    }
    return {};
  });
  if (!done) return done.error();
  return id;
}

Result<EntityId> Records::add_placement(const EntityId& case_id, const PlacementInput& input) {
  if (auto r = require_one_of("kind", dom::placement_kinds(), input.kind); !r) return r.error();
  if (auto r = require_text("from", input.from); !r) return r.error();
  if (auto r = require_iso8601_or_empty("from", input.from); !r) return r.error();
  if (auto r = require_iso8601_or_empty("to", input.to); !r) return r.error();
  // Dates and times in ISO 8601 sort as text.
  if (!input.to.empty() && input.to < input.from) {
    return make_error(Errc::invalid_argument, "to: the placement ends before it begins");
  }
  return add_to_case(store_, clock_, me_, EntityKind::placement, case_id, dom::kPlacementCase,
                     {{dom::kPlacementKind, input.kind},
                      {dom::kPlacementFrom, input.from},
                      {dom::kPlacementTo, input.to},
                      {dom::kPlacementSecretLocation, input.secret_location},
                      {dom::kPlacementDecision, input.decision}});
}

Result<EntityId> Records::add_child(const EntityId& case_id, const ChildInput& input) {
  if (auto r = require_text("name", input.name); !r) return r.error();
  if (input.born.size() != 4 || !std::all_of(input.born.begin(), input.born.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return make_error(Errc::invalid_argument, "born: a year of birth, YYYY");
  }
  return add_to_case(store_, clock_, me_, EntityKind::child, case_id, dom::kChildCase,
                     {{dom::kChildName, input.name},
                      {dom::kChildBorn, input.born},
                      {dom::kChildExposure, input.exposure},
                      {dom::kChildLink, input.link}});
}

Result<EntityId> Records::decide_child(const EntityId& child, const std::string& decision) {
  if (auto r = require_text("decision", decision); !r) return r.error();
  EntityId id{};
  auto done = in_write(store_, clock_, me_, [&](RecordWrite& w) -> Result<void> {
    id = w.new_id();
    if (auto r = require_exists(w.db(), EntityKind::child, child, "child"); !r) return r;
    if (auto r = put_created(w, EntityKind::child_decision, id, me_); !r) return r;
    if (auto r = w.put(EntityKind::child_decision, id, dom::kChildDecisionChild, to_hex(child)); !r) return r;
    return w.put(EntityKind::child_decision, id, dom::kChildDecisionText, decision);
  });
  if (!done) return done.error();
  return id;
}

}  // namespace varn::store
