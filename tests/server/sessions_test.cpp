// Challenges without server state: what makes one valid, single use, the
// clock seam, and a flood through the handler that leaves real devices
// their sessions.
#include "varn/server/sessions.hpp"

#include <catch2/catch.hpp>

#include "handler_fixture.hpp"
#include "varn/crypto/random.hpp"

namespace varn::test {
namespace {

using nlohmann::json;
using Time = std::chrono::steady_clock::time_point;

struct ManualClock {
  Time now = Time(std::chrono::hours(1000));
  server::Sessions::Clock clock() {
    return [this] { return now; };
  }
};

}  // namespace

TEST_CASE("a challenge is valid once, for its device, within its lifetime, and only as issued", "[server][sessions]") {
  ManualClock time;
  server::Sessions sessions(std::chrono::seconds(60), std::chrono::seconds(900), 8, time.clock());
  const auto device = crypto::random_array<16>();
  const auto other = crypto::random_array<16>();

  auto c = sessions.issue_challenge(device);
  REQUIRE(c);
  CHECK(c->size() == 32);
  CHECK_FALSE(sessions.take_challenge(*c, other));  // bound to its device
  CHECK(sessions.take_challenge(*c, device));
  CHECK_FALSE(sessions.take_challenge(*c, device));  // single use
  CHECK(sessions.spent_challenges() == 1);

  auto late = sessions.issue_challenge(device);
  time.now += std::chrono::seconds(60);
  CHECK_FALSE(sessions.take_challenge(*late, device));  // expired

  auto in_time = sessions.issue_challenge(device);
  time.now += std::chrono::seconds(59);
  CHECK(sessions.take_challenge(*in_time, device));

  auto flipped = sessions.issue_challenge(device);
  for (std::size_t i = 0; i < flipped->size(); ++i) {
    Bytes forged = *flipped;
    forged[i] ^= 0x01;
    INFO("byte " << i);
    CHECK_FALSE(sessions.take_challenge(forged, device));
  }
  CHECK_FALSE(sessions.take_challenge(Bytes(flipped->begin(), flipped->begin() + 31), device));
  CHECK(sessions.take_challenge(*flipped, device));

  // Spent challenges are forgotten once they would have expired anyway.
  time.now += std::chrono::seconds(61);
  auto next = sessions.issue_challenge(device);
  CHECK(sessions.take_challenge(*next, device));
  CHECK(sessions.spent_challenges() == 1);
}

TEST_CASE("another server process's challenge, or one from its own future, is refused", "[server][sessions]") {
  ManualClock time;
  server::Sessions one(std::chrono::seconds(60), std::chrono::seconds(900), 8, time.clock());
  server::Sessions two(std::chrono::seconds(60), std::chrono::seconds(900), 8, time.clock());
  const auto device = crypto::random_array<16>();
  auto c = one.issue_challenge(device);
  CHECK_FALSE(two.take_challenge(*c, device));  // a secret of its own per process

  time.now += std::chrono::seconds(10);
  auto ahead = one.issue_challenge(device);
  time.now -= std::chrono::seconds(10);
  CHECK_FALSE(one.take_challenge(*ahead, device));
}

TEST_CASE("a flood of 150,000 challenge requests keeps no state and refuses no real device its session",
          "[server][sessions][handler]") {
  HandlerFixture f;
  auto u = f.driver.make_unit(f.unit_code);
  const std::size_t spent_before = f.sessions.spent_challenges();
  std::size_t refused = 0;
  for (int i = 0; i < 150000; ++i) {
    const auto stranger = to_hex(crypto::random_array<16>());
    auto c = f.driver.call_json("POST", "/v1/session/challenge", {{"device", stranger}});
    if (c.status != 200) ++refused;
  }
  CHECK(refused == 0);
  CHECK(f.sessions.spent_challenges() == spent_before);  // issued challenges cost nothing
  auto session = f.driver.open_session(u.admin);
  CHECK(session.status == 200);
  CHECK(f.driver.call("GET", "/v1/me", {}, u.admin.token).status == 200);
}

TEST_CASE("a flood of spent challenges is bounded and still lets a device in", "[server][sessions]") {
  server::Sessions sessions(std::chrono::seconds(60), std::chrono::seconds(900));
  const auto device = crypto::random_array<16>();
  for (std::size_t i = 0; i < server::Sessions::kMaxSpentChallenges + 1000; ++i) {
    auto c = sessions.issue_challenge(crypto::random_array<16>());
    (void)sessions.take_challenge(*c, device);  // wrong device: refused
  }
  CHECK(sessions.spent_challenges() == 0);
  for (std::size_t i = 0; i < server::Sessions::kMaxSpentChallenges + 1000; ++i) {
    const auto someone = crypto::random_array<16>();
    REQUIRE(sessions.take_challenge(*sessions.issue_challenge(someone), someone));
  }
  CHECK(sessions.spent_challenges() == server::Sessions::kMaxSpentChallenges);
  auto mine = sessions.issue_challenge(device);
  CHECK(sessions.take_challenge(*mine, device));
  CHECK_FALSE(sessions.take_challenge(*mine, device));
}

}  // namespace varn::test
