// The unit's recovery key on the server (handle_request, no sockets): who may
// commit one, who may read with it, and that a recover entry counts only
// under the key the registry holds.
#include <catch2/catch.hpp>

#include "registry_driver.hpp"
#include "varn/crypto/box.hpp"
#include "varn/registry/recovery_key.hpp"

namespace varn::test {
namespace {

using nlohmann::json;
using registry::EntryKind;
using registry::RecoveryKey;
using registry::Role;

registry::Entry set_recovery_entry(const RegistryDriver& rd, const RegistryUnit& u, const RecoveryKey& key) {
  auto e = rd.next(u, EntryKind::set_recovery);
  e.bundle = key.public_bundle();
  return e;
}

std::vector<SealedCopy> sealed_to_recovery(const RegistryUnit& u, const RecoveryKey& key) {
  std::vector<SealedCopy> out;
  for (const auto& k : u.epoch_keys) out.push_back({key.id(), *crypto::seal_to(key.box().public_key(), k.view())});
  return out;
}

TestResponse read_with(HandlerFixture& f, const RegistryUnit& u, const TestDevice& caller, const crypto::Signature& proof) {
  return f.driver.call_json("POST", unit_path(u.unit) + "/recovery", {{"proof", to_base64(proof)}}, caller.token);
}

}  // namespace

TEST_CASE("registry: only an active admin commits the recovery key, and a recover entry counts only under it",
          "[server][registry][recovery]") {
  HandlerFixture f;
  RegistryDriver rd(f);
  auto u = rd.make_unit();
  auto worker = rd.enrol(u, Role::worker);
  const auto recovery = RecoveryKey::generate();

  // A worker's set_recovery: refused, whoever posts it.
  auto by_worker = set_recovery_entry(rd, u, recovery);
  by_worker.sign_with(worker.identity.signing());
  CHECK(rd.post(u, worker, by_worker, {}).status == 403);
  // An admin's, with the recovery key's copy of each epoch: stored.
  REQUIRE(rd.post_signed(u, set_recovery_entry(rd, u, recovery), sealed_to_recovery(u, recovery)).status == 200);

  // A fresh device files a request, which gives it a session and nothing else.
  TestDevice fresh;
  REQUIRE(f.driver.enrol(fresh, std::nullopt).status == 202);
  REQUIRE(f.driver.open_session(fresh).status == 200);
  CHECK(f.driver.call("GET", unit_path(u.unit) + "/registry?after=0", {}, fresh.token).status == 403);

  // Reading with the recovery key takes its signature, for this very device.
  const auto digest = registry::recovery_read_digest(u.unit, fresh.id());
  CHECK(read_with(f, u, fresh, fresh.identity.signing().sign(digest)).status == 403);
  CHECK(read_with(f, u, fresh, recovery.signing().sign(registry::recovery_read_digest(u.unit, worker.id()))).status ==
        403);
  auto read = read_with(f, u, fresh, recovery.signing().sign(digest));
  REQUIRE(read.status == 200);
  CHECK(read.json()["entries"].size() == u.length);
  REQUIRE(read.json()["keys"].size() == 1);
  CHECK(read.json()["keys"][0]["epoch"] == 1);

  auto recover = rd.next(u, EntryKind::recover);
  recover.subject = fresh.id();
  recover.bundle = fresh.identity.public_bundle();
  recover.role = Role::admin;
  const std::vector<SealedCopy> mine = RegistryDriver::seal_for({&fresh}, u.epoch_keys[0]);
  SECTION("forged in the recovery key's name without it") {
    recover.signer = recovery.id();
    recover.signature = fresh.identity.signing().sign(registry::entry_signature_digest(recover));
    auto r = rd.post(u, fresh, recover, mine);
    CHECK(r.status == 400);
    CHECK(r.error_code() == "bad_signature");
  }
  SECTION("signed by the device itself") {
    recover.sign_with(fresh.identity.signing());
    auto r = rd.post(u, fresh, recover, mine);
    CHECK(r.status == 403);
    CHECK(r.error_code() == "forbidden");
  }
  SECTION("signed by the recovery key: the device is an admin, and the next rotation must seal to the key") {
    recover.signer = recovery.id();
    recover.signature = recovery.signing().sign(registry::entry_signature_digest(recover));
    REQUIRE(rd.post(u, fresh, recover, mine).status == 200);
    REQUIRE(f.driver.open_session(fresh).status == 200);
    auto keys = f.driver.call("GET", unit_path(u.unit) + "/keys", {}, fresh.token);
    REQUIRE(keys.status == 200);
    CHECK(keys.json()["keys"].size() == 1);
    // Copies for the devices alone leave the recovery key out: refused.
    auto r = rd.rotate(u, {&u.admin, &worker, &fresh});
    CHECK(r.status == 400);
    CHECK(r.error_code() == "key_set");
  }
  // A unit without a recovery key answers a stranger's proof as it answers a wrong one.
  HandlerFixture g;
  RegistryDriver rg(g);
  auto other = rg.make_unit();
  TestDevice stranger;
  REQUIRE(g.driver.enrol(stranger, std::nullopt).status == 202);
  REQUIRE(g.driver.open_session(stranger).status == 200);
  CHECK(read_with(g, other, stranger, recovery.signing().sign(registry::recovery_read_digest(other.unit, stranger.id())))
            .status == 403);
}

}  // namespace varn::test
