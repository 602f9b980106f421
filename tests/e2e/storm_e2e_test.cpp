// The server is SIGKILLed while a varn-cli device pushes change set after
// change set: after a restart every note is on the server exactly once and
// the device goes on syncing.
#include <cstdlib>
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "e2e_fixture.hpp"

using namespace varn::test;

namespace {

// ChildProcess inherits the environment: the passphrase goes there, for this test only.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) { ::setenv(name, value.c_str(), 1); }
  ~ScopedEnv() { ::unsetenv(name_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
};

std::map<std::string, int> note_counts(const std::string& json_text) {
  std::map<std::string, int> counts;
  for (const auto& n : nlohmann::json::parse(json_text)) ++counts[n["body"].get<std::string>()];
  return counts;
}

}  // namespace

TEST_CASE("SIGKILL during a CLI device's push storm: every note arrives once and the device carries on",
          "[e2e][sync][storm]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto worker = server.enrol_device(admin, "worker", "worker");
  constexpr int kNotes = 30;
  const auto person = worker.ok({"person", "add", "--name", "Stormperson"});
  const auto case_id = worker.ok({"case", "open", "--person", person});
  const auto visit = worker.ok({"visit", "record", "--case", case_id, "--kind", "phone", "--partner-present", "no"});
  for (int i = 0; i < kNotes; ++i) worker.ok({"note", "add", "--visit", visit, "--text", "Stormanteckning " + std::to_string(i)});

  // One op per change set and one change set per push: many small, durable pushes.
  const ScopedEnv passphrase("VARN_PASSPHRASE", worker.passphrase);
  auto storm = ChildProcess::start({cli_binary(), "--store", worker.store, "sync", "--progress", "--ops-per-change-set",
                                    "1", "--push-batch", "1"},
                                   server.dir + "/storm.err");
  REQUIRE(storm.has_value());
  // Kill once ten pushes are durable: the storm is well under way, most of it still to come.
  constexpr int kAcksBeforeKill = 10;
  int acks = 0;
  while (acks < kAcksBeforeKill) {
    const auto line = storm->read_line(std::chrono::seconds(60));
    INFO("storm stderr: " << read_file(server.dir + "/storm.err"));
    REQUIRE(line.has_value());
    if (line->rfind("acked: ", 0) == 0) ++acks;
  }
  server.kill9();  // mid-storm: the device keeps what was not acknowledged
  while (auto line = storm->read_line(std::chrono::seconds(90))) {
    if (line->rfind("acked: ", 0) == 0) ++acks;
  }
  const int storm_exit = storm->terminate();
  INFO("pushes acknowledged in all: " << acks);
  CHECK(storm_exit == 6);  // the server vanished under it: "unavailable", nothing lost

  server.start();  // same data dir, new port
  worker.ok({"sync", "--server", server.url});
  admin.ok({"sync", "--server", server.url});
  const auto on_admin = admin.ok({"list", "notes", "--json"});
  const auto counts = note_counts(on_admin);
  CHECK(counts.size() == static_cast<std::size_t>(kNotes));
  for (int i = 0; i < kNotes; ++i) CHECK(counts.count("Stormanteckning " + std::to_string(i)) == 1);
  for (const auto& [body, n] : counts) CHECK(n == 1);
  CHECK(worker.ok({"list", "notes", "--json"}) == on_admin);

  // And it carries on: the next note travels as usual, with no --server needed.
  worker.ok({"note", "add", "--visit", visit, "--text", "Efter omstarten"});
  worker.ok({"sync"});
  admin.ok({"sync"});
  CHECK(note_counts(admin.ok({"list", "notes", "--json"})).count("Efter omstarten") == 1);
}
