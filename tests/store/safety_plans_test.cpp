// Safety plans version by identity: each version names the versions it
// follows, so concurrent offline versions are both kept and both current.
#include <catch2/catch.hpp>

#include "store_fixture.hpp"
#include "varn/crypto/random.hpp"
#include "varn/model/domain.hpp"
#include "varn/model/safety_plan.hpp"
#include "varn/store/records.hpp"

using namespace varn;

namespace {

struct PlanDesk : test::RecordsDesk {
  model::EntityId case_id{};
  PlanDesk() {
    const auto person = records.add_person({"Karin Lindqvist", "", "none", ""}).value();
    case_id = records.open_case(person).value();
  }
  [[nodiscard]] std::vector<model::EntityId> current() {
    std::vector<model::EntityId> out;
    const auto plans = records.safety_plans(case_id).value();
    for (const auto& p : plans) {
      if (p.current) out.push_back(p.id);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
};

}  // namespace

TEST_CASE("a new safety-plan version follows the current one, may follow up an assessment of the case, and names "
          "only versions of the case",
          "[store][records][safety-plan]") {
  PlanDesk d;
  const auto first = d.records.add_safety_plan_version(d.case_id, "Ring 112. Väska hos grannen.").value();
  CHECK(d.current() == std::vector{first});
  d.wall.ms += 1000;
  const auto second = d.records.add_safety_plan_version(d.case_id, "Ny plan efter flytten").value();
  CHECK(d.current() == std::vector{second});
  const auto plans = d.records.safety_plans(d.case_id).value();
  REQUIRE(plans.size() == 2);
  CHECK(plans[0].id == first);
  CHECK_FALSE(plans[0].current);
  CHECK(plans[1].after == std::vector{first});
  CHECK(plans[1].author == to_hex(d.me));

  CHECK(d.records.add_safety_plan_version(d.case_id, "x", {crypto::random_array<16>()}).error().code ==
        Errc::not_found);
  const auto other = d.records.open_case(d.records.add_person({"Lena Berg", "", "none", ""}).value()).value();
  const auto elsewhere = d.records.add_safety_plan_version(other, "Annan plan").value();
  CHECK(d.records.add_safety_plan_version(d.case_id, "x", {elsewhere}).error().code == Errc::not_found);
  CHECK(d.records.add_safety_plan_version(d.case_id, "x", {}, crypto::random_array<16>()).error().code ==
        Errc::not_found);
  CHECK(d.records.add_safety_plan_version(d.case_id, " ").error().code == Errc::invalid_argument);
  CHECK(d.current() == std::vector{second});  // nothing refused was written
}

TEST_CASE("two devices writing the next safety-plan version offline both keep theirs, both are current, and a "
          "version that follows both joins them",
          "[store][records][safety-plan]") {
  PlanDesk d;
  const auto first = d.records.add_safety_plan_version(d.case_id, "Plan 1").value();
  d.wall.ms += 1000;
  const auto mine = d.records.add_safety_plan_version(d.case_id, "Plan 2 på surfplattan").value();
  // A colleague's device wrote its own next version of plan 1, offline.
  const crypto::DeviceId colleague = crypto::random_array<16>();
  const auto at = model::Hlc::from_parts(d.wall.ms, 0);
  const auto theirs = model::entity_id_for(at, colleague);
  auto received = test::received(
      colleague,
      {model::Op{model::EntityKind::safety_plan, theirs, std::string(model::fields::kCreated), to_hex(colleague), at,
                 colleague},
       model::Op{model::EntityKind::safety_plan, theirs, "case", to_hex(d.case_id), at, colleague},
       model::Op{model::EntityKind::safety_plan, theirs, "after", to_hex(first), at, colleague},
       model::Op{model::EntityKind::safety_plan, theirs, "text", "Plan 2 på kontoret", at, colleague}},
      1);
  received.role = registry::Role::worker;
  REQUIRE(d.store->apply_received(received));

  auto both = std::vector{mine, theirs};
  std::sort(both.begin(), both.end());
  CHECK(d.current() == both);
  // Neither is "version 2" over the other: a next version must say which it follows.
  const auto refused = d.records.add_safety_plan_version(d.case_id, "Plan 3");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == Errc::conflict);
  d.wall.ms += 1000;
  const auto joined = d.records.add_safety_plan_version(d.case_id, "Plan 3, båda ihop", {mine, theirs}).value();
  CHECK(d.current() == std::vector{joined});
}

TEST_CASE("safety plan: the current versions are the ones nobody follows, and a writer who names none follows the "
          "one current version",
          "[store][model][safety-plan]") {
  const model::EntityId a = crypto::random_array<16>(), b = crypto::random_array<16>(), c = crypto::random_array<16>();
  CHECK(model::current_versions({}).empty());
  CHECK(model::default_predecessors({}).value().empty());
  CHECK(model::current_versions({{a, {}}, {b, {a}}}) == std::vector{b});
  CHECK(model::default_predecessors({{a, {}}, {b, {a}}}).value() == std::vector{b});
  CHECK(model::current_versions({{a, {}}, {b, {a}}, {c, {a}}}) == std::vector{b, c});
  CHECK(model::default_predecessors({{a, {}}, {b, {a}}, {c, {a}}}).error().code == Errc::conflict);
  CHECK(model::split_versions(model::join_versions({a, b})) == std::vector{a, b});
  CHECK(model::split_versions("zz," + to_hex(c)) == std::vector{c});
}

TEST_CASE("a colleague's crafted safety-plan version and assessment that do not parse read as empty, never as another "
          "case's, and refuse nothing else",
          "[store][records][safety-plan][insider]") {
  PlanDesk d;
  const crypto::DeviceId colleague = crypto::random_array<16>();
  const auto at = model::Hlc::from_parts(d.wall.ms, 0);
  const auto plan = model::entity_id_for(at, colleague);
  const auto assessment = model::entity_id_for(model::Hlc::from_parts(d.wall.ms, 1), colleague);
  const auto op = [&](model::EntityKind kind, const model::EntityId& id, std::string field, std::string value) {
    return model::Op{kind, id, std::move(field), std::move(value), at, colleague};
  };
  auto received = test::received(
      colleague,
      {op(model::EntityKind::safety_plan, plan, std::string(model::fields::kCreated), to_hex(colleague)),
       op(model::EntityKind::safety_plan, plan, "case", to_hex(d.case_id)),
       op(model::EntityKind::safety_plan, plan, "after", "not-an-id,,zz"),
       op(model::EntityKind::safety_plan, plan, "assessment", "{"),
       op(model::EntityKind::safety_plan, plan, "text", "Plan"),
       op(model::EntityKind::assessment, assessment, std::string(model::fields::kCreated), to_hex(colleague)),
       op(model::EntityKind::assessment, assessment, "case", to_hex(d.case_id)),
       op(model::EntityKind::assessment, assessment, "answers", "[1,2"),
       op(model::EntityKind::assessment, assessment, "score", "\"high\""),
       op(model::EntityKind::assessment, assessment, "judgement", "ok")},
      1);
  received.role = registry::Role::worker;
  REQUIRE(d.store->apply_received(received));
  const auto plans = d.records.safety_plans(d.case_id);
  REQUIRE(plans);
  REQUIRE(plans->size() == 1);
  CHECK(plans->front().after.empty());
  CHECK_FALSE(plans->front().assessment);
  CHECK(plans->front().current);
  const auto assessments = d.records.assessments(d.case_id);
  REQUIRE(assessments);
  REQUIRE(assessments->size() == 1);
  CHECK(assessments->front().answers.empty());
  CHECK(assessments->front().points == 0);
  CHECK(assessments->front().band.empty());
  // The crafted version is current like any other: the next one follows it.
  const auto next = d.records.add_safety_plan_version(d.case_id, "Nästa");
  REQUIRE(next);
  CHECK(d.current() == std::vector{*next});
}
