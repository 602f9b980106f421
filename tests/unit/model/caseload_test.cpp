// The caseload rule both clients list by, and the log review's
// outside-caseload anomaly.
#include "varn/model/caseload.hpp"

#include <catch2/catch.hpp>

#include "varn/model/log_review.hpp"

using namespace varn;
using registry::Role;

TEST_CASE("caseload: a worker lists their own and unassigned cases, reviewers and admins the unit's",
          "[model][caseload]") {
  const std::string anna(32, 'a'), bo(32, 'b');
  const std::vector<std::string> annas{anna}, shared{anna, bo}, nobodys{};
  CHECK(model::lists_case(Role::worker, anna, annas));
  CHECK_FALSE(model::lists_case(Role::worker, bo, annas));
  CHECK(model::lists_case(Role::worker, bo, shared));
  CHECK(model::lists_case(Role::worker, bo, nobodys));
  CHECK_FALSE(model::lists_case(Role::worker, "", annas));  // a device nobody is named for has no caseload
  CHECK_FALSE(model::lists_case(std::nullopt, bo, annas));
  CHECK(model::lists_case(Role::reviewer, bo, annas));
  CHECK(model::lists_case(Role::admin, "", annas));
  CHECK(model::may_assign_case(Role::reviewer));
  CHECK(model::may_assign_case(Role::admin));
  CHECK_FALSE(model::may_assign_case(Role::worker));
  CHECK_FALSE(model::may_assign_case(std::nullopt));
  CHECK(model::assignment_class(Role::reviewer) == wire::ChangeSetClass::review);
  CHECK(model::assignment_class(Role::admin) == wire::ChangeSetClass::field_work);
}

TEST_CASE("caseload: the responsible field is sorted and unique, and reads back", "[model][caseload]") {
  const std::string a(32, 'a'), b(32, 'b');
  CHECK(model::join_responsible({b, a, b}) == a + "," + b);
  CHECK(model::split_responsible(a + "," + b) == std::vector{a, b});
  CHECK(model::split_responsible("").empty());
  CHECK(model::join_responsible({}).empty());
  model::Op op{model::EntityKind::case_file, {}, "responsible", a, {}, {}};
  CHECK(model::class_allows(wire::ChangeSetClass::review, op));
  CHECK(model::class_allows(wire::ChangeSetClass::field_work, op));
  op.field = "phase";
  CHECK_FALSE(model::class_allows(wire::ChangeSetClass::review, op));
}

TEST_CASE("log review: a read the reviewing device finds outside its reader's caseload is an anomaly",
          "[model][log-review][caseload]") {
  model::LogRead inside, outside;
  inside.entry[0] = 1;
  outside.entry[0] = 2;
  outside.case_id[0] = 9;
  inside.device = outside.device = "known";
  inside.at_unix = outside.at_unix = 10;
  const model::ReaderFacts facts{[](const std::string&) { return true; },
                                 [](const model::LogRead& r) { return r.case_id[0] == 9; }, {}};
  const auto calendar = [](std::uint64_t) { return model::LocalTime{2026, 11, 10}; };
  auto review = model::review_month({inside, outside}, "2026-11", calendar, facts);
  REQUIRE(review);
  REQUIRE(review->anomalies.size() == 1);
  CHECK(review->anomalies[0].read.entry == outside.entry);
  CHECK(review->anomalies[0].why == std::vector{model::LogAnomaly::outside_caseload});
  CHECK(model::to_string(model::LogAnomaly::outside_caseload) == "outside_caseload");
}

TEST_CASE("caseload: a staff record's casework reads back, and unknown words open nothing", "[model][caseload][roles]") {
  CHECK(model::casework_value({true, true}) == "reviewer,worker");
  CHECK(model::casework_value({}).empty());
  CHECK(model::parse_casework("reviewer,worker") == registry::Casework{true, true});
  CHECK(model::parse_casework("reviewer") == registry::Casework{false, true});
  CHECK(model::parse_casework("admin,everything") == registry::Casework{});
  CHECK(model::parse_casework(model::casework_value({true, false})) == registry::Casework{true, false});
}
