// varn-cli's error paths, without a server: each failure exits non-zero
// with exactly one line on stderr, and leaves the store as it was.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "e2e_fixture.hpp"

using namespace varn::test;

namespace {

struct TempStoreDir {
  std::string path = make_temp_dir("varn-cli");
  ~TempStoreDir() { remove_tree(path); }
};

bool one_line(const std::string& text) {
  return !text.empty() && text.back() == '\n' && text.find('\n') == text.size() - 1;
}

CliDevice fresh_device(const TempStoreDir& dir) {
  CliDevice d{dir.path + "/device.varn", "rätt lösenord"};
  d.ok({"init", "--kdf-floor"});
  return d;
}

// A signed note on a fresh store; returns its id.
std::string signed_note(const CliDevice& d) {
  const auto person = d.ok({"person", "add", "--name", "Testperson"});
  const auto case_id = d.ok({"case", "open", "--person", person});
  const auto visit = d.ok({"visit", "record", "--case", case_id, "--kind", "office", "--partner-present", "unknown"});
  const auto note = d.ok({"note", "add", "--visit", visit, "--text", "Ursprunglig text"});
  d.ok({"note", "sign", note});
  return note;
}

constexpr const char* kUnknownId = "0123456789abcdef0123456789abcdef";

}  // namespace

TEST_CASE("varn-cli refuses a wrong passphrase in one line", "[e2e][cli]") {
  TempStoreDir dir;
  auto d = fresh_device(dir);
  const CliDevice intruder{d.store, "fel lösenord"};
  auto r = intruder.run({"list", "notes"});
  CHECK(r.exit_code == 3);
  CHECK(one_line(r.err));
  CHECK(r.out.empty());
  d.ok({"list", "notes"});  // the right passphrase still opens it
}

TEST_CASE("varn-cli names an unknown id in one line", "[e2e][cli]") {
  TempStoreDir dir;
  auto d = fresh_device(dir);
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"note", "sign", kUnknownId},
           {"note", "edit", kUnknownId, "--text", "x"},
           {"case", "open", "--person", kUnknownId},
           {"case", "phase", kUnknownId, "--set", "closed"},
           {"show", "case", kUnknownId}}) {
    auto r = d.run(args);
    INFO(args[0] << " " << args[1] << ": " << r.err);
    CHECK(r.exit_code == 4);
    CHECK(one_line(r.err));
  }
  auto malformed = d.run({"note", "sign", "not-an-id"});
  CHECK(malformed.exit_code == 2);
  CHECK(one_line(malformed.err));
}

TEST_CASE("varn-cli refuses to sign or edit a signed note, and keeps it", "[e2e][cli]") {
  TempStoreDir dir;
  auto d = fresh_device(dir);
  const auto note = signed_note(d);

  auto sign_again = d.run({"note", "sign", note});
  CHECK(sign_again.exit_code == 5);
  CHECK(one_line(sign_again.err));

  auto edit = d.run({"note", "edit", note, "--text", "Ändrad i efterhand"});
  CHECK(edit.exit_code == 5);
  CHECK(one_line(edit.err));

  // What a signed note allows: an addendum pointing at it.
  d.ok({"note", "addendum", note, "--kind", "correction", "--text", "Rättelse"});
  const auto notes = nlohmann::json::parse(d.ok({"list", "notes", "--json"}));
  REQUIRE(notes.size() == 1);
  CHECK(notes[0]["body"] == "Ursprunglig text");
  CHECK(notes[0]["signed"] == true);
  REQUIRE(notes[0]["addenda"].size() == 1);
  CHECK(notes[0]["addenda"][0]["kind"] == "correction");
}

TEST_CASE("varn-cli without a store or command says so in one line", "[e2e][cli]") {
  TempStoreDir dir;
  const CliDevice missing{dir.path + "/none.varn", "x"};
  auto r = missing.run({"list", "notes"});
  CHECK(r.exit_code == 4);
  CHECK(one_line(r.err));
  auto bad_kind = missing.run({"visit", "record", "--case", kUnknownId, "--kind", "garden", "--partner-present", "no"});
  CHECK(bad_kind.exit_code == 2);
  CHECK(one_line(bad_kind.err));
  auto version = run_process({cli_binary(), "--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("varn-cli ", 0) == 0);
}

TEST_CASE("varn-cli passwd changes the passphrase and the old one no longer opens the store", "[e2e][cli]") {
  TempStoreDir dir;
  auto d = fresh_device(dir);
  const auto person = d.ok({"person", "add", "--name", "Kvar efter bytet"});
  auto changed = run_process({cli_binary(), "--store", d.store, "passwd"},
                             {{"VARN_PASSPHRASE", d.passphrase}, {"VARN_NEW_PASSPHRASE", "nytt lösenord"}});
  INFO(changed.err);
  REQUIRE(changed.exit_code == 0);
  auto old = d.run({"list", "persons"});
  CHECK(old.exit_code == 3);
  const CliDevice renewed{d.store, "nytt lösenord"};
  CHECK(renewed.ok({"list", "persons"}).find(person) != std::string::npos);
}

namespace {
// The wipe limit's field in the key file (client/store/varn/store/key_file.hpp):
// magic 8, version 1, params length 2 + 34, wrapped length 2 + 72, failed unlocks 4.
std::uint32_t wipe_limit_in_key_file(const std::string& store) {
  const std::string key = read_file(store + ".key");
  REQUIRE(key.size() == 143);
  const auto* p = reinterpret_cast<const unsigned char*>(key.data()) + 8 + 1 + 2 + 34 + 2 + 72 + 4;
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}
}  // namespace

TEST_CASE("varn-cli init turns the wrong-passphrase wipe on by default, at 10, and takes another limit",
          "[e2e][cli]") {
  TempStoreDir dir;
  auto d = fresh_device(dir);
  CHECK(wipe_limit_in_key_file(d.store) == 10);
  const CliDevice chosen{dir.path + "/chosen.varn", "rätt lösenord"};
  chosen.ok({"init", "--kdf-floor", "--wipe-after", "3"});
  CHECK(wipe_limit_in_key_file(chosen.store) == 3);
  const CliDevice intruder{chosen.store, "fel lösenord"};
  for (int i = 0; i < 3; ++i) CHECK(intruder.run({"list", "notes"}).exit_code != 0);
  CHECK_FALSE(std::filesystem::exists(chosen.store + ".key"));
  CHECK_FALSE(std::filesystem::exists(chosen.store));
}

TEST_CASE("varn-cli refuses a store in a folder others may write, in one line", "[e2e][cli]") {
  TempStoreDir dir;
  REQUIRE(::chmod(dir.path.c_str(), 0777) == 0);
  const CliDevice d{dir.path + "/device.varn", "rätt lösenord"};
  auto r = d.run({"init", "--kdf-floor"});
  CHECK(r.exit_code != 0);
  CHECK(one_line(r.err));
  CHECK(r.err.find("written by other users") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(d.store + ".key"));
  REQUIRE(::chmod(dir.path.c_str(), 0700) == 0);
}
