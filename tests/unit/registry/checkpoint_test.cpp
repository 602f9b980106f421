#include "varn/registry/checkpoint.hpp"

#include <catch2/catch.hpp>

#include "varn/crypto/random.hpp"

using namespace varn;

TEST_CASE("A signed checkpoint round-trips and any change breaks it", "[registry][checkpoint]") {
  auto server = crypto::SigningKeyPair::generate();
  registry::Checkpoint c;
  c.unit = crypto::random_array<16>();
  c.log_seq = 120;
  c.registry_length = 4;
  c.time = 1'800'000'000;
  c.sign_with(server);
  auto bytes = c.encode();
  REQUIRE(bytes.size() == registry::kCheckpointBytes);
  auto back = registry::Checkpoint::decode(bytes);
  REQUIRE(back.ok());
  CHECK(back->verify(server.public_key()).ok());
  CHECK(back->log_seq == 120);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    auto tampered = bytes;
    tampered[i] ^= 0x80;
    CHECK_FALSE(registry::Checkpoint::decode(tampered)->verify(server.public_key()).ok());
  }
  CHECK_FALSE(back->verify(crypto::SigningKeyPair::generate().public_key()).ok());
  CHECK(registry::Checkpoint::decode(ByteView(bytes).first(10)).error().code == Errc::malformed);
}

TEST_CASE("A checkpoint below the highest seen is a rollback", "[registry][checkpoint]") {
  registry::Checkpoint c;
  c.log_seq = 10;
  c.registry_length = 3;
  CHECK(registry::compare_checkpoint(c, 10, 3) == registry::CheckpointVerdict::same);
  CHECK(registry::compare_checkpoint(c, 9, 3) == registry::CheckpointVerdict::advanced);
  CHECK(registry::compare_checkpoint(c, 11, 3) == registry::CheckpointVerdict::rolled_back);
  CHECK(registry::compare_checkpoint(c, 10, 4) == registry::CheckpointVerdict::rolled_back);
}
