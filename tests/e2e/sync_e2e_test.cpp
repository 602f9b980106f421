// Issue 4's "done when", through the real executables: varn-server on
// 127.0.0.1 and varn-cli devices with their own SQLCipher stores.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "e2e_fixture.hpp"

using namespace varn::test;

namespace {

// Records a person, case, home visit and a note; returns the case id.
std::string record_visit(const CliDevice& d, const std::string& person_name, const std::string& note) {
  const auto person = d.ok({"person", "add", "--name", person_name});
  const auto case_id = d.ok({"case", "open", "--person", person});
  const auto visit = d.ok({"visit", "record", "--case", case_id, "--kind", "separate", "--partner-present", "no"});
  d.ok({"note", "add", "--visit", visit, "--text", note});
  return case_id;
}

}  // namespace

TEST_CASE("A note written offline on one device reaches another through the server", "[e2e][sync]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto worker = server.enrol_device(admin, "worker", "worker");

  record_visit(worker, "Karin Lindqvist", "Berättade om hot i hemmet; vill ha separat samtal igen.");
  worker.ok({"sync"});
  admin.ok({"sync"});
  const auto notes = admin.ok({"list", "notes", "--json"});
  CHECK(notes.find("vill ha separat samtal igen") != std::string::npos);

  SECTION("the server's data directory and log hold none of the plaintext") {
    server.stop();
    const auto on_server = all_bytes_under(server.data_dir) + read_file(server.log_path);
    CHECK(on_server.find("Karin") == std::string::npos);
    CHECK(on_server.find("Lindqvist") == std::string::npos);
    CHECK(on_server.find("separat samtal") == std::string::npos);
  }
  SECTION("the devices' stores on disk hold none of it either (SQLCipher)") {
    const auto on_devices = read_file(worker.store) + read_file(admin.store) + read_file(worker.store + ".key");
    CHECK_FALSE(on_devices.empty());
    CHECK(on_devices.find("Lindqvist") == std::string::npos);
    CHECK(on_devices.find("separat samtal") == std::string::npos);
  }
}

TEST_CASE("Two devices record offline, sync both ways and converge", "[e2e][sync]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto a = server.enrol_device(admin, "tablet-a", "worker");
  auto b = server.enrol_device(admin, "tablet-b", "worker");
  record_visit(a, "Person A", "Anteckning från A");
  record_visit(b, "Person B", "Anteckning från B");
  a.ok({"sync"});
  b.ok({"sync"});
  a.ok({"sync"});
  const auto notes_a = a.ok({"list", "notes", "--json"});
  const auto notes_b = b.ok({"list", "notes", "--json"});
  CHECK(notes_a.find("Anteckning från B") != std::string::npos);
  CHECK(notes_b.find("Anteckning från A") != std::string::npos);
  CHECK(notes_a == notes_b);
}

TEST_CASE("Three devices edit one case concurrently and converge", "[e2e][sync]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto a = server.enrol_device(admin, "a", "worker");
  auto b = server.enrol_device(admin, "b", "worker");
  auto c = server.enrol_device(admin, "c", "worker");
  const auto case_id = record_visit(a, "Delad person", "Första anteckningen");
  a.ok({"sync"});
  b.ok({"sync"});
  c.ok({"sync"});
  // Offline, all three change the same case at once.
  a.ok({"case", "phase", case_id, "--set", "assessment"});
  b.ok({"case", "phase", case_id, "--set", "investigation"});
  c.ok({"case", "phase", case_id, "--set", "decision"});
  for (const auto* d : {&a, &b, &c}) d->ok({"sync"});
  for (const auto* d : {&a, &b, &c}) d->ok({"sync"});
  const auto seen_a = a.ok({"show", "case", case_id, "--json"});
  CHECK(seen_a == b.ok({"show", "case", case_id, "--json"}));
  CHECK(seen_a == c.ok({"show", "case", case_id, "--json"}));
  const auto phase = nlohmann::json::parse(seen_a)["phase"].get<std::string>();
  CHECK((phase == "assessment" || phase == "investigation" || phase == "decision"));
}

TEST_CASE("A device whose server was killed mid-sync carries on after a restart", "[e2e][sync]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto worker = server.enrol_device(admin, "worker", "worker");
  for (int i = 0; i < 5; ++i) record_visit(worker, "Person " + std::to_string(i), "Anteckning " + std::to_string(i));
  server.kill9();
  auto offline = worker.run({"sync"});
  CHECK(offline.exit_code != 0);  // a clear failure, nothing lost
  CHECK_FALSE(offline.err.empty());
  server.start();  // same data dir, new port
  worker.ok({"sync", "--server", server.url});
  admin.ok({"sync", "--server", server.url});
  const auto notes = admin.ok({"list", "notes", "--json"});
  for (int i = 0; i < 5; ++i) CHECK(notes.find("Anteckning " + std::to_string(i)) != std::string::npos);
}

TEST_CASE("Notes a full server refuses (507) stay on the device and go once it takes them", "[e2e][sync][quota]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto worker = server.enrol_device(admin, "worker", "worker");
  server.stop();
  server.extra_args = {"--max-device-bytes", "1"};
  server.start();
  record_visit(worker, "Karin Lindqvist", "Anteckning som väntar");
  auto refused = worker.run({"sync", "--server", server.url});
  CHECK(refused.exit_code != 0);
  CHECK(refused.err.find("quota") != std::string::npos);
  server.stop();
  server.extra_args.clear();
  server.start();
  worker.ok({"sync", "--server", server.url});
  admin.ok({"sync", "--server", server.url});
  CHECK(admin.ok({"list", "notes", "--json"}).find("Anteckning som väntar") != std::string::npos);
}

TEST_CASE("A reviewer signs off a signed note and the author sees it reviewed", "[e2e][sync][review]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto worker = server.enrol_device(admin, "worker", "worker");
  auto reviewer = server.enrol_device(admin, "reviewer", "reviewer");
  record_visit(worker, "Granskad person", "Anteckning att granska");
  const auto note = nlohmann::json::parse(worker.ok({"list", "notes", "--json"}))[0]["id"].get<std::string>();
  worker.ok({"note", "sign", note});
  // Each role is refused at once what the server would refuse later.
  auto worker_signoff = worker.run({"note", "signoff", note});
  CHECK(worker_signoff.exit_code == 5);
  CHECK(worker_signoff.err.find("may not sign off") != std::string::npos);
  worker.ok({"sync"});
  reviewer.ok({"sync"});
  CHECK(reviewer.run({"person", "add", "--name", "Fel roll"}).exit_code == 5);
  reviewer.ok({"note", "signoff", note});
  reviewer.ok({"sync"});
  worker.ok({"sync"});
  const auto seen = nlohmann::json::parse(worker.ok({"list", "notes", "--json"}));
  REQUIRE(seen.size() == 1);
  CHECK(seen[0]["signed"] == true);
  CHECK(seen[0]["reviewed"] == true);
  CHECK(worker.ok({"list", "notes", "--unreviewed"}).empty());
}

// An access-log entry may travel in either class; the store seals it in
// the class the device's role may push, so a reviewer's opening syncs.
TEST_CASE("A reviewer's own access-log entry syncs", "[e2e][sync][review]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto worker = server.enrol_device(admin, "worker", "worker");
  auto reviewer = server.enrol_device(admin, "reviewer", "reviewer");
  const auto case_id = record_visit(worker, "Läst person", "Anteckning");
  worker.ok({"sync"});
  reviewer.ok({"sync"});
  reviewer.ok({"show", "case", case_id});
  auto pushed = reviewer.run({"sync"});
  INFO(pushed.err);
  REQUIRE(pushed.exit_code == 0);
  admin.ok({"sync"});
  CHECK_FALSE(nlohmann::json::parse(admin.ok({"list", "access-log", "--json"})).empty());
}
