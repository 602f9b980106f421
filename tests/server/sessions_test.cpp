// Challenges and tokens any process of one deployment can check: what makes
// a challenge valid, single use through the ledger, tokens that carry their
// device and expiry under a MAC, the clock seam, and a flood through the
// handler that leaves real devices their sessions.
#include "varn/server/sessions.hpp"

#include <catch2/catch.hpp>

#include "handler_fixture.hpp"
#include "varn/crypto/random.hpp"

namespace varn::test {
namespace {

using nlohmann::json;
using Time = std::chrono::system_clock::time_point;

struct ManualClock {
  Time now = Time(std::chrono::hours(480000));
  server::Sessions::Clock clock() {
    return [this] { return now; };
  }
};

crypto::SecretBuffer copy_of(const crypto::SecretBuffer& s) { return crypto::SecretBuffer::copy_of(s.view()); }

//! Checks and spends, as the session route does once the signature verified.
bool take(server::Sessions& sessions, ByteView challenge, const wire::DeviceId& device) {
  auto valid = sessions.check_challenge(challenge, device);
  if (!valid) return false;
  auto fresh = sessions.spend_challenge(*valid);
  REQUIRE(fresh.ok());
  return *fresh;
}

}  // namespace

TEST_CASE("a challenge is valid once, for its device, within its lifetime, and only as issued", "[server][sessions]") {
  ManualClock time;
  server::MemoryChallengeLedger ledger;
  server::Sessions sessions(crypto::SecretBuffer::random(32), std::chrono::seconds(60), std::chrono::seconds(900),
                            ledger, time.clock());
  const auto device = crypto::random_array<16>();
  const auto other = crypto::random_array<16>();

  auto c = sessions.issue_challenge(device);
  CHECK(c.size() == 32);
  CHECK_FALSE(take(sessions, c, other));  // bound to its device
  CHECK(ledger.held() == 0);              // a refused answer spends nothing
  CHECK(take(sessions, c, device));
  CHECK_FALSE(take(sessions, c, device));  // single use
  CHECK(ledger.held() == 1);

  auto late = sessions.issue_challenge(device);
  time.now += std::chrono::seconds(60);
  CHECK_FALSE(take(sessions, late, device));  // expired

  auto in_time = sessions.issue_challenge(device);
  time.now += std::chrono::seconds(59);
  CHECK(take(sessions, in_time, device));

  auto flipped = sessions.issue_challenge(device);
  for (std::size_t i = 0; i < flipped.size(); ++i) {
    Bytes forged = flipped;
    forged[i] ^= 0x01;
    INFO("byte " << i);
    CHECK_FALSE(take(sessions, forged, device));
  }
  CHECK_FALSE(take(sessions, Bytes(flipped.begin(), flipped.begin() + 31), device));
  CHECK(take(sessions, flipped, device));

  // Spent challenges are forgotten once they would have expired anyway.
  time.now += std::chrono::seconds(61);
  auto next = sessions.issue_challenge(device);
  CHECK(take(sessions, next, device));
  CHECK(ledger.held() == 1);
}

TEST_CASE("processes sharing the session secret and ledger take each other's challenges once, others none",
          "[server][sessions]") {
  ManualClock time;
  server::MemoryChallengeLedger shared, elsewhere;
  const auto secret = crypto::SecretBuffer::random(32);
  server::Sessions one(copy_of(secret), std::chrono::seconds(60), std::chrono::seconds(900), shared, time.clock());
  server::Sessions two(copy_of(secret), std::chrono::seconds(60), std::chrono::seconds(900), shared, time.clock());
  server::Sessions stranger(crypto::SecretBuffer::random(32), std::chrono::seconds(60), std::chrono::seconds(900),
                            elsewhere, time.clock());
  const auto device = crypto::random_array<16>();
  auto c = one.issue_challenge(device);
  CHECK_FALSE(stranger.check_challenge(c, device).has_value());  // another deployment's secret
  CHECK(take(two, c, device));
  CHECK_FALSE(take(one, c, device));  // answered at the other process already

  time.now += std::chrono::seconds(10);
  auto ahead = one.issue_challenge(device);
  time.now -= std::chrono::seconds(10);
  CHECK_FALSE(take(one, ahead, device));  // from its own future
}

TEST_CASE("a token names its device on every process with the secret until it expires, and one flipped bit voids it",
          "[server][sessions]") {
  ManualClock time;
  server::MemoryChallengeLedger ledger;
  const auto secret = crypto::SecretBuffer::random(32);
  server::Sessions one(copy_of(secret), std::chrono::seconds(60), std::chrono::seconds(900), ledger, time.clock());
  server::Sessions two(copy_of(secret), std::chrono::seconds(60), std::chrono::seconds(900), ledger, time.clock());
  server::Sessions stranger(crypto::SecretBuffer::random(32), std::chrono::seconds(60), std::chrono::seconds(900),
                            ledger, time.clock());
  const auto device = crypto::random_array<16>();
  const auto token = one.issue_token(device, true);
  const auto pending = one.issue_token(device, false);
  CHECK(token != one.issue_token(device, true));  // a random id in each

  auto owner = two.owner_of(token);
  REQUIRE(owner.has_value());
  CHECK(owner->device == device);
  CHECK(owner->member);
  CHECK_FALSE(owner->revoked);
  REQUIRE(two.owner_of(pending).has_value());
  CHECK_FALSE(two.owner_of(pending)->member);
  CHECK_FALSE(stranger.owner_of(token).has_value());

  // Every hex digit changed, one at a time (each flips bits of one byte).
  for (std::size_t i = 0; i < token.size(); ++i) {
    std::string forged = token;
    forged[i] = forged[i] == '0' ? '1' : '0';
    INFO("digit " << i);
    CHECK_FALSE(two.owner_of(forged).has_value());
  }
  CHECK_FALSE(two.owner_of(token.substr(0, token.size() - 2)).has_value());
  CHECK_FALSE(two.owner_of(token + "00").has_value());
  CHECK_FALSE(two.owner_of("").has_value());

  time.now += std::chrono::seconds(899);
  CHECK(two.owner_of(token).has_value());
  time.now += std::chrono::seconds(1);
  CHECK_FALSE(two.owner_of(token).has_value());  // expired
  CHECK_FALSE(one.owner_of(token).has_value());
}

TEST_CASE("a device seen revoked marks the tokens issued until then, not a later one", "[server][sessions]") {
  ManualClock time;
  server::MemoryChallengeLedger ledger;
  server::Sessions sessions(crypto::SecretBuffer::random(32), std::chrono::seconds(60), std::chrono::seconds(900),
                            ledger, time.clock());
  const auto device = crypto::random_array<16>();
  const auto other = crypto::random_array<16>();
  const auto before = sessions.issue_token(device);
  const auto theirs = sessions.issue_token(other);
  sessions.revoke_device(device);
  CHECK(sessions.revoked_hints() == 1);
  REQUIRE(sessions.owner_of(before).has_value());
  CHECK(sessions.owner_of(before)->revoked);
  CHECK_FALSE(sessions.owner_of(theirs)->revoked);
  time.now += std::chrono::seconds(1);
  const auto after = sessions.issue_token(device);  // active in another unit still
  CHECK_FALSE(sessions.owner_of(after)->revoked);
}

TEST_CASE("a flood of 150,000 challenge requests keeps no state and refuses no real device its session",
          "[server][sessions][handler]") {
  HandlerFixture f;
  auto u = f.driver.make_unit(f.unit_code);
  const std::size_t spent_before = f.challenges.held();
  std::size_t refused = 0;
  for (int i = 0; i < 150000; ++i) {
    const auto stranger = to_hex(crypto::random_array<16>());
    auto c = f.driver.call_json("POST", "/v1/session/challenge", {{"device", stranger}});
    if (c.status != 200) ++refused;
  }
  CHECK(refused == 0);
  CHECK(f.challenges.held() == spent_before);  // issued challenges cost nothing
  auto session = f.driver.open_session(u.admin);
  CHECK(session.status == 200);
  CHECK(f.driver.call("GET", "/v1/me", {}, u.admin.token).status == 200);
}

TEST_CASE("a challenge answer replayed through the handler opens no second session", "[server][sessions][handler]") {
  HandlerFixture f;
  auto u = f.driver.make_unit(f.unit_code);
  const json answer = f.driver.signed_challenge(u.admin);
  CHECK(f.driver.answer_challenge(u.admin, answer).status == 200);
  auto replay = f.driver.answer_challenge(u.admin, answer);
  CHECK(replay.status == 401);
  CHECK(replay.error_code() == "unknown_challenge");
}

TEST_CASE("a flood of spent challenges is bounded and still lets a device in", "[server][sessions]") {
  server::MemoryChallengeLedger ledger;
  server::Sessions sessions(crypto::SecretBuffer::random(32), std::chrono::seconds(60), std::chrono::seconds(900),
                            ledger);
  const auto device = crypto::random_array<16>();
  for (std::size_t i = 0; i < server::MemoryChallengeLedger::kMaxSpentChallenges + 1000; ++i) {
    const auto someone = crypto::random_array<16>();
    REQUIRE(take(sessions, sessions.issue_challenge(someone), someone));
  }
  CHECK(ledger.held() == server::MemoryChallengeLedger::kMaxSpentChallenges);
  auto mine = sessions.issue_challenge(device);
  CHECK(take(sessions, mine, device));
  CHECK_FALSE(take(sessions, mine, device));
}

}  // namespace varn::test
