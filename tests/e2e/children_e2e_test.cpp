// Accompanying children through varn-cli and the real server: a decision on
// each of two tablets offline, both kept on every device.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "e2e_fixture.hpp"

using namespace varn::test;
using nlohmann::json;

TEST_CASE("a child recorded with varn-cli gets a decision on each of two tablets offline, and every device lists both "
          "with their authors",
          "[e2e][children]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto anna = server.enrol_device(admin, "anna", "worker", {"--person", "Anna Lind"});
  auto bo = server.enrol_device(admin, "bo", "worker", {"--person", "Bo Ek"});
  admin.ok({"sync"});
  const auto case_id = anna.ok({"case", "open", "--person", anna.ok({"person", "add", "--name", "Karin Lindqvist"})});
  const auto child = anna.ok({"child", "add", "--case", case_id, "--name", "Elsa Lindqvist", "--born", "2017",
                              "--exposure", "Hörde hoten", "--link", "Orosanmälan 2026-11-02"});
  CHECK(anna.run({"child", "add", "--case", case_id, "--name", "Elsa", "--born", "sjutton"}).exit_code != 0);
  anna.ok({"sync"});
  bo.ok({"sync"});
  const auto first = anna.ok({"child", "decide", child, "--decision", "Placeras med mamman"});
  const auto second = bo.ok({"child", "decide", child, "--decision", "Skolskjuts ordnas"});
  anna.ok({"sync"});
  bo.ok({"sync"});
  admin.ok({"sync"});
  const auto listed = json::parse(admin.ok({"child", "list", "--case", case_id, "--json"}));
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["born"] == "2017");
  CHECK(listed[0]["link"] == "Orosanmälan 2026-11-02");
  REQUIRE(listed[0]["decisions"].size() == 2);
  std::vector<std::string> ids, authors;
  for (const auto& d : listed[0]["decisions"]) {
    ids.push_back(d["id"].get<std::string>());
    authors.push_back(d["author"]["name"].get<std::string>());
  }
  CHECK(std::find(ids.begin(), ids.end(), first) != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), second) != ids.end());
  CHECK(std::find(authors.begin(), authors.end(), "Anna Lind") != authors.end());
  CHECK(std::find(authors.begin(), authors.end(), "Bo Ek") != authors.end());
  CHECK(json::parse(bo.ok({"child", "list", "--case", case_id, "--json"}))[0]["decisions"].size() == 2);
}
