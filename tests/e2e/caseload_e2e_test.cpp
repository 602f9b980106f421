// Caseload end to end: whose a case is, on every device, through the real
// server and varn-cli.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "e2e_fixture.hpp"

using namespace varn::test;
using nlohmann::json;

namespace {

std::vector<std::string> listed_cases(const CliDevice& device, bool mine) {
  std::vector<std::string> args{"list", "cases", "--json"};
  if (mine) args.emplace_back("--mine");
  std::vector<std::string> ids;
  for (const auto& c : json::parse(device.ok(args))) ids.push_back(c["id"].get<std::string>());
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

TEST_CASE("a case is its opener's, a reviewer reassigns it for every device, each worker's list holds their own, and "
          "a read outside one's caseload is flagged in the log review",
          "[e2e][caseload][access-log]") {
  NoonTimeZone noon;
  E2eServer server;
  auto admin = server.enrol_admin();
  auto anna = server.enrol_device(admin, "anna", "worker", {"--person", "Anna Lind", "--title", "socialsekreterare"});
  auto bo = server.enrol_device(admin, "bo", "worker", {"--person", "Bo Ek", "--title", "socialsekreterare"});
  auto chef = server.enrol_device(admin, "chef", "reviewer", {"--person", "Maria Ek", "--title", "enhetschef"});
  const auto anna_id = staff_id(admin, "Anna Lind");
  const auto bo_id = staff_id(admin, "Bo Ek");
  REQUIRE_FALSE(anna_id.empty());
  REQUIRE_FALSE(bo_id.empty());
  admin.ok({"sync"});
  for (const CliDevice* d : {&anna, &bo, &chef}) d->ok({"sync"});

  const auto annas_case = anna.ok({"case", "open", "--person", anna.ok({"person", "add", "--name", "Karin Lindqvist"})});
  const auto bos_case = bo.ok({"case", "open", "--person", bo.ok({"person", "add", "--name", "Lena Berg"})});
  anna.ok({"sync"});
  bo.ok({"sync"});
  for (const CliDevice* d : {&anna, &bo, &chef}) d->ok({"sync"});

  auto both = std::vector{annas_case, bos_case};
  std::sort(both.begin(), both.end());
  CHECK(listed_cases(anna, true) == std::vector{annas_case});
  CHECK(listed_cases(bo, true) == std::vector{bos_case});
  CHECK(listed_cases(chef, true) == both);  // a reviewer's caseload is the unit's
  CHECK(listed_cases(anna, false) == both);
  for (const auto& c : json::parse(chef.ok({"list", "cases", "--json"}))) {
    REQUIRE(c["responsible"].size() == 1);
    CHECK(c["responsible"][0]["name"] == (c["id"] == annas_case ? "Anna Lind" : "Bo Ek"));
  }

  // A worker may not take a colleague's case; the unit manager may share it.
  const auto taken = bo.run({"case", "assign", annas_case, "--staff", bo_id});
  CHECK(taken.exit_code != 0);
  CHECK(taken.err.find("only a reviewer or an admin") != std::string::npos);
  CHECK(chef.ok({"case", "assign", annas_case, "--staff", anna_id, bo_id}) == "responsible: 2 staff");
  chef.ok({"sync"});
  for (const CliDevice* d : {&anna, &bo}) d->ok({"sync"});
  CHECK(listed_cases(bo, true) == both);
  const auto shown = bo.ok({"show", "case", annas_case});
  CHECK(shown.find("Anna Lind, socialsekreterare") != std::string::npos);
  CHECK(shown.find("Bo Ek, socialsekreterare") != std::string::npos);

  // Anna reads Bo's case: allowed, logged, and flagged for the review.
  anna.ok({"show", "case", bos_case});
  anna.ok({"sync"});
  bo.ok({"sync"});
  chef.ok({"sync"});
  const auto review = json::parse(chef.ok({"log", "review", "--month", NoonTimeZone::month(), "--json"}));
  CHECK(review["reads"] == 2);
  REQUIRE(review["anomalies"].size() == 1);
  CHECK(review["anomalies"][0]["case"] == bos_case);
  CHECK(review["anomalies"][0]["by"]["name"] == "Anna Lind");
  CHECK(review["anomalies"][0]["why"] == json::array({"outside_caseload"}));
}
