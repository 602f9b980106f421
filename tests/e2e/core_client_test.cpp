// The core's DeviceClient (enrol, approve, sync) against the real
// varn-server process, with in-memory stores: proves the client and the
// server speak the same protocol before any UI or CLI is involved.
#include <catch2/catch.hpp>
#include <ctime>

#include "e2e_fixture.hpp"
#include "memory_sync_store.hpp"
#include "memory_vault.hpp"
#include "protocol_driver.hpp"
#include "tls_client.hpp"
#include "varn/crypto/box.hpp"
#include "varn/server/sqlite_db.hpp"
#include "varn/sync/device_client.hpp"

using namespace varn;
using namespace varn::test;

namespace {

// HttpExecutor over the server tests' blocking Beast client.
class TlsExecutor : public sync::HttpExecutor {
 public:
  explicit TlsExecutor(const std::string& url) : client_(port_of(url)) {}
  Result<sync::HttpResponse> execute(const sync::HttpRequest& r) override {
    auto answer = client_.request(r.method, r.target, r.body, r.bearer_token);
    if (!answer) return make_error(Errc::unavailable, "server unreachable");
    sync::HttpResponse out;
    out.status = static_cast<int>(answer->status);
    out.body = answer->body;
    out.headers = answer->headers;
    return out;
  }

 private:
  TlsClient client_;
};

struct CoreDevice {
  MemoryVault vault;
  MemorySyncStore store;
  sync::DeviceClient client{vault, store};

  wire::DeviceId id() {
    auto me = client.identity();
    REQUIRE(me.ok());
    return (*me)->device_id();
  }
  wire::UnitId unit() {
    auto hex = vault.setting(sync::settings::kUnit);
    REQUIRE((hex.ok() && *hex));
    return *array_from_hex<16>(**hex);
  }
};

//! The admin enrols with the unit code, the worker by request and fingerprint;
//! the worker's first change set reaches the admin.
void enrol_team(E2eServer& server, TlsExecutor& http, CoreDevice& admin, CoreDevice& worker) {
  REQUIRE(admin.client.enrol(http, server.unit_code).ok());
  auto pending = worker.client.enrol(http, std::nullopt);
  REQUIRE(pending.ok());
  REQUIRE(admin.client.approve(http, pending->code, pending->fingerprint, registry::Role::worker).ok());
  worker.store.write("visit before");
  REQUIRE(worker.client.sync(http).ok());
  REQUIRE(admin.client.sync(http).ok());
  REQUIRE(admin.store.applied == std::vector<std::string>{"visit before\n"});
}

//! Runs one statement on the server's database behind its back: a server
//! that cheats (it holds every row, but no device's or admin's key).
void tamper(const E2eServer& server, const std::string& sql, const std::vector<Bytes>& blobs) {
  auto db = server::SqliteDb::open(server.data_dir + "/varn.db", true);
  REQUIRE(db.ok());
  auto stmt = (*db)->prepare(sql);
  REQUIRE(stmt.ok());
  for (std::size_t i = 0; i < blobs.size(); ++i) stmt->bind(static_cast<int>(i + 1), ByteView(blobs[i]));
  REQUIRE(stmt->run().ok());
}

template <std::size_t N>
Bytes blob(const ByteArray<N>& a) {
  return Bytes(a.begin(), a.end());
}

}  // namespace

TEST_CASE("DeviceClient enrols, approves by fingerprint and syncs with the real server", "[e2e][core]") {
  E2eServer server;
  TlsExecutor http(server.url);
  CoreDevice admin, worker;

  auto admin_enrol = admin.client.enrol(http, server.unit_code);
  REQUIRE(admin_enrol.ok());
  CHECK(admin_enrol->status == "active");

  auto pending = worker.client.enrol(http, std::nullopt);
  REQUIRE(pending.ok());
  CHECK(pending->status == "pending");
  REQUIRE_FALSE(pending->code.empty());

  auto early = worker.client.sync(http);
  REQUIRE_FALSE(early.ok());
  CHECK(early.error().code == Errc::locked);  // waiting for the admin

  auto wrong_fp = admin.client.approve(http, pending->code, "00000 00000 00000 00000 00000 00000", registry::Role::worker);
  REQUIRE_FALSE(wrong_fp.ok());
  CHECK(wrong_fp.error().code == Errc::forbidden);

  REQUIRE(admin.client.approve(http, pending->code, pending->fingerprint, registry::Role::worker).ok());

  worker.store.write("worker op 1");
  auto wr = worker.client.sync(http);
  INFO((wr.ok() ? std::string() : wr.error().message));
  REQUIRE(wr.ok());
  CHECK(wr->pushed == 1);

  admin.store.write("admin op 1");
  auto ar = admin.client.sync(http);
  INFO((ar.ok() ? std::string() : ar.error().message));
  REQUIRE(ar.ok());
  CHECK(admin.store.applied == std::vector<std::string>{"worker op 1\n"});

  REQUIRE(worker.client.sync(http).ok());
  CHECK(worker.store.applied == std::vector<std::string>{"admin op 1\n"});
}

TEST_CASE("A stolen tablet: revoked, locked out, blind to what is written next, confirms its wipe", "[e2e][core]") {
  E2eServer server;
  TlsExecutor http(server.url);
  CoreDevice admin, worker;
  enrol_team(server, http, admin, worker);
  const auto worker_id = worker.id();

  REQUIRE(admin.client.revoke(http, worker_id).ok());  // revoke entry, then a rotate without the worker

  worker.store.write("written on the stolen tablet");
  auto stolen = worker.client.sync(http);
  REQUIRE_FALSE(stolen.ok());
  CHECK(stolen.error().code == Errc::revoked);

  admin.store.write("written after the revocation");
  REQUIRE(admin.client.sync(http).ok());
  CHECK(admin.store.applied == std::vector<std::string>{"visit before\n"});  // nothing from the thief
  auto envelope = wire::decode_envelope(admin.store.sealed.back().envelope);
  REQUIRE(envelope.ok());
  CHECK(envelope->header.epoch == 2);
  auto admin_me = admin.client.identity();
  REQUIRE(admin_me.ok());
  int keys_tried = 0;
  for (std::uint32_t epoch = 1; epoch <= 8; ++epoch) {
    auto key = worker.vault.epoch_key(epoch);
    REQUIRE(key.ok());
    if (!*key) continue;
    ++keys_tried;
    CHECK_FALSE(wire::open_envelope(*envelope, (*admin_me)->signing().public_key(), **key).ok());
  }
  CHECK(keys_tried == 1);  // the worker holds epoch 1 only

  const auto now = static_cast<std::int64_t>(std::time(nullptr));
  REQUIRE(worker.client.confirm_wipe(http, now).ok());
  auto devices = admin.client.devices(http);
  REQUIRE(devices.ok());
  bool listed = false;
  for (const auto& d : *devices) {
    if (d.device == worker_id) {
      listed = true;
      CHECK(d.status == "revoked");
    }
  }
  CHECK(listed);
  // DeviceEntry (shared/varn/sync) does not carry wiped_at yet: read the
  // admin's device list as the admin, straight from the protocol.
  TlsClient raw(port_of(server.url));
  ProtocolDriver driver(raw.transport());
  TestDevice as_admin;
  auto restored = crypto::DeviceIdentity::restore((*admin_me)->signing().secret_key().view(),
                                                  (*admin_me)->box().secret_key().view());
  REQUIRE(restored.ok());
  as_admin.identity = std::move(restored).value();
  REQUIRE(driver.open_session(as_admin).status == 200);
  auto list = driver.call("GET", unit_path(admin.unit()) + "/devices", {}, as_admin.token);
  REQUIRE(list.status == 200);
  const auto body = list.json();
  bool wiped = false;
  for (const auto& d : body["devices"]) {
    if (d["device"] == to_hex(worker_id)) wiped = d["wiped_at"] == now;
    if (d["device"] == to_hex(admin.id())) CHECK(d["wiped_at"].is_null());
  }
  CHECK(wiped);
}

TEST_CASE("A server that slips in a device the admin never signed is caught by every client", "[e2e][core]") {
  E2eServer server;
  TlsExecutor http(server.url);
  CoreDevice admin, worker;
  enrol_team(server, http, admin, worker);
  const auto unit = admin.unit();

  // The server makes a device of its own an active member, without a registry entry.
  TestDevice planted;
  tamper(server, "INSERT INTO devices (id, unit, bundle, role, status, last_seen) VALUES (?, ?, ?, 'worker', 'active', 0)",
         {blob(planted.id()), blob(unit), planted.identity.public_bundle().encode()});
  TlsClient raw(port_of(server.url));
  ProtocolDriver driver(raw.transport());
  REQUIRE(driver.open_session(planted).status == 200);
  auto made_up_key = crypto::SecretBuffer::random(32);
  REQUIRE(driver.push(planted, unit, {planted.seal_next(unit, 1, made_up_key, "planted")}).status == 200);

  // The admin refuses the planted change set: its author is in no registry entry.
  auto refused = admin.client.sync(http);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == Errc::forbidden);
  CHECK(admin.store.applied == std::vector<std::string>{"visit before\n"});
  auto entries = admin.client.registry(http);
  REQUIRE(entries.ok());
  for (const auto& e : *entries) CHECK(e.subject != planted.id());

  // Handing the planted device a copy of the epoch key fails the box audit,
  // on the worker too, and raises the alarm.
  auto sealed = crypto::seal_to(planted.identity.box().public_key(), made_up_key.view());
  REQUIRE(sealed.ok());
  tamper(server, "INSERT INTO rotation_copies (unit, epoch, device, wrapped) VALUES (?, 1, ?, ?)",
         {blob(unit), blob(planted.id()), *sealed});
  auto audited = worker.client.sync(http);
  REQUIRE_FALSE(audited.ok());
  CHECK(audited.error().code == Errc::corrupt);
  CHECK_FALSE(worker.client.alarm().empty());
}
