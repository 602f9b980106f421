// The risk gate before a home visit (model/risk_gate.hpp) as the store
// holds both clients to it.
#include <catch2/catch.hpp>

#include "store_fixture.hpp"
#include "varn/model/risk_gate.hpp"
#include "varn/store/queries.hpp"
#include "varn/store/records.hpp"

using namespace varn;

namespace {

model::Instrument one_question() {
  model::Instrument instrument;
  instrument.id = "example";
  instrument.title = "Exempel";
  instrument.version = "1.0";
  model::Question q;
  q.id = "q1";
  q.kind = model::AnswerKind::yes_no;
  q.points_if_yes = 2;
  instrument.sections.push_back({"s1", "Section", {q}});
  instrument.bands = {{0, "low"}, {2, "raised"}};
  return instrument;
}

struct GateDesk : test::RecordsDesk {
  model::EntityId case_id{};
  GateDesk() { case_id = records.open_case(records.add_person({"Karin Lindqvist", "", "none", ""}).value()).value(); }
  Result<model::EntityId> visit(const std::string& kind, bool two_staff, const std::string& override_text = {}) {
    return records.record_visit({case_id, kind, "unknown", "", "", two_staff, false, override_text});
  }
};

}  // namespace

TEST_CASE("risk gate: only a home visit alone to a case flagged for threats or judged high risk needs an override",
          "[model][risk]") {
  const model::VisitRisk none{};
  const model::VisitRisk threats{true, ""};
  const model::VisitRisk high{false, "high"};
  const model::VisitRisk medium{false, "medium"};
  CHECK_FALSE(model::lone_visit_needs_override(none, "home", false));
  CHECK(model::lone_visit_needs_override(threats, "home", false));
  CHECK(model::lone_visit_needs_override(high, "home", false));
  CHECK_FALSE(model::lone_visit_needs_override(medium, "home", false));
  CHECK_FALSE(model::lone_visit_needs_override(threats, "home", true));
  CHECK_FALSE(model::lone_visit_needs_override(threats, "office", false));
}

TEST_CASE("a home visit alone to a case flagged for threats against staff is refused without an override, and kept "
          "with it",
          "[store][risk]") {
  GateDesk d;
  REQUIRE(d.visit("home", false));  // no flag: allowed
  REQUIRE(d.records.set_case_flags(d.case_id, {"threats_to_staff"}));
  CHECK(d.records.visit_risk(d.case_id)->threats_to_staff);
  const auto before = *d.records.waiting_ops();
  auto alone = d.visit("home", false);
  REQUIRE_FALSE(alone);
  CHECK(alone.error().code == Errc::forbidden);
  CHECK(alone.error().message.find("needs a reviewer's override") != std::string::npos);
  CHECK(*d.records.waiting_ops() == before);  // nothing written
  CHECK_FALSE(d.visit("home", false, "   "));  // white space is no override
  REQUIRE(d.visit("home", true));               // two staff
  REQUIRE(d.visit("office", false));            // not at home
  auto allowed = d.visit("home", false, "Maria Ek, enhetschef: larm och telefonkontakt var 30:e minut");
  REQUIRE(allowed);
  auto stored = store::stored_field(d.store->database(), model::EntityKind::visit, *allowed, "risk_override");
  REQUIRE(stored);
  CHECK(stored->value_or("") == "Maria Ek, enhetschef: larm och telefonkontakt var 30:e minut");
  REQUIRE(d.records.set_case_flags(d.case_id, {}));
  CHECK(d.visit("home", false));
}

TEST_CASE("the latest assessment's judged risk gates a lone home visit: high refuses it, a later lower one lifts it",
          "[store][risk]") {
  GateDesk d;
  REQUIRE(d.records.add_assessment(d.case_id, one_question(), {{"q1", "yes"}}, "Hot om att döda", "high"));
  CHECK(d.records.visit_risk(d.case_id)->latest_risk == "high");
  CHECK(d.visit("home", false).error().code == Errc::forbidden);
  d.wall.ms += 60'000;
  REQUIRE(d.records.add_assessment(d.case_id, one_question(), {{"q1", "no"}}, "Lugnare efter flytt", "medium"));
  CHECK(d.records.visit_risk(d.case_id)->latest_risk == "medium");
  CHECK(d.visit("home", false));
  CHECK(d.records.add_assessment(d.case_id, one_question(), {{"q1", "no"}}, "x", "extreme").error().code ==
        Errc::invalid_argument);
  auto listed = d.records.assessments(d.case_id);
  REQUIRE(listed);
  CHECK(listed->back().risk == "medium");
}
