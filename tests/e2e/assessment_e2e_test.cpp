// Assessments end to end: saved on a worker's tablet with the unit's
// instrument file, read back on the reviewer's as they were saved, and every
// read of them logged.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "e2e_fixture.hpp"

using namespace varn::test;
using nlohmann::json;

TEST_CASE("a worker saves an assessment with varn-cli, the reviewer lists it with its instrument version, score, "
          "judgement and author, and each read is logged",
          "[e2e][assessment][access-log]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto worker = server.enrol_device(admin, "worker", "worker", {"--person", "Anna Lind", "--title", "socialsekreterare"});
  auto reviewer = server.enrol_device(admin, "reviewer", "reviewer", {"--person", "Maria Ek"});
  admin.ok({"sync"});  // the staff records the approvals wrote
  const auto case_id = worker.ok({"case", "open", "--person", worker.ok({"person", "add", "--name", "Karin Lindqvist"})});
  const std::string instrument = std::string(VARN_INSTRUMENTS_DIR) + "/example_instrument.json";
  const auto answers = server.dir + "/answers.json";
  std::ofstream(answers) << R"({"threatened_recently": "yes", "physical_frequency": 2, "weapon_access": "no",
                               "other_circumstances": "Hot via sms"})";

  // Refused with one line each, nothing saved.
  CHECK(worker.run({"assessment", "add", "--case", case_id, "--instrument", instrument, "--answers", answers,
                    "--judgement", " "}).exit_code != 0);
  std::ofstream(server.dir + "/bad.json") << R"({"physical_frequency": 9})";
  const auto out_of_range = worker.run({"assessment", "add", "--case", case_id, "--instrument", instrument, "--answers",
                                        server.dir + "/bad.json", "--judgement", "x"});
  CHECK(out_of_range.exit_code != 0);
  CHECK(out_of_range.err.find("physical_frequency") != std::string::npos);

  const auto id = worker.ok({"assessment", "add", "--case", case_id, "--instrument", instrument, "--answers", answers,
                             "--judgement", "Hög risk: hot och våld senaste månaden"});
  REQUIRE(id.size() == 32);
  worker.ok({"sync"});
  reviewer.ok({"sync"});

  const auto listed = json::parse(reviewer.ok({"assessment", "list", "--case", case_id, "--json"}));
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["id"] == id);
  CHECK(listed[0]["instrument"]["id"] == "varn-example-risk");
  CHECK(listed[0]["instrument"]["version"] == "1.0");
  CHECK(listed[0]["score"]["points"] == 4);  // yes (2) + frequency 2 + no (0)
  CHECK(listed[0]["judgement"] == "Hög risk: hot och våld senaste månaden");
  CHECK(listed[0]["author"]["name"] == "Anna Lind");
  CHECK_FALSE(listed[0].contains("answers"));
  const auto shown = json::parse(reviewer.ok({"assessment", "show", id, "--json"}));
  CHECK(shown["answers"]["other_circumstances"] == "Hot via sms");
  CHECK(shown["answers"]["physical_frequency"] == "2");
  CHECK(reviewer.ok({"assessment", "list", "--case", case_id}).find("varn-example-risk 1.0  score 4") !=
        std::string::npos);

  reviewer.ok({"sync"});
  worker.ok({"sync"});
  std::vector<std::string> reads;
  for (const auto& e : json::parse(worker.ok({"log", "--json"}))) {
    if (e["by"]["name"] == "Maria Ek" && e["case"] == case_id) reads.push_back(e["action"].get<std::string>());
  }
  std::sort(reads.begin(), reads.end());
  // Each varn-cli run is a read of its own: two lists and one show.
  CHECK(reads == std::vector<std::string>{"read_assessment", "read_assessments", "read_assessments"});
}
