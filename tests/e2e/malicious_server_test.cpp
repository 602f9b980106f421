// The server is the adversary. The real varn-server process, and between
// runs edits of its data directory (or a test proxy that rewrites its
// answers), as an operator with full control of both would make them. For
// each attack: every device raises the alarm or heals, the operator learns
// no plaintext with the keys it has, and no acknowledged change set is lost.
#include <catch2/catch.hpp>
#include <filesystem>
#include <algorithm>
#include <functional>

#include "core_device.hpp"
#include "varn/crypto/aead.hpp"
#include "varn/crypto/box.hpp"
#include "varn/registry/checkpoint.hpp"
#include "varn/registry/pairing.hpp"
#include "varn/server/sqlite_db.hpp"
#include "varn/sync/device_sync.hpp"
#include "varn/sync/registry_admin.hpp"

using namespace varn;
using namespace varn::test;
namespace fs = std::filesystem;

namespace {

// Every envelope the server stores, in its order.
std::vector<Bytes> stored_envelopes(const E2eServer& server) {
  auto db = server::SqliteDb::open(server.data_dir + "/varn.db", true);
  REQUIRE(db.ok());
  auto stmt = (*db)->prepare("SELECT bytes FROM changesets ORDER BY seq");
  REQUIRE(stmt.ok());
  std::vector<Bytes> out;
  for (;;) {
    auto row = stmt->step();
    REQUIRE(row.ok());
    if (!*row) return out;
    out.push_back(stmt->blob(0));
  }
}

// How many stored change sets open under `key`: what the operator reads with it.
std::size_t readable_with(const E2eServer& server, const crypto::SecretBuffer& key) {
  std::size_t n = 0;
  for (const auto& bytes : stored_envelopes(server)) {
    auto env = wire::decode_envelope(bytes);
    REQUIRE(env.ok());
    if (crypto::aead_decrypt(crypto::AeadKind::xchacha20poly1305, key.view(), env->header.nonce, env->ciphertext,
                             env->header.encode())) {
      ++n;
    }
  }
  return n;
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

sync::HttpResponse json_answer(int status, const std::string& body) {
  sync::HttpResponse r;
  r.status = status;
  r.body.assign(body.begin(), body.end());
  return r;
}

// Every device syncs, round after round, until a round changes nothing.
void settle(sync::HttpExecutor& http, const std::vector<CoreDevice*>& devices) {
  for (int round = 0; round < 4; ++round) {
    for (auto* d : devices) {
      auto r = d->sync(http);
      INFO((r.ok() ? std::string() : r.error().message));
      REQUIRE(r.ok());
    }
  }
}

// A copy of the data directory, as last night's backup would be.
struct Backup {
  std::string path;
  Backup(E2eServer& server, const std::string& name) : path(server.dir + "/" + name) {
    server.stop();
    fs::copy(server.data_dir, path, fs::copy_options::recursive);
    server.start();
  }
  void restore(E2eServer& server) const {
    server.stop();
    fs::remove_all(server.data_dir);
    fs::copy(path, server.data_dir, fs::copy_options::recursive);
    server.start();
  }
};

}  // namespace

TEST_CASE("Epoch-key substitution: a key the admin never committed to is refused and never seals", "[e2e][adversary]") {
  E2eServer server;
  TlsExecutor http(server.url);
  CoreDevice admin, worker;
  enrol_team(server, http, admin, {{&worker, registry::Role::worker}});
  worker.store.write("before the swap");
  REQUIRE(worker.sync(http).ok());

  CoreDevice late;  // approved now, first syncs after the swap
  approve(http, admin, late, registry::Role::worker);
  // The operator seals a key of its own to every device's public box key.
  const auto evil = crypto::SecretBuffer::random(32);
  for (auto* d : {&admin, &worker, &late}) {
    auto sealed = crypto::seal_to(d->context.identity().value()->public_bundle().box_key, evil.view());
    REQUIRE(sealed.ok());
    tamper(server, "UPDATE wrapped_keys SET wrapped = ? WHERE device = ?", {*sealed, blob(d->id())});
  }
  worker.store.write("after the swap");
  auto refused = worker.sync(http);
  REQUIRE_FALSE(refused.ok());
  CHECK(worker.alarm().find("never made") != std::string::npos);
  CHECK_FALSE(admin.sync(http).ok());
  CHECK_FALSE(admin.alarm().empty());

  // A device enrolled before the swap that never held the real key refuses the operator's too.
  CHECK_FALSE(late.sync(http).ok());
  CHECK(late.alarm().find("never made") != std::string::npos);
  CHECK(late.vault.epoch_key(1)->has_value() == false);

  // Nothing the server holds opens under the operator's key.
  CHECK(stored_envelopes(server).size() == 1);
  CHECK(readable_with(server, evil) == 0);
}

TEST_CASE("Pending-enrolment hijack: another unit's admin with the code and bundle cannot enrol the tablet",
          "[e2e][adversary]") {
  E2eServer server;
  TlsExecutor first_http(server.url);
  CoreDevice admin;
  enrol_team(server, first_http, admin, {});
  // The operator makes a unit of its own on the live data directory.
  server.stop();
  auto evil_init = run_process({server_binary(), "init", "--data", server.data_dir, "--unit", "Evil"});
  REQUIRE(evil_init.exit_code == 0);
  server.start();
  TlsExecutor http(server.url);
  CoreDevice evil_admin, tablet;
  REQUIRE(sync::Enrolment(evil_admin.context).enrol(http, field(evil_init.out, "code")).ok());

  auto pending = sync::Enrolment(tablet.context).enrol(http, std::nullopt);
  REQUIRE(pending.ok());
  // It reads the code and fingerprint off the server; the pairing secret
  // never reached it, so it makes one up.
  const auto guessed = registry::pairing_text(registry::new_pairing_secret());
  REQUIRE(sync::Enrolment(evil_admin.context)
              .approve(http, pending->code, pending->fingerprint, guessed, registry::Role::worker)
              .ok());
  auto hijacked = tablet.sync(http);
  REQUIRE_FALSE(hijacked.ok());
  CHECK(hijacked.error().code == Errc::locked);  // still waiting for its own admin
  CHECK(tablet.alarm().find("without the pairing") != std::string::npos);
  CHECK_FALSE(tablet.context.unit().ok());

  // The real admin, who saw the tablet's screen, completes it; both show one safety code.
  REQUIRE(sync::Enrolment(admin.context)
              .approve(http, pending->code, pending->fingerprint, pending->pairing, registry::Role::worker)
              .ok());
  auto joined = tablet.sync(http);
  INFO((joined.ok() ? std::string() : joined.error().message));
  REQUIRE(joined.ok());
  CHECK(tablet.unit() == admin.unit());
  CHECK(*sync::Enrolment(tablet.context).safety_code() == *sync::Enrolment(admin.context).safety_code());
  CHECK(*sync::Enrolment(tablet.context).safety_code() != *sync::Enrolment(evil_admin.context).safety_code());
}

TEST_CASE("A change set dropped from the middle of an author's chain is caught by every device", "[e2e][adversary]") {
  E2eServer server;
  TlsExecutor http(server.url);
  CoreDevice admin, worker;
  enrol_team(server, http, admin, {{&worker, registry::Role::worker}});
  for (const char* text : {"one", "two", "three"}) {
    worker.store.write(text);
    REQUIRE(worker.sync(http).ok());
  }
  // The operator deletes "two" and renumbers what follows, log hash and all.
  const auto unit = admin.unit();
  tamper(server, "DELETE FROM changesets WHERE seq = 2");
  tamper(server, "UPDATE changesets SET seq = 2 WHERE seq = 3");
  tamper(server, "UPDATE units SET head = 2");

  CoreDevice fresh;
  approve(http, admin, fresh, registry::Role::reviewer);
  auto caught = fresh.sync(http);
  CHECK_FALSE(caught.ok());
  CHECK_FALSE(fresh.alarm().empty());
  CHECK(fresh.store.applied == std::vector<std::string>{"one\n"});  // "three" never applies out of its chain
  auto stale = admin.sync(http);
  CHECK_FALSE(stale.ok());
  CHECK_FALSE(admin.alarm().empty());
  (void)unit;
}

TEST_CASE("Two envelopes of one author swapped by the server raise the alarm and apply only in chain order",
          "[e2e][adversary]") {
  E2eServer server;
  TlsExecutor http(server.url);
  CoreDevice admin, worker;
  enrol_team(server, http, admin, {{&worker, registry::Role::worker}});
  for (const char* text : {"first", "second"}) {
    worker.store.write(text);
    REQUIRE(worker.sync(http).ok());
  }
  const auto a = server_value(server, "SELECT bytes FROM changesets WHERE seq = 1");
  const auto b = server_value(server, "SELECT bytes FROM changesets WHERE seq = 2");
  tamper(server, "UPDATE changesets SET bytes = ? WHERE seq = 1", {b});
  tamper(server, "UPDATE changesets SET bytes = ? WHERE seq = 2", {a});
  auto r = admin.sync(http);
  CHECK_FALSE(r.ok());  // its own signed checkpoint does not match what it served
  CHECK(admin.alarm().find("checkpoint does not match") != std::string::npos);
  // "second" arrived before "first": it waits behind the gap, never applied out of its chain.
  CHECK(admin.store.applied == std::vector<std::string>{"first\n"});
}

TEST_CASE("A change set from a device no registry holds is quarantined with an alarm and the unit syncs on",
          "[e2e][adversary]") {
  E2eServer server;
  TlsExecutor http(server.url);
  CoreDevice admin, worker;
  enrol_team(server, http, admin, {{&worker, registry::Role::worker}});
  // The operator appends a stranger's envelope as the next change set,
  // recomputing the log hash so its own checkpoint agrees.
  TestDevice stranger;
  const auto unit = admin.unit();
  const auto key = crypto::SecretBuffer::random(32);
  const Bytes planted = stranger.seal_next(unit, 1, key, "planted");
  const auto hash = wire::envelope_hash(planted);
  crypto::Hash32 log{};
  log = registry::next_log_hash(log, 1, hash);
  tamper(server, "INSERT INTO changesets (unit, seq, id, author, author_seq, hash, log_hash, bytes) VALUES (?, 1, ?, ?, 1, ?, ?, ?)",
         {blob(unit), blob(wire::decode_envelope(planted)->header.id), blob(stranger.id()), blob(hash), blob(log), planted});
  tamper(server, "UPDATE units SET head = 1, log_hash = ?", {blob(log)});
  // A row for it in the server's member index grants it nothing either.
  tamper(server, "INSERT INTO unit_members (device, unit) VALUES (?, ?)", {blob(stranger.id()), blob(unit)});

  worker.store.write("real work");
  auto w = worker.sync(http);
  INFO((w.ok() ? std::string() : w.error().message));
  REQUIRE(w.ok());
  CHECK(w->quarantined == 1);
  CHECK(worker.alarm().find("not a device of this unit") != std::string::npos);
  auto a = admin.sync(http);
  REQUIRE(a.ok());
  CHECK(admin.store.applied == std::vector<std::string>{"real work\n"});

  TlsClient raw(port_of(server.url));
  ProtocolDriver driver(raw.transport());
  CHECK(driver.open_session(stranger).status == 401);  // the server derives membership from the signed registry
}

TEST_CASE("A restore that lost acknowledged change sets, followed by new writes, heals on every device",
          "[e2e][adversary][restore]") {
  E2eServer server;
  auto http = std::make_unique<TlsExecutor>(server.url);
  CoreDevice admin, w1, w2;
  enrol_team(server, *http, admin, {{&w1, registry::Role::worker}, {&w2, registry::Role::worker}});
  w1.store.write("before the backup");
  settle(*http, {&w1, &w2, &admin});
  const Backup backup(server, "backup");
  http = std::make_unique<TlsExecutor>(server.url);

  for (int i = 0; i < 3; ++i) {  // acknowledged, then lost with the restore
    w1.store.write("lost " + std::to_string(i));
    REQUIRE(w1.sync(*http).ok());
  }
  REQUIRE(admin.sync(*http).ok());  // the admin saw them; w2 did not
  backup.restore(server);
  http = std::make_unique<TlsExecutor>(server.url);

  for (int i = 0; i < 5; ++i) w2.store.write("after the restore " + std::to_string(i));
  auto w2_sync = w2.sync(*http);  // its head passes what the admin remembers
  INFO((w2_sync.ok() ? std::string() : w2_sync.error().message));
  REQUIRE(w2_sync.ok());

  settle(*http, {&admin, &w1, &w2});
  CHECK(admin.alarm().find("history differs") != std::string::npos);
  CoreDevice fresh;
  approve(*http, admin, fresh, registry::Role::reviewer);
  settle(*http, {&fresh, &admin, &w1, &w2});
  const auto held = admin.store.held();
  CHECK(w1.store.held() == held);
  CHECK(w2.store.held() == held);
  CHECK(fresh.store.held() == held);
  for (const auto& text : {"lost 0", "lost 2", "after the restore 4"}) {
    const std::string line = std::string(text) + "\n";
    const auto has = [&](const std::vector<std::string>& applied) {
      return std::any_of(applied.begin(), applied.end(), [&](const std::string& a) { return a.find(line) != std::string::npos; });
    };
    CHECK(has(fresh.store.applied));
  }
  CHECK(stored_envelopes(server).size() == 1 + 3 + 1);  // w1's 1+3 change sets, w2's one of five ops
}

TEST_CASE("After an honest restore a device with new work heals the server before it pushes, and says so",
          "[e2e][adversary][restore]") {
  E2eServer server;
  auto http = std::make_unique<TlsExecutor>(server.url);
  CoreDevice admin, worker;
  enrol_team(server, *http, admin, {{&worker, registry::Role::worker}});
  const Backup backup(server, "backup");
  http = std::make_unique<TlsExecutor>(server.url);
  worker.store.write("acknowledged, then lost");
  REQUIRE(worker.sync(*http).ok());
  backup.restore(server);
  http = std::make_unique<TlsExecutor>(server.url);

  worker.store.write("new after the restore");
  auto healed = worker.sync(*http);
  INFO((healed.ok() ? std::string() : healed.error().message));
  REQUIRE(healed.ok());
  CHECK(healed->healed == 1);
  CHECK(healed->pushed == 1);
  CHECK(worker.alarm().find("pushed back 1") != std::string::npos);
  REQUIRE(admin.sync(*http).ok());
  CHECK(admin.store.applied ==
        std::vector<std::string>{"acknowledged, then lost\n", "new after the restore\n"});
}

TEST_CASE("A restore that lost a registry entry: devices post it back and the unit converges", "[e2e][adversary][restore]") {
  E2eServer server;
  auto http = std::make_unique<TlsExecutor>(server.url);
  CoreDevice admin, worker;
  enrol_team(server, *http, admin, {});
  const Backup backup(server, "backup");
  http = std::make_unique<TlsExecutor>(server.url);
  approve(*http, admin, worker, registry::Role::worker);
  worker.store.write("from the approved tablet");
  REQUIRE(worker.sync(*http).ok());
  backup.restore(server);  // the approval is gone from the server
  http = std::make_unique<TlsExecutor>(server.url);

  auto a = admin.sync(*http);  // the admin holds the entry it signed and posts it again
  INFO((a.ok() ? std::string() : a.error().message));
  REQUIRE(a.ok());
  CHECK(admin.alarm().find("registry entries") != std::string::npos);
  auto w = worker.sync(*http);
  INFO((w.ok() ? std::string() : w.error().message));
  REQUIRE(w.ok());
  REQUIRE(admin.sync(*http).ok());
  CHECK(admin.store.applied == std::vector<std::string>{"from the approved tablet\n"});
  worker.store.write("and it carries on");
  REQUIRE(worker.sync(*http).ok());
}

TEST_CASE("A 'revoked' answer without a signed revoke entry wipes nothing and raises the alarm", "[e2e][adversary]") {
  E2eServer server;
  TlsExecutor honest(server.url);
  CoreDevice admin, worker;
  enrol_team(server, honest, admin, {{&worker, registry::Role::worker}});
  for (int i = 0; i < 3; ++i) worker.store.write("unsynced " + std::to_string(i));
  LyingServer liar(honest);
  liar.lie = [](const sync::HttpRequest& r) -> std::optional<Result<sync::HttpResponse>> {
    if (r.target == "/v1/session") {
      return Result<sync::HttpResponse>(json_answer(403, R"({"error":"revoked","message":"revoked","wipe":true})"));
    }
    if (!r.bearer_token.empty()) return Result<sync::HttpResponse>(json_answer(401, R"({"error":"unauthorized"})"));
    return std::nullopt;
  };
  auto r = worker.sync(liar);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == Errc::forbidden);  // never Errc::revoked: that is what wipes
  CHECK(worker.alarm().find("no signed revocation") != std::string::npos);
  // It carries on with the honest server: nothing was lost.
  auto again = worker.sync(honest);
  REQUIRE(again.ok());
  CHECK(again->pushed == 1);
}

TEST_CASE("A change set sealed before a key rotation is sealed again and pushed, not stuck", "[e2e][adversary]") {
  E2eServer server;
  TlsExecutor honest(server.url);
  CoreDevice admin, worker;
  enrol_team(server, honest, admin, {{&worker, registry::Role::worker}});
  // The push of a sealed change set never reaches the server.
  LyingServer flaky(honest);
  flaky.lie = [](const sync::HttpRequest& r) -> std::optional<Result<sync::HttpResponse>> {
    if (r.method == "POST" && r.target.find("/changesets") != std::string::npos) {
      return Result<sync::HttpResponse>(make_error(Errc::unavailable, "network gone"));
    }
    return std::nullopt;
  };
  worker.store.write("sealed under epoch 1");
  REQUIRE_FALSE(worker.sync(flaky).ok());
  REQUIRE(worker.store.unacknowledged()->size() == 1);
  REQUIRE(sync::RegistryAdmin(admin.context).rotate(honest).ok());
  for (int i = 0; i < 2; ++i) {
    auto r = worker.sync(honest);
    INFO((r.ok() ? std::string() : r.error().message));
    REQUIRE(r.ok());
  }
  CHECK(worker.store.unacknowledged()->empty());
  REQUIRE(admin.sync(honest).ok());
  CHECK(admin.store.applied == std::vector<std::string>{"sealed under epoch 1\n"});
  CHECK(wire::decode_envelope(worker.store.sealed.back().envelope)->header.epoch == 2);
}
