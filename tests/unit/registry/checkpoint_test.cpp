#include "varn/registry/checkpoint.hpp"

#include <catch2/catch.hpp>

#include "varn/crypto/random.hpp"

using namespace varn;

TEST_CASE("A signed checkpoint round-trips and any change breaks it", "[registry][checkpoint]") {
  auto server = crypto::SigningKeyPair::generate();
  registry::Checkpoint c;
  c.unit = crypto::random_array<16>();
  c.log_seq = 120;
  c.log_hash = crypto::random_array<32>();
  c.registry_length = 4;
  c.registry_head = crypto::random_array<32>();
  c.time = 1'800'000'000;
  c.sign_with(server);
  auto bytes = c.encode();
  REQUIRE(bytes.size() == registry::kCheckpointBytes);
  auto back = registry::Checkpoint::decode(bytes);
  REQUIRE(back.ok());
  CHECK(back->verify(server.public_key()).ok());
  CHECK(back->log_seq == 120);
  CHECK(back->log_hash == c.log_hash);
  CHECK(back->registry_head == c.registry_head);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    auto tampered = bytes;
    tampered[i] ^= 0x80;
    CHECK_FALSE(registry::Checkpoint::decode(tampered)->verify(server.public_key()).ok());
  }
  CHECK_FALSE(back->verify(crypto::SigningKeyPair::generate().public_key()).ok());
  CHECK(registry::Checkpoint::decode(ByteView(bytes).first(10)).error().code == Errc::malformed);
}

TEST_CASE("The log hash commits to every change set, its number and its order", "[registry][checkpoint]") {
  std::vector<crypto::Hash32> envelopes;
  for (int i = 0; i < 4; ++i) envelopes.push_back(crypto::random_array<32>());
  auto run = [](const std::vector<std::pair<std::uint64_t, crypto::Hash32>>& log) {
    crypto::Hash32 h{};
    for (const auto& [seq, e] : log) h = registry::next_log_hash(h, seq, e);
    return h;
  };
  const auto honest = run({{1, envelopes[0]}, {2, envelopes[1]}, {3, envelopes[2]}});
  CHECK(run({{1, envelopes[0]}, {2, envelopes[1]}, {3, envelopes[2]}}) == honest);
  CHECK(run({{1, envelopes[1]}, {2, envelopes[0]}, {3, envelopes[2]}}) != honest);  // reordered
  CHECK(run({{1, envelopes[0]}, {2, envelopes[2]}}) != honest);                      // one dropped, renumbered
  CHECK(run({{1, envelopes[0]}, {2, envelopes[1]}, {3, envelopes[3]}}) != honest);   // another at the same number
  CHECK(run({{1, envelopes[0]}, {2, envelopes[1]}, {4, envelopes[2]}}) != honest);   // same bytes, other number
}
