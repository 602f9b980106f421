// Placements end to end: a worker records where the person lives for a
// time; the reviewer reads it back on another device, and the read is logged.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "e2e_fixture.hpp"

using namespace varn::test;
using nlohmann::json;

TEST_CASE("a worker records a placement with varn-cli, a reviewer lists it with its location, decision and author, "
          "and the read is logged",
          "[e2e][placement]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto anna = server.enrol_device(admin, "anna", "worker", {"--person", "Anna Lind", "--title", "socialsekreterare"});
  auto chef = server.enrol_device(admin, "chef", "reviewer", {"--person", "Maria Ek", "--title", "enhetschef"});
  admin.ok({"sync"});
  const auto case_id = anna.ok({"case", "open", "--person", anna.ok({"person", "add", "--name", "Karin Lindqvist"})});
  const auto placement = anna.ok({"placement", "add", "--case", case_id, "--kind", "skyddat-boende", "--from",
                                  "2026-11-02", "--location", "Kvinnojouren Viljan", "--decision",
                                  "Beslut 2026-11-01, SoL 4 kap. 1 §"});
  const auto refused = anna.run({"placement", "add", "--case", case_id, "--kind", "hotell", "--from", "2026-11-02"});
  CHECK(refused.exit_code != 0);
  const auto backwards = anna.run({"placement", "add", "--case", case_id, "--kind", "jourhem", "--from", "2026-11-05",
                                   "--to", "2026-11-04"});
  CHECK(backwards.exit_code != 0);
  CHECK(backwards.err.find("ends before it begins") != std::string::npos);
  anna.ok({"sync"});
  chef.ok({"sync"});

  const auto listed = json::parse(chef.ok({"placement", "list", "--case", case_id, "--json"}));
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["id"] == placement);
  CHECK(listed[0]["kind"] == "sheltered_housing");
  CHECK(listed[0]["from"] == "2026-11-02");
  CHECK(listed[0]["to"].is_null());
  CHECK(listed[0]["location"] == "Kvinnojouren Viljan");
  CHECK(listed[0]["decision"] == "Beslut 2026-11-01, SoL 4 kap. 1 §");
  CHECK(listed[0]["author"]["name"] == "Anna Lind");
  CHECK(chef.ok({"placement", "list", "--case", case_id}).find("sheltered_housing  2026-11-02 - ongoing") !=
        std::string::npos);

  bool logged = false;
  for (const auto& e : json::parse(chef.ok({"log", "--json"}))) {
    if (e["action"] == "read_placements" && e["case"] == case_id && e["by"]["name"] == "Maria Ek") logged = true;
  }
  CHECK(logged);
  // The location is inside the unit's ciphertext only.
  CHECK(all_bytes_under(server.data_dir).find("Kvinnojouren Viljan") == std::string::npos);
}
