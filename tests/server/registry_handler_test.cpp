// The issue-5 calls of handle_request: the signed registry, roles on push,
// revocation, epoch rotation, checkpoints, wipe confirmation and re-push.
#include <catch2/catch.hpp>
#include <future>

#include "registry_driver.hpp"
#include "varn/registry/chain.hpp"
#include "varn/registry/checkpoint.hpp"

namespace varn::test {
namespace {

using nlohmann::json;
using registry::EntryKind;
using registry::Role;

std::vector<registry::Entry> fetch_registry(HandlerFixture& f, const RegistryUnit& u, std::uint64_t after = 0) {
  auto r = f.driver.call("GET", unit_path(u.unit) + "/registry?after=" + std::to_string(after), {}, u.admin.token);
  REQUIRE(r.status == 200);
  const auto body = r.json();  // range-for over a temporary's member would dangle
  REQUIRE(body["entries"].size() == body["length"].get<std::size_t>() - after);
  std::vector<registry::Entry> out;
  for (const auto& e : body["entries"]) {
    auto entry = registry::Entry::decode(*from_base64(e.get<std::string>()));
    REQUIRE(entry.ok());
    out.push_back(*entry);
  }
  return out;
}

std::uint32_t current_epoch(HandlerFixture& f, const RegistryUnit& u) {
  return f.driver.call("GET", unit_path(u.unit) + "/keys", {}, u.admin.token).json()["current_epoch"].get<std::uint32_t>();
}

void require_revoked(const TestResponse& r) {
  INFO(std::string(r.body.begin(), r.body.end()));
  CHECK(r.status == 403);
  CHECK(r.error_code() == "revoked");
  CHECK(r.json()["wipe"] == true);
  CHECK(r.json()["registry"].size() >= 3);  // the signed revoke the device checks before it wipes
}

json device_entry(HandlerFixture& f, const RegistryUnit& u, const wire::DeviceId& id) {
  auto r = f.driver.call("GET", unit_path(u.unit) + "/devices", {}, u.admin.token);
  REQUIRE(r.status == 200);
  const auto body = r.json();
  for (const auto& d : body["devices"]) {
    if (d["device"] == to_hex(id)) return d;
  }
  FAIL("device not listed");
  return {};
}

TestResponse post_wipe(HandlerFixture& f, const TestDevice& signer, const wire::DeviceId& device, std::uint64_t time) {
  Bytes t;
  put_u64(t, time);
  const auto sig = signer.identity.signing().sign(crypto::labelled_hash("varn/wipe-confirm/v1", {device, t}));
  return f.driver.call_json("POST", "/v1/wipe", {{"device", to_hex(device)}, {"time", time}, {"signature", to_base64(sig)}});
}

wire::ChangeSetId id_of(const Bytes& envelope) { return wire::decode_envelope(envelope)->header.id; }

}  // namespace

TEST_CASE("registry: the admin bootstraps it and every member can read and audit it", "[server][registry]") {
  HandlerFixture f;
  RegistryDriver rd(f);
  auto u = rd.make_unit();
  // Both enrol answers carry the server key that devices pin.
  const auto server_key = to_hex(f.server_key.public_key());
  CHECK(f.driver.enrol(u.admin, f.unit_code).json()["server_key"] == server_key);
  TestDevice waiting;
  auto pending = f.driver.enrol(waiting, std::nullopt);
  CHECK(pending.status == 202);
  CHECK(pending.json()["server_key"] == server_key);

  auto worker = rd.enrol(u, Role::worker);
  auto all = fetch_registry(f, u);
  REQUIRE(all.size() == 3);
  auto state = registry::verify_chain(all, u.admin.identity.signing().public_key());
  REQUIRE(state.ok());
  CHECK(state->epoch == 1);
  CHECK(state->active(worker.id()) != nullptr);
  auto tail = f.driver.call("GET", unit_path(u.unit) + "/registry?after=2", {}, worker.token);
  CHECK(tail.json()["entries"].size() == 1);
  CHECK(tail.json()["length"] == 3);

  // The epoch-1 set is what the rotate entry signed: the box audit passes.
  auto copies = f.driver.call("GET", unit_path(u.unit) + "/keys/1/copies", {}, worker.token);
  REQUIRE(copies.status == 200);
  std::vector<registry::KeyCopy> set;
  const auto listed = copies.json();
  for (const auto& c : listed["copies"]) {
    set.push_back({*array_from_hex<16>(c["device"].get<std::string>()), *from_base64(c["wrapped"].get<std::string>())});
  }
  CHECK(registry::audit_key_copies(*state, 1, set).ok());
  CHECK(f.driver.call("GET", unit_path(u.unit) + "/keys/2/copies", {}, worker.token).status == 404);
  // The worker got its copy of epoch 1 with its enrolment.
  CHECK(f.driver.call("GET", unit_path(u.unit) + "/keys", {}, worker.token).json()["keys"].size() == 1);

  // There is no way to a unit's keys or membership beside the registry.
  const auto code = pending.json()["code"].get<std::string>();
  CHECK(f.driver.call_json("POST", unit_path(u.unit) + "/enrolments/" + code + "/approve",
                           {{"role", "worker"}, {"keys", json::array()}}, u.admin.token).status == 404);
  CHECK(f.driver.call_json("PUT", unit_path(u.unit) + "/keys", {{"epoch", 2}, {"copies", json::array()}}, u.admin.token)
            .status == 405);
}

TEST_CASE("registry: an entry whose signature does not verify is refused", "[server][registry]") {
  HandlerFixture f;
  RegistryDriver rd(f);
  auto u = rd.make_unit();
  TestDevice d;
  REQUIRE(f.driver.enrol(d, std::nullopt).status == 202);
  auto entry = rd.next(u, EntryKind::enrol);
  entry.subject = d.id();
  entry.bundle = d.identity.public_bundle();
  entry.role = Role::worker;
  entry.sign_with(u.admin.identity.signing());
  SECTION("altered after signing") {
    entry.role = Role::admin;
  }
  SECTION("signed by another key in the admin's name") {
    entry.sign_with(TestDevice{}.identity.signing());
    entry.signer = u.admin.id();
  }
  const auto copies = RegistryDriver::seal_for({&d}, u.current_key());
  auto r = rd.post(u, u.admin, entry, copies);
  CHECK(r.status == 400);
  CHECK(r.error_code() == "bad_signature");
  CHECK(fetch_registry(f, u).size() == 2);
  REQUIRE(f.driver.open_session(d).status == 200);
  CHECK(f.driver.call("GET", "/v1/me", {}, d.token).json()["status"] == "pending");
}

TEST_CASE("registry: an entry that does not follow the head is 409 registry_head", "[server][registry]") {
  HandlerFixture f;
  RegistryDriver rd(f);
  auto u = rd.make_unit();
  auto worker = rd.enrol(u, Role::worker);
  auto entry = rd.next(u, EntryKind::change_role);
  entry.subject = worker.id();
  entry.role = Role::reviewer;
  SECTION("wrong prev") { entry.prev = crypto::Hash32{}; }
  SECTION("an index past the head") { entry.index += 1; }
  SECTION("an index already taken") {
    entry.index -= 1;
    entry.prev = fetch_registry(f, u)[2].prev;
  }
  auto r = rd.post_signed(u, entry, {});
  CHECK(r.status == 409);
  CHECK(r.error_code() == "registry_head");
  CHECK(fetch_registry(f, u).size() == 3);
  CHECK(device_entry(f, u, worker.id())["role"] == "worker");
}

TEST_CASE("registry: an entry counts only if an active admin signed it, whoever posts it", "[server][registry]") {
  HandlerFixture f;
  RegistryDriver rd(f);
  auto u = rd.make_unit();
  auto worker = rd.enrol(u, Role::worker);
  auto promote = rd.next(u, EntryKind::change_role);
  promote.subject = worker.id();
  promote.role = Role::admin;
  SECTION("a worker signing for itself") {
    promote.sign_with(worker.identity.signing());
    auto r = rd.post(u, worker, promote, {});
    CHECK(r.status == 403);
    CHECK(r.error_code() == "forbidden");
    CHECK(rd.post(u, u.admin, promote, {}).status == 403);  // posted by the admin, still not its signature
    CHECK(fetch_registry(f, u).size() == 3);
    CHECK(device_entry(f, u, worker.id())["role"] == "worker");
  }
  SECTION("a worker relaying the admin's entry, as after a restore") {
    promote.sign_with(u.admin.identity.signing());
    CHECK(rd.post(u, worker, promote, {}).status == 200);
    CHECK(rd.post(u, worker, promote, {}).status == 200);  // the same bytes again: already held
    CHECK(fetch_registry(f, u).size() == 4);
    CHECK(device_entry(f, u, worker.id())["role"] == "admin");
  }
}

TEST_CASE("registry: entry 0 is the code-enrolled admin enrolling itself", "[server][registry]") {
  HandlerFixture f;
  RegistryDriver rd(f);
  RegistryUnit u;
  auto e = f.driver.enrol(u.admin, f.unit_code);
  u.unit = *array_from_hex<16>(e.json()["unit"].get<std::string>());
  REQUIRE(f.driver.open_session(u.admin).status == 200);
  TestDevice other;
  auto genesis = rd.next(u, EntryKind::enrol);
  genesis.subject = other.id();
  genesis.bundle = other.identity.public_bundle();
  genesis.role = Role::admin;
  auto r = rd.post_signed(u, genesis, {});
  CHECK(r.status == 403);
  CHECK(r.error_code() == "forbidden");
  genesis.subject = u.admin.id();
  genesis.bundle = u.admin.identity.public_bundle();
  genesis.role = Role::worker;
  CHECK(rd.post_signed(u, genesis, {}).status == 403);
  genesis.role = Role::admin;
  CHECK(rd.post_signed(u, genesis, {}).status == 200);
}

TEST_CASE("registry: a revoked device is answered 403 revoked with wipe everywhere", "[server][registry]") {
  HandlerFixture f;
  RegistryDriver rd(f);
  auto u = rd.make_unit();
  auto worker = rd.enrol(u, Role::worker);
  const Bytes before = worker.seal_next(u.unit, 1, u.current_key(), "before");
  REQUIRE(f.driver.push(worker, u.unit, {before}).status == 200);

  // A long-poll the worker has open (or opens) is answered "revoked", never with data.
  auto waiting = std::async(std::launch::async, [&] { return f.driver.pull(worker, u.unit, 1, 10, 5); });
  REQUIRE(rd.revoke(u, worker).status == 200);
  REQUIRE(f.driver.push(u.admin, u.unit, {u.admin.seal_next(u.unit, 1, u.current_key(), "wake")}).status == 200);
  REQUIRE(waiting.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
  require_revoked(waiting.get());

  require_revoked(f.driver.push(worker, u.unit, {worker.seal_next(u.unit, 1, u.current_key(), "after")}));
  require_revoked(f.driver.pull(worker, u.unit, 0, 10));
  require_revoked(f.driver.call("GET", "/v1/me", {}, worker.token));
  require_revoked(f.driver.call("GET", unit_path(u.unit) + "/registry", {}, worker.token));
  require_revoked(f.driver.call("GET", unit_path(u.unit) + "/checkpoint", {}, worker.token));
  const std::string old_token = worker.token;
  require_revoked(f.driver.open_session(worker));
  require_revoked(f.driver.call("GET", "/v1/me", {}, old_token));
  CHECK(device_entry(f, u, worker.id())["status"] == "revoked");
  CHECK(stored_changesets(f) == 2);  // "before" and the admin's "wake"
  // Revoking it again is a conflict: it is no longer active.
  CHECK(rd.revoke(u, worker).status == 409);
}

TEST_CASE("registry: a rotate whose copies are not exactly the active devices is 400 key_set", "[server][registry]") {
  HandlerFixture f;
  RegistryDriver rd(f);
  auto u = rd.make_unit();
  auto worker = rd.enrol(u, Role::worker);
  TestDevice stranger;
  auto key = crypto::SecretBuffer::random(32);
  auto entry = rd.next(u, EntryKind::rotate);
  entry.epoch = 2;
  std::vector<SealedCopy> copies;
  SECTION("a member is missing") { copies = RegistryDriver::seal_for({&u.admin}, key); }
  SECTION("a stranger holds a copy") { copies = RegistryDriver::seal_for({&u.admin, &worker, &stranger}, key); }
  SECTION("a member twice") { copies = RegistryDriver::seal_for({&u.admin, &worker, &worker}, key); }
  SECTION("the right devices, but not the copies the entry signs") {
    copies = RegistryDriver::seal_for({&u.admin, &worker}, key);
    auto swapped = RegistryDriver::seal_for({&u.admin, &worker}, key);
    std::vector<registry::KeyCopy> hashed;
    for (const auto& c : swapped) hashed.push_back({c.device, c.wrapped});
    entry.key_set = registry::key_set_hash(2, hashed);
  }
  if (entry.key_set == crypto::Hash32{}) {
    std::vector<registry::KeyCopy> hashed;
    for (const auto& c : copies) hashed.push_back({c.device, c.wrapped});
    entry.key_set = registry::key_set_hash(2, hashed);
  }
  auto r = rd.post_signed(u, entry, copies);
  CHECK(r.status == 400);
  CHECK(r.error_code() == "key_set");
  CHECK(current_epoch(f, u) == 1);
  CHECK(fetch_registry(f, u).size() == 3);
}

TEST_CASE("registry: rotation moves the epoch by one and leaves revoked devices out", "[server][registry]") {
  HandlerFixture f;
  RegistryDriver rd(f);
  auto u = rd.make_unit();
  auto worker = rd.enrol(u, Role::worker);
  auto skip = rd.next(u, EntryKind::rotate);
  skip.epoch = 3;
  auto r = rd.post_signed(u, skip, {});
  CHECK(r.status == 409);
  CHECK(r.error_code() == "epoch");
  REQUIRE(rd.revoke(u, worker).status == 200);
  CHECK(rd.rotate(u, {&u.admin, &worker}).error_code() == "key_set");  // the revoked worker gets no copy
  REQUIRE(rd.rotate(u, {&u.admin}).status == 200);
  CHECK(current_epoch(f, u) == 2);
  auto copies = f.driver.call("GET", unit_path(u.unit) + "/keys/2/copies", {}, u.admin.token);
  REQUIRE(copies.json()["copies"].size() == 1);
  CHECK(copies.json()["copies"][0]["device"] == to_hex(u.admin.id()));
  // New change sets must use the new epoch.
  CHECK(f.driver.push(u.admin, u.unit, {u.admin.seal_next(u.unit, 1, u.epoch_keys[0], "old")}).error_code() ==
        "stale_epoch");
}

TEST_CASE("roles on push: field work needs worker or admin, review needs reviewer or admin", "[server][registry]") {
  HandlerFixture f;
  RegistryDriver rd(f);
  auto u = rd.make_unit();
  auto worker = rd.enrol(u, Role::worker);
  auto reviewer = rd.enrol(u, Role::reviewer);
  const auto review = wire::ChangeSetClass::review;
  auto refused = f.driver.push(worker, u.unit, {worker.seal_next(u.unit, 1, u.current_key(), "sign-off", review)});
  CHECK(refused.status == 403);
  CHECK(refused.error_code() == "role");
  CHECK(refused.json()["index"] == 0);
  auto field = f.driver.push(reviewer, u.unit, {reviewer.seal_next(u.unit, 1, u.current_key(), "visit")});
  CHECK(field.error_code() == "role");
  CHECK(stored_changesets(f) == 0);
  // The refused ones never entered the chains: start over at seq 1.
  worker.seq = 0;
  worker.last_hash = {};
  reviewer.seq = 0;
  reviewer.last_hash = {};
  const Bytes visit = worker.seal_next(u.unit, 1, u.current_key(), "visit");
  CHECK(f.driver.push(worker, u.unit, {visit}).status == 200);
  CHECK(f.driver.push(reviewer, u.unit, {reviewer.seal_next(u.unit, 1, u.current_key(), "ok", review)}).status == 200);
  CHECK(f.driver.push(u.admin, u.unit, {u.admin.seal_next(u.unit, 1, u.current_key(), "a"),
                                        u.admin.seal_next(u.unit, 1, u.current_key(), "b", review)})
            .status == 200);
  // A role change counts from the registry point a change set names.
  auto change = rd.next(u, EntryKind::change_role);
  change.subject = worker.id();
  change.role = Role::reviewer;
  REQUIRE(rd.post_signed(u, change, {}).status == 200);
  // Field work that claims not to have seen the change, written after it
  // reached the server: a demoted device backdating its writing.
  auto backdated = f.driver.push(worker, u.unit, {worker.seal_next(u.unit, 1, u.current_key(), "late visit")});
  CHECK(backdated.status == 403);
  CHECK(backdated.error_code() == "role");
  worker.seq -= 1;
  worker.last_hash = wire::envelope_hash(visit);
  worker.registry_seen = u.length;
  CHECK(f.driver.push(worker, u.unit, {worker.seal_next(u.unit, 1, u.current_key(), "now a review", review)}).status ==
        200);
  CHECK(f.driver.push(worker, u.unit, {worker.seal_next(u.unit, 1, u.current_key(), "visit")}).error_code() == "role");
}

TEST_CASE("wipe confirmation: signed by the device, revoked or wiped by its user, recorded once, shown to the admin",
          "[server][registry]") {
  HandlerFixture f;
  RegistryDriver rd(f);
  auto u = rd.make_unit();
  auto worker = rd.enrol(u, Role::worker);
  // Panic delete: an active device wiped by its user says so.
  auto panicked = rd.enrol(u, Role::worker);
  CHECK(device_entry(f, u, panicked.id())["wiped_at"].is_null());
  REQUIRE(post_wipe(f, panicked, panicked.id(), 1700000050).status == 200);
  CHECK(device_entry(f, u, panicked.id())["wiped_at"] == 1700000050);
  CHECK(device_entry(f, u, panicked.id())["status"] == "active");  // the admin still revokes it
  CHECK(device_entry(f, u, worker.id())["wiped_at"].is_null());
  REQUIRE(rd.revoke(u, worker).status == 200);
  CHECK(device_entry(f, u, worker.id())["wiped_at"].is_null());
  auto forged = post_wipe(f, TestDevice{}, worker.id(), 1700000100);
  CHECK(forged.status == 401);
  CHECK(forged.error_code() == "bad_signature");
  TestDevice stranger;
  CHECK(post_wipe(f, stranger, stranger.id(), 1700000100).status == 401);
  auto ok = post_wipe(f, worker, worker.id(), 1700000100);
  REQUIRE(ok.status == 200);
  CHECK(ok.json()["wiped_at"] == 1700000100);
  CHECK(device_entry(f, u, worker.id())["wiped_at"] == 1700000100);
  CHECK(post_wipe(f, worker, worker.id(), 1700000999).json()["wiped_at"] == 1700000100);  // the first one stays
  CHECK(device_entry(f, u, u.admin.id())["wiped_at"].is_null());
}

TEST_CASE("checkpoints are signed by the server key, alone and on every pull", "[server][registry]") {
  HandlerFixture f;
  RegistryDriver rd(f);
  auto u = rd.make_unit();
  REQUIRE(f.driver.push(u.admin, u.unit, {u.admin.seal_next(u.unit, 1, u.current_key(), "a"),
                                          u.admin.seal_next(u.unit, 1, u.current_key(), "b")})
              .status == 200);
  auto r = f.driver.call("GET", unit_path(u.unit) + "/checkpoint", {}, u.admin.token);
  REQUIRE(r.status == 200);
  auto cp = registry::Checkpoint::decode(*from_base64(r.json()["checkpoint"].get<std::string>()));
  REQUIRE(cp.ok());
  CHECK(cp->verify(f.server_key.public_key()).ok());
  CHECK_FALSE(cp->verify(TestDevice{}.identity.signing().public_key()).ok());
  CHECK(cp->unit == u.unit);
  CHECK(cp->log_seq == 2);
  CHECK(cp->registry_length == 2);
  CHECK(cp->time == 1700000000);

  auto pulled = f.driver.pull(u.admin, u.unit, 1, 10);
  REQUIRE(pulled.headers.count("varn-checkpoint") == 1);
  auto header = registry::Checkpoint::decode(*from_base64(pulled.headers["varn-checkpoint"]));
  REQUIRE(header.ok());
  CHECK(header->verify(f.server_key.public_key()).ok());
  CHECK(header->log_seq == 2);
  CHECK(header->registry_length == 2);
}

TEST_CASE("heal: change sets a restore lost come back under older epochs, new work may not", "[server][registry]") {
  HandlerFixture f;
  RegistryDriver rd(f);
  auto u = rd.make_unit();
  auto worker = rd.enrol(u, Role::worker);
  const Bytes late = worker.seal_next(u.unit, 1, u.current_key(), "written offline under epoch 1");
  REQUIRE(rd.rotate(u, {&u.admin, &worker}).status == 200);
  CHECK(f.driver.push(worker, u.unit, {late}).error_code() == "stale_epoch");
  CHECK(f.driver.push(u.admin, u.unit, {late}).error_code() == "stale_epoch");  // relayed as new work: the same
  auto heal = [&](const TestDevice& by, const std::vector<Bytes>& envelopes) {
    return f.driver.call("POST", unit_path(u.unit) + "/changesets?heal=1", wire::encode_push_body(envelopes), by.token);
  };
  auto relayed = heal(u.admin, {late});
  REQUIRE(relayed.status == 200);
  CHECK(relayed.json()["results"][0]["duplicate"] == false);
  CHECK(f.driver.push(worker, u.unit, {worker.seal_next(u.unit, 2, u.current_key(), "next")}).status == 200);
  // Even a heal keeps the author's chain unbroken and epochs in range.
  CHECK(heal(u.admin, {worker.seal_next(u.unit, 3, u.current_key(), "x")}).error_code() == "stale_epoch");
}

TEST_CASE("re-push of a revoked author: only what was acknowledged before the revocation", "[server][registry]") {
  HandlerFixture f;
  RegistryDriver rd(f);
  auto u = rd.make_unit();
  auto worker = rd.enrol(u, Role::worker);
  const Bytes first = worker.seal_next(u.unit, 1, u.current_key(), "one");
  const Bytes second = worker.seal_next(u.unit, 1, u.current_key(), "two");
  REQUIRE(f.driver.push(worker, u.unit, {first, second}).status == 200);
  const Bytes stolen = worker.seal_next(u.unit, 1, u.current_key(), "written by the thief");
  REQUIRE(rd.revoke(u, worker).status == 200);

  // A restore from a backup that lost `second` (the revocation survived).
  const auto first_hash = wire::envelope_hash(first);
  const auto worker_id = worker.id();
  const auto lost_id = id_of(second);
  run_sql(f, "DELETE FROM changesets WHERE id = ?", {Bytes(lost_id.begin(), lost_id.end())});
  run_sql(f, "UPDATE author_heads SET seq = 1, hash = ? WHERE device = ?",
          {Bytes(first_hash.begin(), first_hash.end()), Bytes(worker_id.begin(), worker_id.end())});
  run_sql(f, "UPDATE units SET head = head - 1");

  auto dup = f.driver.push(u.admin, u.unit, {first});
  REQUIRE(dup.status == 200);
  CHECK(dup.json()["results"][0]["duplicate"] == true);
  auto back = f.driver.push(u.admin, u.unit, {second});
  REQUIRE(back.status == 200);
  CHECK(back.json()["results"][0]["duplicate"] == false);
  auto thief = f.driver.push(u.admin, u.unit, {stolen});
  CHECK(thief.status == 403);
  CHECK(thief.error_code() == "role");  // it claims a registry point before the revoke, written after it
}

}  // namespace varn::test
