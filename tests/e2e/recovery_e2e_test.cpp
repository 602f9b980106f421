// The unit's recovery key through the real executables: varn-server and
// varn-cli devices. A unit whose only admin device is lost gets an admin
// back with the code printed at its first enrolment; the server never sees
// the code, and what the operator can do to the registry or the recovery
// key's sealed copies enrols nothing.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "core_device.hpp"
#include "e2e_fixture.hpp"
#include "subprocess.hpp"
#include "varn/crypto/box.hpp"
#include "varn/crypto/random.hpp"
#include "varn/registry/entry.hpp"
#include "varn/registry/recovery_key.hpp"
#include "varn/server/sqlite_db.hpp"
#include "varn/sync/registry_keeper.hpp"

using namespace varn;
using namespace varn::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Records a person, case, home visit and a note.
void record_note(const CliDevice& d, const std::string& person_name, const std::string& note) {
  const auto person = d.ok({"person", "add", "--name", person_name});
  const auto case_id = d.ok({"case", "open", "--person", person});
  const auto visit = d.ok({"visit", "record", "--case", case_id, "--kind", "separate", "--partner-present", "no"});
  d.ok({"note", "add", "--visit", visit, "--text", note});
}

bool holds_note(const CliDevice& d, const std::string& text) {
  return d.ok({"list", "notes", "--json"}).find(text) != std::string::npos;
}

std::size_t registry_length(const CliDevice& d) { return json::parse(d.ok({"admin", "registry", "--json"})).size(); }

// The unit's first admin, enrolled with the unit code; answers the recovery code it printed.
std::string enrol_root(E2eServer& server, const CliDevice& admin) {
  const auto out = admin.ok({"enrol", "--server", server.url, "--pin", server.cert_sha256, "--code", server.unit_code});
  REQUIRE(field(out, "status") == "active");
  const auto code = field(out, "recovery-code");
  REQUIRE(code.size() == 35);
  CHECK(out.find("keep it in a safe") != std::string::npos);
  return code;
}

void remove_store(const CliDevice& d) {
  fs::remove(d.store);
  fs::remove(d.store + ".key");
  REQUIRE_FALSE(fs::exists(d.store));
}

std::vector<std::string> recover_args(const E2eServer& server, const std::string& unit, const std::string& code) {
  return {"recover", "--server", server.url, "--pin", server.cert_sha256, "--unit", unit, "--code", code};
}

// A recover entry the operator makes: in the recovery key's name, signed
// with a key of its own (it never had the code).
registry::Entry forged_recover(const wire::UnitId& unit, std::uint64_t index, const crypto::Hash32& prev,
                               const crypto::DeviceId& recovery_id) {
  registry::Entry forged;
  forged.index = index;
  forged.prev = prev;
  forged.unit = unit;
  forged.kind = registry::EntryKind::recover;
  const auto intruder = crypto::DeviceIdentity::generate();
  forged.subject = intruder.device_id();
  forged.bundle = intruder.public_bundle();
  forged.role = registry::Role::admin;
  forged.signer = recovery_id;
  forged.signature = intruder.signing().sign(registry::entry_signature_digest(forged));
  return forged;
}

// A proxy in front of the server that may rewrite what it answers.
class LyingServer : public sync::HttpExecutor {
 public:
  explicit LyingServer(sync::HttpExecutor& honest) : honest_(honest) {}
  std::function<std::optional<Result<sync::HttpResponse>>(const sync::HttpRequest&)> lie;
  Result<sync::HttpResponse> execute(const sync::HttpRequest& r) override {
    if (lie) {
      if (auto answer = lie(r)) return *answer;
    }
    return honest_.execute(r);
  }

 private:
  sync::HttpExecutor& honest_;
};

// The registry as the worker's device verified it.
std::vector<registry::Entry> worker_chain(sync::HttpExecutor&, CoreDevice& worker) {
  auto entries = sync::RegistryKeeper(worker.vault).cached_entries();
  REQUIRE(entries.ok());
  return *entries;
}

}  // namespace

TEST_CASE("a unit whose only admin device is lost recovers with its recovery code, and old notes stay readable",
          "[e2e][recovery]") {
  E2eServer server;
  auto admin = server.new_device("admin");
  const auto code = enrol_root(server, admin);
  auto worker = server.enrol_device(admin, "worker", "worker");
  const auto unit = field(admin.ok({"unit"}), "unit");
  const auto safety = field(admin.ok({"unit"}), "safety-code");
  std::string lost_id;
  for (const auto& d : json::parse(admin.ok({"admin", "devices", "--json"}))) {
    if (d["role"] == "admin") lost_id = d["device"].get<std::string>();
  }
  REQUIRE(lost_id.size() == 32);
  // The admin is also the unit's reviewer: her device shows the notes.
  const auto maria =
      field(admin.ok({"admin", "staff-add", lost_id, "--person", "Maria Ek", "--casework", "worker,reviewer"}), "person");
  record_note(worker, "Karin Lindqvist", "Anteckning före förlusten");
  worker.ok({"sync"});
  admin.ok({"sync"});
  REQUIRE(holds_note(admin, "Anteckning före förlusten"));

  // The unit's only admin device is lost.
  remove_store(admin);
  const auto before = registry_length(worker);

  auto fresh = server.new_device("fresh");
  {
    // A character typed wrong: a clear error, and nothing reaches the server.
    std::string typo = code;
    typo[3] = typo[3] == 'A' ? 'B' : 'A';
    auto refused = fresh.run(recover_args(server, unit, typo));
    CHECK(refused.exit_code != 0);
    CHECK(refused.err.find("typed wrong") != std::string::npos);
    CHECK(field(fresh.ok({"unit"}), "status") == "not enrolled");
    CHECK(registry_length(worker) == before);
  }

  const auto out = fresh.ok(recover_args(server, unit, code));
  CHECK(field(out, "status") == "active");
  CHECK(field(out, "role") == "admin");
  CHECK(field(out, "safety-code").rfind(safety, 0) == 0);  // the same unit, by its root admin key
  const auto new_code = field(out, "recovery-code");
  REQUIRE(new_code.size() == 35);
  CHECK(new_code != code);
  const auto fresh_id = field(out, "device");

  // The new admin approves a new tablet and revokes the lost device.
  auto tablet = server.enrol_device(fresh, "tablet", "worker");
  fresh.ok({"admin", "revoke", lost_id});
  std::string lost_status, fresh_line;
  for (const auto& d : json::parse(fresh.ok({"admin", "devices", "--json"}))) {
    if (d["device"] == lost_id) lost_status = d["status"].get<std::string>();
    if (d["device"] == fresh_id) CHECK(d["recovered_at"].is_string());
    else CHECK(d["recovered_at"].is_null());
  }
  CHECK(lost_status == "revoked");
  CHECK(fresh.ok({"admin", "devices"}).find("recovered with the unit's recovery key at") != std::string::npos);

  // The worker syncs on and sees the recovery in the registry it verified.
  worker.ok({"sync"});
  CHECK(worker.ok({"alarm"}) == "alarm: none");
  const auto seen = json::parse(worker.ok({"admin", "registry", "--json"}));
  bool recover_seen = false;
  for (const auto& e : seen) {
    if (e["kind"] != "recover") continue;
    recover_seen = true;
    CHECK(e["subject"] == fresh_id);
    CHECK(e["role"] == "admin");
    CHECK(e["recovered"].get<std::string>().rfind("recovered with the unit's recovery key at ", 0) == 0);
  }
  CHECK(recover_seen);
  CHECK(worker.ok({"admin", "registry"}).find("recovered with the unit's recovery key at") != std::string::npos);
  CHECK(field(worker.ok({"unit"}), "safety-code") == field(fresh.ok({"unit"}), "safety-code"));

  // Old notes: the worker still reads them, the new admin through the
  // recovered epoch keys, the new tablet through the keys the new admin sealed.
  record_note(worker, "Sara Ek", "Anteckning efter återställningen");
  worker.ok({"sync"});
  fresh.ok({"sync"});
  fresh.ok({"admin", "staff-add", fresh_id, "--person-id", maria});  // Maria's new device
  tablet.ok({"sync"});
  CHECK(holds_note(worker, "Anteckning före förlusten"));
  CHECK(holds_note(fresh, "Anteckning före förlusten"));
  CHECK(holds_note(fresh, "Anteckning efter återställningen"));
  CHECK(holds_note(tablet, "Anteckning före förlusten"));
  CHECK(holds_note(tablet, "Anteckning efter återställningen"));
  CHECK(fresh.ok({"alarm"}) == "alarm: none");
  CHECK(tablet.ok({"alarm"}) == "alarm: none");

  // The code used is void once the new one is committed.
  auto again = server.new_device("again").run(recover_args(server, unit, code));
  CHECK(again.exit_code != 0);
  // Never on the server: not in its log, not in its data directory (nor
  // anywhere else under the test's directory, which holds both).
  const auto log = all_bytes_under(server.dir);
  REQUIRE(log.find("registry_entry") != std::string::npos);  // the server's log is in there
  for (const auto& c : {code, new_code}) {
    CHECK(log.find(c) == std::string::npos);
    std::string bare = c;
    bare.erase(std::remove(bare.begin(), bare.end(), '-'), bare.end());
    CHECK(log.find(bare) == std::string::npos);
  }
}

TEST_CASE("only an admin replaces the unit's recovery key, and the replaced code enrols nothing", "[e2e][recovery]") {
  E2eServer server;
  auto admin = server.new_device("admin");
  const auto first = enrol_root(server, admin);
  auto worker = server.enrol_device(admin, "worker", "worker");
  const auto unit = field(admin.ok({"unit"}), "unit");

  auto refused = worker.run({"admin", "recovery-key"});
  CHECK(refused.exit_code != 0);
  CHECK(refused.err.find("admin") != std::string::npos);

  const auto replaced = admin.ok({"admin", "recovery-key"});
  const auto second = field(replaced, "recovery-code");
  REQUIRE(second.size() == 35);
  CHECK(second != first);
  const auto length = registry_length(worker);

  auto stale = server.new_device("stale").run(recover_args(server, unit, first));
  CHECK(stale.exit_code != 0);
  CHECK(registry_length(worker) == length);
  worker.ok({"sync"});
  auto ok = server.new_device("ok").ok(recover_args(server, unit, second));
  CHECK(field(ok, "role") == "admin");
}

TEST_CASE("an operator who swaps the recovery key's sealed copy or forges a recover entry enrols nothing",
          "[e2e][recovery][malicious]") {
  E2eServer server;
  auto admin = server.new_device("admin");
  const auto code = enrol_root(server, admin);
  auto worker = server.enrol_device(admin, "worker", "worker");
  const auto unit_hex = field(admin.ok({"unit"}), "unit");
  auto recovery = registry::RecoveryKey::from_code(code);
  REQUIRE(recovery.ok());
  const auto before = registry_length(worker);

  SECTION("the copy of the epoch key sealed to the recovery key is swapped for one the operator knows") {
    server.stop();
    {
      auto db = server::SqliteDb::open(server.data_dir + "/varn.db", false);
      REQUIRE(db.ok());
      auto known = crypto::SecretBuffer::random(32);
      auto sealed = crypto::seal_to(recovery->box().public_key(), known.view());
      REQUIRE(sealed.ok());
      auto stmt = (*db)->prepare("UPDATE wrapped_keys SET wrapped = ? WHERE device = ?");
      REQUIRE(stmt.ok());
      const auto id = recovery->id();
      stmt->bind(1, ByteView(*sealed)).bind(2, ByteView(id));
      REQUIRE(stmt->run().ok());
    }
    server.start();
    auto fresh = server.new_device("fresh");
    auto r = fresh.run(recover_args(server, unit_hex, code));
    CHECK(r.exit_code != 0);
    CHECK(r.err.find("not the key the admin committed to") != std::string::npos);
    CHECK(r.err.find("ALARM") != std::string::npos);
    CHECK(field(fresh.ok({"unit"}), "status") != "active");
    worker.ok({"sync", "--server", server.url});
    CHECK(registry_length(worker) == before);
  }

  SECTION("a recover entry the operator writes into its own tables is refused by the server") {
    const auto unit = array_from_hex<16>(unit_hex);
    REQUIRE(unit.has_value());
    server.stop();
    {
      auto db = server::SqliteDb::open(server.data_dir + "/varn.db", false);
      REQUIRE(db.ok());
      auto head = (*db)->prepare("SELECT registry_length, registry_head FROM units WHERE id = ?");
      REQUIRE(head.ok());
      head->bind(1, ByteView(*unit));
      auto row = head->step();
      REQUIRE((row.ok() && *row));
      const auto prev = head->blob(1);
      crypto::Hash32 prev_hash{};
      std::copy(prev.begin(), prev.end(), prev_hash.begin());
      const auto forged = forged_recover(*unit, static_cast<std::uint64_t>(head->int64(0)), prev_hash, recovery->id());
      const auto bytes = forged.encode();
      const auto hash = registry::entry_hash(forged);
      auto insert = (*db)->prepare("INSERT INTO registry_entries (unit, idx, hash, bytes) VALUES (?, ?, ?, ?)");
      REQUIRE(insert.ok());
      insert->bind(1, ByteView(*unit)).bind(2, static_cast<std::int64_t>(forged.index)).bind(3, ByteView(hash)).bind(4, ByteView(bytes));
      REQUIRE(insert->run().ok());
      auto bump = (*db)->prepare("UPDATE units SET registry_length = registry_length + 1, registry_head = ? WHERE id = ?");
      REQUIRE(bump.ok());
      bump->bind(1, ByteView(hash)).bind(2, ByteView(*unit));
      REQUIRE(bump->run().ok());
    }
    server.start();
    // The server verifies its stored registry with the devices' own rules:
    // the forged entry makes the unit serve nobody, and enrols nobody.
    auto r = worker.run({"sync", "--server", server.url});
    CHECK(r.exit_code != 0);
    CHECK(read_file(server.log_path).find("registry_corrupt") != std::string::npos);
  }
}

TEST_CASE("a recover entry a lying server hands to the unit's devices is refused with the alarm", "[e2e][recovery][malicious]") {
  E2eServer server;
  TlsExecutor honest(server.url);
  CoreDevice admin, worker;
  enrol_team(server, honest, admin, {{&worker, registry::Role::worker}});
  const auto unit = admin.unit();
  REQUIRE(worker.sync(honest).ok());
  // The operator has the recovery key's public halves (they are in the
  // registry), never its code: it signs in the key's name with its own.
  const auto chain = worker_chain(honest, worker);
  REQUIRE(chain.size() >= 3);
  crypto::DeviceId recovery_id{};
  for (const auto& e : chain) {
    if (e.kind == registry::EntryKind::set_recovery) recovery_id = e.bundle.device_id();
  }
  REQUIRE(recovery_id != crypto::DeviceId{});
  const auto forged = forged_recover(unit, chain.size(), registry::entry_hash(chain.back()), recovery_id);

  LyingServer liar(honest);
  liar.lie = [&](const sync::HttpRequest& r) -> std::optional<Result<sync::HttpResponse>> {
    if (r.method != "GET" || r.target.find("/registry?after=") == std::string::npos) return std::nullopt;
    auto answer = honest.execute(r);
    if (!answer || answer->status != 200) return answer;
    auto body = json::parse(answer->body.begin(), answer->body.end());
    body["entries"].push_back(to_base64(forged.encode()));
    body["length"] = body["length"].get<std::uint64_t>() + 1;
    const auto text = body.dump();
    answer->body.assign(text.begin(), text.end());
    return answer;
  };
  for (CoreDevice* d : {&admin, &worker}) {
    auto r = d->sync(liar);
    CHECK_FALSE(r.ok());
    INFO("alarm: " << d->alarm());
    CHECK(d->alarm().find("signature does not verify") != std::string::npos);
    CHECK(d->alarm().find("registry entry " + std::to_string(chain.size())) != std::string::npos);
  }
}
