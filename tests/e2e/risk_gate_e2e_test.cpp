// The risk gate through varn-cli: a case flagged for threats against staff
// is not planned as a home visit alone without a reviewer's override.
#include <catch2/catch.hpp>

#include "e2e_fixture.hpp"

using namespace varn::test;

TEST_CASE("varn-cli refuses a lone home visit to a case flagged for threats in one line, and records it with two "
          "staff or an override",
          "[e2e][risk]") {
  E2eServer server;
  auto worker = server.new_device("worker");
  const auto case_id = worker.ok({"case", "open", "--person", worker.ok({"person", "add", "--name", "Karin Lindqvist"})});
  CHECK(worker.ok({"case", "flag", case_id, "--threats-to-staff", "yes"}) == "threats-to-staff: yes");
  const std::vector<std::string> home = {"visit", "record", "--case", case_id, "--kind", "home", "--partner-present", "no"};
  auto alone = home;
  alone.insert(alone.end(), {"--staff", "1"});
  const auto refused = worker.run(alone);
  CHECK(refused.exit_code != 0);
  CHECK(refused.err.find("needs a reviewer's override") != std::string::npos);
  CHECK(refused.err.find('\n') == refused.err.size() - 1);  // one line
  auto two = home;
  two.insert(two.end(), {"--staff", "2"});
  CHECK(worker.ok(two).size() == 32);
  auto overridden = alone;
  overridden.insert(overridden.end(), {"--override", "Maria Ek, enhetschef: larm och avstämning var 30:e minut"});
  CHECK(worker.ok(overridden).size() == 32);
  CHECK(worker.ok({"case", "flag", case_id, "--threats-to-staff", "no"}) == "threats-to-staff: no");
  CHECK(worker.ok(alone).size() == 32);
}
