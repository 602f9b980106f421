// A server restored from last night's backup is a real event: the device
// notices the server is behind what it saw, raises the alarm, and pushes
// back what the server lost, so nothing is lost.
#include <catch2/catch.hpp>
#include <filesystem>

#include "e2e_fixture.hpp"

using namespace varn::test;
namespace fs = std::filesystem;

TEST_CASE("A server restored from an older backup: the device raises the alarm and re-pushes what was lost",
          "[e2e][sync][restore]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto worker = server.enrol_device(admin, "worker", "worker");
  const auto person = worker.ok({"person", "add", "--name", "Före säkerhetskopian"});
  const auto case_id = worker.ok({"case", "open", "--person", person});
  const auto visit = worker.ok({"visit", "record", "--case", case_id, "--kind", "home", "--partner-present", "no"});
  worker.ok({"note", "add", "--visit", visit, "--text", "Anteckning före"});
  worker.ok({"sync"});
  admin.ok({"sync"});

  const std::string backup = server.dir + "/backup";
  server.stop();
  fs::copy(server.data_dir, backup, fs::copy_options::recursive);
  server.start();
  worker.ok({"note", "add", "--visit", visit, "--text", "Anteckning efter"});
  worker.ok({"sync", "--server", server.url});

  // Restore last night's copy: the server forgets the second note.
  server.stop();
  fs::remove_all(server.data_dir);
  fs::copy(backup, server.data_dir, fs::copy_options::recursive);
  server.start();

  auto healed = worker.run({"sync", "--server", server.url});
  INFO("worker stderr: " << healed.err);
  CHECK(healed.exit_code == 0);
  CHECK(healed.err.find("ALARM") != std::string::npos);
  admin.ok({"sync", "--server", server.url});
  const auto notes = admin.ok({"list", "notes", "--json"});
  CHECK(notes.find("Anteckning före") != std::string::npos);
  CHECK(notes.find("Anteckning efter") != std::string::npos);

  // The worker reads the alarm, acts on it and clears it; the healed server
  // is no longer behind, so the next sync raises nothing.
  CHECK(worker.ok({"alarm"}).find("history differs") != std::string::npos);
  CHECK(healed.out.find("healed: 1") != std::string::npos);  // it says what it did
  CHECK(worker.ok({"alarm", "--acknowledge"}).find("acknowledged: ") != std::string::npos);
  CHECK(worker.ok({"alarm"}) == "alarm: none");
  auto calm = worker.run({"sync"});
  CHECK(calm.exit_code == 0);
  CHECK(calm.err.find("ALARM") == std::string::npos);
  CHECK(worker.run({"alarm", "--acknowledge"}).exit_code != 0);
}
