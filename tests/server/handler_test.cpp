// Protocol-level tests of handle_request with a real store and no sockets.
#include <catch2/catch.hpp>
#include <cctype>
#include <future>
#include <thread>

#include "handler_fixture.hpp"
#include "varn/crypto/random.hpp"
#include "varn/server/codes.hpp"
#include "varn/server/sqlite_db.hpp"
#include "varn/wire/batch_codec.hpp"

namespace varn::test {
namespace {

using nlohmann::json;

//! The same change-set id and chain position, sealed again: other bytes.
Bytes reseal(const Bytes& original, const TestDevice& author, const crypto::SecretBuffer& key) {
  auto env = wire::decode_envelope(original);
  REQUIRE(env.ok());
  wire::SealParams p{env->header.change_class, env->header.unit, env->header.epoch, env->header.seq,
                     env->header.prev_hash, env->header.id, env->header.registry_seen};
  auto sealed = wire::seal_envelope(p, key, author.identity.signing(), as_bytes("other text"));
  REQUIRE(sealed.ok());
  return std::move(sealed).value();
}

std::vector<std::uint64_t> pulled_seqs(const TestResponse& r) {
  auto items = wire::decode_pull_body(r.body, 10000);
  REQUIRE(items.ok());
  std::vector<std::uint64_t> out;
  for (const auto& i : *items) out.push_back(i.seq);
  return out;
}

}  // namespace

TEST_CASE("health and metrics need no session", "[server][handler]") {
  HandlerFixture f;
  CHECK(f.driver.call("GET", "/healthz").status == 200);
  auto m = f.driver.call("GET", "/metrics");
  CHECK(m.status == 200);
  CHECK(std::string(m.body.begin(), m.body.end()).find("varn_fsyncs_total") != std::string::npos);
  CHECK(f.driver.call("GET", "/nowhere").status == 404);
  CHECK(f.driver.call("DELETE", "/healthz").status == 405);
}

TEST_CASE("malformed JSON and missing fields are 400 malformed", "[server][handler]") {
  HandlerFixture f;
  const std::string bad = "{\"bundle\": ";
  auto r = f.driver.call("POST", "/v1/enrol", Bytes(bad.begin(), bad.end()));
  CHECK(r.status == 400);
  CHECK(r.error_code() == "malformed");
  CHECK(f.driver.call_json("POST", "/v1/enrol", {{"bundle", 5}}).error_code() == "malformed");
  CHECK(f.driver.call_json("POST", "/v1/enrol", {{"bundle", "AAAA"}}).error_code() == "malformed");
  CHECK(f.driver.call_json("POST", "/v1/session/challenge", {{"device", "zz"}}).status == 400);
  CHECK(f.driver.call_json("POST", "/v1/session", json::array()).status == 400);
}

TEST_CASE("the unit code enrols one admin, once", "[server][handler]") {
  HandlerFixture f;
  TestDevice admin, other;
  CHECK(f.driver.enrol(admin, std::string("WRONG-CODE")).error_code() == "bad_code");
  auto first = f.driver.enrol(admin, f.unit_code);
  REQUIRE(first.status == 200);
  CHECK(first.json()["role"] == "admin");
  CHECK(first.json()["status"] == "active");
  CHECK(f.driver.enrol(admin, f.unit_code).status == 200);  // the same device retrying
  auto second = f.driver.enrol(other, f.unit_code);
  CHECK(second.status == 403);
  CHECK(second.error_code() == "bad_code");
}

TEST_CASE("a pending device becomes active once an admin's signed enrol entry names it", "[server][handler]") {
  HandlerFixture f;
  auto u = f.driver.make_unit(f.unit_code);
  TestDevice d;
  auto e = f.driver.enrol(d, std::nullopt);
  REQUIRE(e.status == 202);
  const auto code = e.json()["code"].get<std::string>();
  CHECK(f.driver.enrol(d, std::nullopt).json()["code"] == code);  // the same live request
  auto s = f.driver.open_session(d);
  REQUIRE(s.status == 200);
  CHECK(s.json()["status"] == "pending");
  CHECK(s.json()["unit"].is_null());
  auto seen = f.driver.call("GET", unit_path(u.unit) + "/enrolments/" + code, {}, u.admin.token);
  REQUIRE(seen.status == 200);
  CHECK(seen.json()["device"] == to_hex(d.id()));
  // The pending device itself reads nothing of the unit, and may not enrol itself.
  CHECK(f.driver.call("GET", unit_path(u.unit) + "/enrolments/" + code, {}, d.token).status == 403);
  auto self = ProtocolDriver::next_entry(u, registry::EntryKind::enrol);
  self.subject = d.id();
  self.bundle = d.identity.public_bundle();
  self.sign_with(d.identity.signing());
  auto refused = f.driver.call_json("POST", unit_path(u.unit) + "/registry",
                                    {{"entry", to_base64(self.encode())}, {"copies", json::array()}}, d.token);
  CHECK(refused.status == 403);
  CHECK(refused.error_code() == "forbidden");

  auto entry = ProtocolDriver::next_entry(u, registry::EntryKind::enrol);
  entry.subject = d.id();
  entry.bundle = d.identity.public_bundle();
  REQUIRE(f.driver.post_entry(u, entry, json::array()).status == 200);  // another device could re-post it without copies
  auto me = f.driver.call("GET", "/v1/me", {}, d.token);
  CHECK(me.json()["status"] == "active");
  CHECK(me.json()["role"] == "worker");
  CHECK(me.json()["units"][0]["unit"] == to_hex(u.unit));
  // The request stays until it expires: another unit's admin enrolling the
  // device must not take it away from the device's own admin.
  CHECK(f.driver.call("GET", unit_path(u.unit) + "/enrolments/" + code, {}, u.admin.token).status == 200);
  auto devices = f.driver.call("GET", unit_path(u.unit) + "/devices", {}, d.token);
  CHECK(devices.json()["devices"].size() == 2);
}

TEST_CASE("a device filed with a unit's join address is listed for that unit's admins only, until enrolled or expired",
          "[server][handler]") {
  HandlerFixture f;
  auto u = f.driver.make_unit(f.unit_code);
  REQUIRE(f.storage->create_unit(crypto::random_array<16>(), "Other unit", server::unit_code_hash("OTHER-CODE-0002")).ok());
  auto other = f.driver.make_unit("OTHER-CODE-0002");
  auto worker = f.driver.add_member(u, "worker");
  TestDevice hinted, elsewhere, plain;
  std::string hint = to_hex(u.unit).substr(0, 8);
  for (auto& c : hint) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));  // as typed
  auto filed = f.driver.enrol(hinted, std::nullopt, hint);
  REQUIRE(filed.status == 202);
  const auto code = filed.json()["code"].get<std::string>();
  REQUIRE(f.driver.enrol(elsewhere, std::nullopt, to_hex(other.unit)).status == 202);  // the whole id works too
  REQUIRE(f.driver.enrol(plain, std::nullopt).status == 202);
  // A hint that is not 8-32 hex characters is refused, and files nothing.
  TestDevice bad;
  CHECK(f.driver.enrol(bad, std::nullopt, std::string("16d0")).error_code() == "malformed");
  CHECK(f.driver.enrol(bad, std::nullopt, std::string("not-a-unit")).error_code() == "malformed");
  auto bad_filed = f.storage->find_pending_by_device(bad.id(), 0);
  REQUIRE(bad_filed.ok());
  CHECK_FALSE(bad_filed->has_value());
  auto listed = [&](const TestUnit& unit, const std::string& token) {
    return f.driver.call("GET", unit_path(unit.unit) + "/enrolments", {}, token);
  };
  auto mine = listed(u, u.admin.token);
  REQUIRE(mine.status == 200);
  REQUIRE(mine.json()["enrolments"].size() == 1);
  CHECK(mine.json()["enrolments"][0]["code"] == code);
  CHECK(mine.json()["enrolments"][0]["device"] == to_hex(hinted.id()));
  auto theirs = listed(other, other.admin.token);
  REQUIRE(theirs.json()["enrolments"].size() == 1);
  CHECK(theirs.json()["enrolments"][0]["device"] == to_hex(elsewhere.id()));
  // Only admins list; another unit's admin gets nothing of this one.
  CHECK(listed(u, worker.token).status == 403);
  CHECK(listed(u, other.admin.token).status == 403);
  REQUIRE(f.driver.open_session(hinted).status == 200);
  CHECK(listed(u, hinted.token).status == 403);
  CHECK(f.driver.call("POST", unit_path(u.unit) + "/enrolments", {}, u.admin.token).status == 405);

  auto entry = ProtocolDriver::next_entry(u, registry::EntryKind::enrol);
  entry.subject = hinted.id();
  entry.bundle = hinted.identity.public_bundle();
  REQUIRE(f.driver.post_entry(u, entry, json::array()).status == 200);
  CHECK(listed(u, u.admin.token).json()["enrolments"].empty());  // enrolled: no longer waiting
  f.now += 25 * 3600;  // past the 24 h a request lives
  CHECK(listed(other, other.admin.token).json()["enrolments"].empty());
}

TEST_CASE("an enrolment request is refused unless the bundle's own key signed it", "[server][handler]") {
  HandlerFixture f;
  TestDevice victim, squatter;
  // A request in the victim's name with a box key of the squatter's, signed by the squatter.
  auto bundle = victim.identity.public_bundle();
  bundle.box_key = squatter.identity.public_bundle().box_key;
  const Bytes bytes = bundle.encode();
  const auto signature = squatter.identity.signing().sign(crypto::labelled_hash("varn/enrol-request/v1", {bytes}));
  auto r = f.driver.call_json("POST", "/v1/enrol", {{"bundle", to_base64(bytes)}, {"signature", to_base64(signature)}});
  CHECK(r.status == 400);
  CHECK(r.error_code() == "bad_signature");
  CHECK(f.driver.call_json("POST", "/v1/enrol", {{"bundle", to_base64(bytes)}}).error_code() == "malformed");
  CHECK(f.driver.enrol(victim, std::nullopt).status == 202);  // the real one still files its own
}

TEST_CASE("sessions: replayed challenge, bad signature, unknown device, no token", "[server][handler]") {
  HandlerFixture f;
  auto u = f.driver.make_unit(f.unit_code);
  const auto id = to_hex(u.admin.id());
  auto c = f.driver.call_json("POST", "/v1/session/challenge", {{"device", id}});
  const auto challenge = from_base64(c.json()["challenge"].get<std::string>());
  const auto good = u.admin.identity.signing().sign(crypto::labelled_hash("varn/session/v1", {*challenge}));
  const json answer = {{"device", id}, {"challenge", to_base64(*challenge)}, {"signature", to_base64(good)}};
  CHECK(f.driver.call_json("POST", "/v1/session", answer).status == 200);
  auto replay = f.driver.call_json("POST", "/v1/session", answer);
  CHECK(replay.status == 401);
  CHECK(replay.error_code() == "unknown_challenge");

  auto c2 = f.driver.call_json("POST", "/v1/session/challenge", {{"device", id}});
  const auto wrong = TestDevice{}.identity.signing().sign(as_bytes("not the challenge"));
  auto bad = f.driver.call_json("POST", "/v1/session",
                                {{"device", id}, {"challenge", c2.json()["challenge"]}, {"signature", to_base64(wrong)}});
  CHECK(bad.status == 401);
  CHECK(bad.error_code() == "bad_signature");

  TestDevice stranger;
  auto s = f.driver.open_session(stranger);
  CHECK(s.status == 401);
  CHECK(s.error_code() == "bad_signature");
  CHECK(f.driver.call("GET", "/v1/me").error_code() == "unauthorized");
  CHECK(f.driver.call("GET", "/v1/me", {}, "not-a-token").error_code() == "unauthorized");
}

TEST_CASE("push assigns sequence numbers and pull returns them in order", "[server][handler]") {
  HandlerFixture f;
  auto u = f.driver.make_unit(f.unit_code);
  std::vector<Bytes> batch;
  for (int i = 0; i < 3; ++i) batch.push_back(u.admin.seal_next(u.unit, 1, u.epoch_key, "note"));
  auto p = f.driver.push(u.admin, u.unit, batch);
  REQUIRE(p.status == 200);
  const auto results = p.json()["results"];
  REQUIRE(results.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(results[i]["seq"] == i + 1);
    CHECK(results[i]["duplicate"] == false);
  }
  auto all = f.driver.pull(u.admin, u.unit, 0, 100);
  CHECK(all.headers["varn-head"] == "3");
  CHECK(pulled_seqs(all) == std::vector<std::uint64_t>{1, 2, 3});
  CHECK(pulled_seqs(f.driver.pull(u.admin, u.unit, 1, 1)) == std::vector<std::uint64_t>{2});
  CHECK(f.driver.call("GET", unit_path(u.unit) + "/changesets?after=x", {}, u.admin.token).status == 400);
}

TEST_CASE("a pull page ends once its envelopes reach the byte limit, with at least one", "[server][handler]") {
  HandlerFixture f;
  auto u = f.driver.make_unit(f.unit_code);
  std::vector<Bytes> batch;
  for (int i = 0; i < 3; ++i) batch.push_back(u.admin.seal_next(u.unit, 1, u.epoch_key, "note"));
  REQUIRE(f.driver.push(u.admin, u.unit, batch).status == 200);

  f.ctx->limits.max_pull_bytes = 1;  // smaller than any envelope
  auto one = f.driver.pull(u.admin, u.unit, 0, 100);
  CHECK(one.headers["varn-head"] == "3");
  CHECK(pulled_seqs(one) == std::vector<std::uint64_t>{1});
  f.ctx->limits.max_pull_bytes = batch[0].size() + 1;  // the second envelope crosses it
  CHECK(pulled_seqs(f.driver.pull(u.admin, u.unit, 0, 100)) == std::vector<std::uint64_t>{1, 2});
  CHECK(pulled_seqs(f.driver.pull(u.admin, u.unit, 2, 100)) == std::vector<std::uint64_t>{3});
}

TEST_CASE("a retry with the same bytes is a duplicate, other bytes are 409 and store nothing", "[server][handler]") {
  HandlerFixture f;
  auto u = f.driver.make_unit(f.unit_code);
  const Bytes first = u.admin.seal_next(u.unit, 1, u.epoch_key, "note");
  REQUIRE(f.driver.push(u.admin, u.unit, {first}).status == 200);
  auto again = f.driver.push(u.admin, u.unit, {first});
  REQUIRE(again.status == 200);
  CHECK(again.json()["results"][0]["seq"] == 1);
  CHECK(again.json()["results"][0]["duplicate"] == true);
  CHECK(stored_changesets(f) == 1);

  const Bytes next = u.admin.seal_next(u.unit, 1, u.epoch_key, "next");
  auto conflict = f.driver.push(u.admin, u.unit, {next, reseal(first, u.admin, u.epoch_key)});
  CHECK(conflict.status == 409);
  CHECK(conflict.error_code() == "conflict");
  CHECK(conflict.json()["index"] == 1);
  CHECK(conflict.json()["id"] == to_hex(wire::decode_envelope(first)->header.id));
  CHECK(stored_changesets(f) == 1);  // `next` was not stored either: batches are atomic
}

TEST_CASE("chain, epoch, unit, signature and author are checked", "[server][handler]") {
  HandlerFixture f;
  auto u = f.driver.make_unit(f.unit_code);
  SECTION("a gap in the author's chain") {
    (void)u.admin.seal_next(u.unit, 1, u.epoch_key, "lost");
    auto r = f.driver.push(u.admin, u.unit, {u.admin.seal_next(u.unit, 1, u.epoch_key, "gap")});
    CHECK(r.status == 400);
    CHECK(r.error_code() == "chain");
  }
  SECTION("a stale epoch") {
    auto r = f.driver.push(u.admin, u.unit, {u.admin.seal_next(u.unit, 2, u.epoch_key, "future")});
    CHECK(r.error_code() == "stale_epoch");
  }
  SECTION("another unit in the envelope") {
    auto r = f.driver.push(u.admin, u.unit, {u.admin.seal_next(wire::UnitId{}, 1, u.epoch_key, "elsewhere")});
    CHECK(r.error_code() == "wrong_unit");
  }
  SECTION("a broken signature") {
    Bytes env = u.admin.seal_next(u.unit, 1, u.epoch_key, "note");
    env[200] ^= 1;
    auto r = f.driver.push(u.admin, u.unit, {env});
    CHECK(r.error_code() == "bad_signature");
    CHECK(r.json()["index"] == 0);
  }
  SECTION("an author that is not enrolled") {
    TestDevice stranger;
    auto r = f.driver.push(u.admin, u.unit, {stranger.seal_next(u.unit, 1, u.epoch_key, "forged")});
    CHECK(r.status == 403);
    CHECK(r.error_code() == "forbidden");
  }
  SECTION("a truncated envelope and a truncated body") {
    Bytes env = u.admin.seal_next(u.unit, 1, u.epoch_key, "note");
    env.resize(env.size() - 10);
    auto r = f.driver.push(u.admin, u.unit, {env});
    CHECK(r.error_code() == "malformed");
    Bytes body = wire::encode_push_body({u.admin.seal_next(u.unit, 1, u.epoch_key, "x")});
    body.resize(body.size() / 2);
    CHECK(f.driver.call("POST", unit_path(u.unit) + "/changesets", body, u.admin.token).error_code() == "malformed");
  }
  SECTION("too many envelopes in one push") {
    std::vector<Bytes> batch;
    for (int i = 0; i < 9; ++i) batch.push_back(u.admin.seal_next(u.unit, 1, u.epoch_key, "n"));
    CHECK(f.driver.push(u.admin, u.unit, batch).status == 413);
  }
  CHECK(stored_changesets(f) == 0);
}

TEST_CASE("roles limit what a device writes and where", "[server][handler]") {
  HandlerFixture f;
  auto u = f.driver.make_unit(f.unit_code);
  auto reviewer = f.driver.add_member(u, "reviewer");
  auto r = f.driver.push(reviewer, u.unit, {reviewer.seal_next(u.unit, 1, u.epoch_key, "visit")});
  CHECK(r.status == 403);
  reviewer.seq = 0;
  reviewer.last_hash = {};
  auto ok = f.driver.push(reviewer, u.unit,
                          {reviewer.seal_next(u.unit, 1, u.epoch_key, "sign-off", wire::ChangeSetClass::review)});
  CHECK(ok.status == 200);
  auto keys = f.driver.call("GET", unit_path(u.unit) + "/keys", {}, reviewer.token);
  CHECK(keys.json()["current_epoch"] == 1);
  CHECK(keys.json()["keys"].size() == 1);
  // Only the registry moves the epoch: the calls that took keys without an entry are gone.
  CHECK(f.driver.call_json("PUT", unit_path(u.unit) + "/keys", {{"epoch", 2}, {"copies", json::array()}},
                           u.admin.token).status == 405);
  CHECK(f.driver.call_json("POST", unit_path(u.unit) + "/enrolments/ABCD-EFGH/approve", {{"role", "worker"}},
                           u.admin.token).status == 404);
  // A member of this unit is a stranger to any other unit.
  const wire::UnitId other{};
  CHECK(f.driver.pull(reviewer, other, 0, 10).status == 403);
}

TEST_CASE("long-poll wakes on a commit and times out empty", "[server][handler]") {
  HandlerFixture f;
  auto u = f.driver.make_unit(f.unit_code);
  auto empty = f.driver.pull(u.admin, u.unit, 0, 10, 1);
  CHECK(empty.status == 200);
  CHECK(pulled_seqs(empty).empty());
  auto waiting = std::async(std::launch::async, [&] { return f.driver.pull(u.admin, u.unit, 0, 10, 5); });
  // Pushes until the waiter has seen one (it may register before or after the first).
  const Bytes env = u.admin.seal_next(u.unit, 1, u.epoch_key, "wake up");
  REQUIRE(f.driver.push(u.admin, u.unit, {env}).status == 200);
  REQUIRE(waiting.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
  CHECK(pulled_seqs(waiting.get()) == std::vector<std::uint64_t>{1});
}

}  // namespace varn::test

namespace varn::test {

TEST_CASE("pending enrolments are capped per address and in all, and expired and enrolled ones make room", "[server][handler][dos]") {
  HandlerFixture f;
  f.ctx->limits.max_pending_per_peer = 3;
  f.ctx->limits.max_pending_enrolments = 5;
  std::vector<TestDevice> devices(7);
  for (int i = 0; i < 3; ++i) CHECK(f.driver.enrol(devices[static_cast<std::size_t>(i)], std::nullopt).status == 202);
  auto over = f.driver.enrol(devices[3], std::nullopt);
  CHECK(over.status == 429);
  CHECK(over.error_code() == "too_many");
  CHECK(f.driver.enrol(devices[0], std::nullopt).status == 202);  // a device asking again gets its live request
  f.peer = "198.51.100.7";
  CHECK(f.driver.enrol(devices[3], std::nullopt).status == 202);
  CHECK(f.driver.enrol(devices[4], std::nullopt).status == 202);
  f.peer = "203.0.113.9";
  auto full = f.driver.enrol(devices[5], std::nullopt);
  CHECK(full.status == 503);
  CHECK(full.error_code() == "busy");
  f.now += 25 * 3600;  // every request has expired
  CHECK(f.driver.enrol(devices[6], std::nullopt).status == 202);
  auto db = server::SqliteDb::open(f.dir / "varn.db", true);
  REQUIRE(db.ok());
  auto rows = (*db)->prepare("SELECT count(*) FROM pending_enrolments");
  REQUIRE(*rows->step());
  CHECK(rows->int64(0) == 1);  // the expired ones are gone
  // An office enrolling more tablets than the cap from its one address: a
  // request whose device is enrolled no longer counts as waiting.
  auto unit = f.driver.make_unit(f.unit_code);
  f.peer = "192.0.2.44";
  for (int i = 0; i < 6; ++i) f.driver.add_member(unit, "worker");
  CHECK(f.driver.enrol(devices[5], std::nullopt).status == 202);
}

}  // namespace varn::test
