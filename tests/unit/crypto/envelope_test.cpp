#include "varn/wire/envelope.hpp"

#include <catch2/catch.hpp>

#include "varn/crypto/random.hpp"
#include "varn/wire/padding.hpp"

using namespace varn;

namespace {

struct Fixture {
  crypto::SigningKeyPair author = crypto::SigningKeyPair::generate();
  crypto::SecretBuffer epoch_key = crypto::SecretBuffer::random(32);
  wire::SealParams params;
  Fixture() {
    params.unit = crypto::random_array<16>();
    params.epoch = 3;
    params.seq = 7;
    params.prev_hash = crypto::random_array<32>();
    params.id = crypto::random_array<16>();
  }
  Bytes seal(std::string_view text) const {
    auto sealed = wire::seal_envelope(params, epoch_key, author, as_bytes(text));
    REQUIRE(sealed.ok());
    return *sealed;
  }
};

// Decode + open: the full path a receiving device takes.
Result<Bytes> receive(ByteView bytes, const crypto::SignPublicKey& signer,
                      const crypto::SecretBuffer& key) {
  auto env = wire::decode_envelope(bytes);
  if (!env) return env.error();
  return wire::open_envelope(*env, signer, key);
}

}  // namespace

TEST_CASE("An envelope round-trips and its header says what was sealed", "[envelope]") {
  Fixture f;
  auto bytes = f.seal("Hembesök: allt lugnt.");
  auto env = wire::decode_envelope(bytes);
  REQUIRE(env.ok());
  CHECK(env->header.unit == f.params.unit);
  CHECK(env->header.epoch == 3);
  CHECK(env->header.seq == 7);
  CHECK(env->header.prev_hash == f.params.prev_hash);
  CHECK(env->header.id == f.params.id);
  CHECK(env->header.author == crypto::device_id_of(f.author.public_key()));
  CHECK(env->encode() == bytes);
  auto opened = wire::open_envelope(*env, f.author.public_key(), f.epoch_key);
  REQUIRE(opened.ok());
  CHECK(std::string(opened->begin(), opened->end()) == "Hembesök: allt lugnt.");
}

TEST_CASE("Short and long plaintexts in one bucket give envelopes of one size", "[envelope]") {
  Fixture f;
  auto one_line = f.seal("ok");
  auto paragraph = f.seal(std::string(2900, 'x'));
  CHECK(one_line.size() == paragraph.size());
  CHECK(f.seal(std::string(5000, 'x')).size() > one_line.size());
}

TEST_CASE("Every single-bit flip anywhere in a sealed envelope is rejected", "[envelope][tamper]") {
  Fixture f;
  const auto bytes = f.seal("Separat samtal, partnern ej närvarande.");
  REQUIRE(bytes.size() == wire::kEnvelopeMinBytes);  // header + 4 KiB bucket + tag + signature
  std::size_t rejected = 0;
  for (std::size_t byte = 0; byte < bytes.size(); ++byte) {
    for (int bit = 0; bit < 8; ++bit) {
      Bytes tampered = bytes;
      tampered[byte] = static_cast<std::uint8_t>(tampered[byte] ^ (1u << bit));
      auto result = receive(tampered, f.author.public_key(), f.epoch_key);
      if (!result.ok()) {
        CHECK_FALSE(result.error().message.empty());
        ++rejected;
      } else {
        FAIL("flip at byte " << byte << " bit " << bit << " was accepted");
      }
    }
  }
  CHECK(rejected == bytes.size() * 8);
}

TEST_CASE("Every truncation of an envelope is rejected with a clear error", "[envelope][tamper]") {
  Fixture f;
  const auto bytes = f.seal("kort");
  for (std::size_t len = 0; len < bytes.size(); ++len) {
    auto env = wire::decode_envelope(ByteView(bytes).first(len));
    REQUIRE_FALSE(env.ok());
    CHECK(env.error().code == Errc::truncated);
  }
  Bytes longer = bytes;
  longer.push_back(0);
  CHECK(wire::decode_envelope(longer).error().code == Errc::malformed);
}

TEST_CASE("A wrong epoch key or a wrong signer is rejected", "[envelope]") {
  Fixture f;
  const auto bytes = f.seal("text");
  auto other_key = crypto::SecretBuffer::random(32);
  CHECK(receive(bytes, f.author.public_key(), other_key).error().code == Errc::decrypt_failed);
  auto impostor = crypto::SigningKeyPair::generate();
  CHECK(receive(bytes, impostor.public_key(), f.epoch_key).error().code == Errc::bad_signature);

  // An impostor who re-signs with its own key still names the real author: refused.
  auto env = wire::decode_envelope(bytes);
  REQUIRE(env.ok());
  auto forged_params = f.params;
  auto forged = wire::seal_envelope(forged_params, f.epoch_key, impostor, as_bytes("forged"));
  REQUIRE(forged.ok());
  auto forged_env = wire::decode_envelope(*forged);
  REQUIRE(forged_env.ok());
  forged_env->header.author = env->header.author;
  CHECK_FALSE(wire::verify_envelope(*forged_env, impostor.public_key()).ok());
  CHECK_FALSE(wire::verify_envelope(*forged_env, f.author.public_key()).ok());
}

TEST_CASE("Sequence number zero is refused on both sides", "[envelope]") {
  Fixture f;
  f.params.seq = 0;
  CHECK(wire::seal_envelope(f.params, f.epoch_key, f.author, as_bytes("x")).error().code == Errc::invalid_argument);
}

TEST_CASE("The envelope hash chains distinct envelopes", "[envelope]") {
  Fixture f;
  auto a = f.seal("a");
  auto b = f.seal("a");  // same text, fresh nonce
  CHECK(wire::envelope_hash(a) != wire::envelope_hash(b));
  CHECK(wire::envelope_hash(a) == wire::envelope_hash(a));
}

TEST_CASE("The change-set class is carried, signed, and unknown classes are refused", "[envelope]") {
  Fixture f;
  f.params.change_class = wire::ChangeSetClass::review;
  auto bytes = f.seal("sign-off");
  auto env = wire::decode_envelope(bytes);
  REQUIRE(env.ok());
  CHECK(env->header.change_class == wire::ChangeSetClass::review);
  bytes[3] = 0;  // a worker-class claim on a review change set: the signature breaks
  auto relabelled = wire::decode_envelope(bytes);
  REQUIRE(relabelled.ok());
  CHECK(wire::verify_envelope(*relabelled, f.author.public_key()).error().code == Errc::bad_signature);
  bytes[3] = 2;
  CHECK(wire::decode_envelope(bytes).error().code == Errc::malformed);
}
