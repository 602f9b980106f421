// The core's device session (Enrolment, RegistryAdmin, DeviceSync) against
// the real varn-server process, with in-memory stores: proves the clients'
// rules and the server speak the same protocol before any UI or CLI is involved.
#include <catch2/catch.hpp>

#include "core_device.hpp"
#include "protocol_driver.hpp"
#include "varn/sync/device_sync.hpp"
#include "varn/sync/registry_admin.hpp"

using namespace varn;
using namespace varn::test;

TEST_CASE("The core enrols both ways, approves by fingerprint and pairing secret, and syncs", "[e2e][core]") {
  E2eServer server;
  TlsExecutor http(server.url);
  CoreDevice admin, worker;

  auto admin_enrol = sync::Enrolment(admin.context).enrol(http, server.unit_code);
  REQUIRE(admin_enrol.ok());
  CHECK(admin_enrol->status == registry::DeviceStatus::active);

  auto pending = sync::Enrolment(worker.context).enrol(http, std::nullopt);
  REQUIRE(pending.ok());
  CHECK(pending->status == registry::DeviceStatus::pending);
  REQUIRE_FALSE(pending->code.empty());
  REQUIRE_FALSE(pending->pairing.empty());

  auto early = worker.sync(http);
  REQUIRE_FALSE(early.ok());
  CHECK(early.error().code == Errc::locked);  // waiting for the admin

  sync::Enrolment approver(admin.context);
  auto wrong_fp = approver.approve(http, pending->code, "00000 00000 00000 00000 00000 00000", pending->pairing,
                                   registry::Role::worker);
  REQUIRE_FALSE(wrong_fp.ok());
  CHECK(wrong_fp.error().code == Errc::forbidden);
  REQUIRE(approver.approve(http, pending->code, pending->fingerprint, pending->pairing, registry::Role::worker).ok());

  worker.store.write("worker op 1");
  auto wr = worker.sync(http);
  INFO((wr.ok() ? std::string() : wr.error().message));
  REQUIRE(wr.ok());
  CHECK(wr->pushed == 1);
  CHECK(*sync::Enrolment(worker.context).safety_code() == *sync::Enrolment(admin.context).safety_code());
  CHECK(worker.vault.setting(sync::settings::kPairingSecret)->value_or("").empty());  // spent once proven

  admin.store.write("admin op 1");
  auto ar = admin.sync(http);
  INFO((ar.ok() ? std::string() : ar.error().message));
  REQUIRE(ar.ok());
  CHECK(admin.store.applied == std::vector<std::string>{"worker op 1\n"});

  REQUIRE(worker.sync(http).ok());
  CHECK(worker.store.applied == std::vector<std::string>{"admin op 1\n"});
  CHECK(worker.alarm().empty());
  CHECK(admin.alarm().empty());
}

TEST_CASE("A stolen tablet: revoked, locked out, blind to what is written next, confirms its wipe", "[e2e][core]") {
  E2eServer server;
  TlsExecutor http(server.url);
  CoreDevice admin, worker;
  enrol_team(server, http, admin, {{&worker, registry::Role::worker}});
  worker.store.write("visit before");
  REQUIRE(worker.sync(http).ok());
  REQUIRE(admin.sync(http).ok());
  const auto worker_id = worker.id();

  REQUIRE(sync::RegistryAdmin(admin.context).revoke(http, worker_id).ok());  // revoke entry, then a rotate without the worker

  worker.store.write("written on the stolen tablet");
  auto stolen = worker.sync(http);
  REQUIRE_FALSE(stolen.ok());
  CHECK(stolen.error().code == Errc::revoked);  // verified from the signed revoke entry the answer carried

  admin.store.write("written after the revocation");
  REQUIRE(admin.sync(http).ok());
  CHECK(admin.store.applied == std::vector<std::string>{"visit before\n"});  // nothing from the thief
  auto envelope = wire::decode_envelope(admin.store.sealed.back().envelope);
  REQUIRE(envelope.ok());
  CHECK(envelope->header.epoch == 2);
  auto admin_me = admin.context.identity();
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

  REQUIRE(sync::DeviceSync(worker.context).confirm_wipe(http).ok());
  auto devices = sync::RegistryAdmin(admin.context).devices(http);
  REQUIRE(devices.ok());
  bool listed = false;
  for (const auto& d : *devices) {
    if (d.device == worker_id) {
      listed = true;
      CHECK(d.status == "revoked");
      CHECK(d.wiped_at != 0);
    }
    if (d.device == admin.id()) CHECK(d.wiped_at == 0);
  }
  CHECK(listed);
}
