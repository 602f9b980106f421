// Safety plans end to end: two tablets writing the next version offline,
// through the real server and varn-cli.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "e2e_fixture.hpp"

using namespace varn::test;
using nlohmann::json;

namespace {

std::vector<std::string> current_versions(const CliDevice& d, const std::string& case_id) {
  std::vector<std::string> out;
  for (const auto& p : json::parse(d.ok({"safety-plan", "list", "--case", case_id, "--json"}))) {
    if (p["current"].get<bool>()) out.push_back(p["id"].get<std::string>());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("two tablets offline each write the next safety-plan version: both are kept and current on every device, "
          "and a version that follows both joins them",
          "[e2e][safety-plan]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto anna = server.enrol_device(admin, "anna", "worker", {"--person", "Anna Lind"});
  auto bo = server.enrol_device(admin, "bo", "worker", {"--person", "Bo Ek"});
  admin.ok({"sync"});
  const auto case_id = anna.ok({"case", "open", "--person", anna.ok({"person", "add", "--name", "Karin Lindqvist"})});
  const auto first = anna.ok({"safety-plan", "add", "--case", case_id, "--text", "Ring 112. Väska hos grannen."});
  anna.ok({"sync"});
  bo.ok({"sync"});

  // Both offline: each writes "the next version" of the first.
  const auto annas = anna.ok({"safety-plan", "add", "--case", case_id, "--text", "Ny plan, skrivet i bilen"});
  const auto bos = bo.ok({"safety-plan", "add", "--case", case_id, "--text", "Ny plan, skrivet på kontoret"});
  anna.ok({"sync"});
  bo.ok({"sync"});
  anna.ok({"sync"});
  auto both = std::vector{annas, bos};
  std::sort(both.begin(), both.end());
  CHECK(current_versions(anna, case_id) == both);
  CHECK(current_versions(bo, case_id) == both);
  for (const auto& p : json::parse(bo.ok({"safety-plan", "list", "--case", case_id, "--json"}))) {
    if (p["id"] != first) CHECK(p["after"] == json::array({first}));
    if (p["id"] == annas) CHECK(p["author"]["name"] == "Anna Lind");
  }
  CHECK(bo.ok({"safety-plan", "list", "--case", case_id}).find("2 versions are current") != std::string::npos);

  // A next version must say what it follows; one that follows both joins them.
  const auto unnamed = anna.run({"safety-plan", "add", "--case", case_id, "--text", "Tredje"});
  CHECK(unnamed.exit_code == 5);
  CHECK(unnamed.err.find("name the versions the new one follows") != std::string::npos);
  const auto joined =
      anna.ok({"safety-plan", "add", "--case", case_id, "--text", "Gemensam plan", "--after", annas, "--after", bos});
  anna.ok({"sync"});
  bo.ok({"sync"});
  CHECK(current_versions(bo, case_id) == std::vector{joined});
}
