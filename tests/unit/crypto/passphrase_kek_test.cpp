#include "varn/crypto/passphrase_kek.hpp"

#include <catch2/catch.hpp>

using namespace varn;

TEST_CASE("A key wrapped under a passphrase KEK opens only with that passphrase", "[crypto][kek]") {
  auto params = crypto::KdfParams::with_new_salt(crypto::kKdfMinOpsLimit, crypto::kKdfMinMemLimit);
  auto kek = crypto::derive_kek("korrekt häst batteri", params);
  REQUIRE(kek.ok());
  auto store_key = crypto::SecretBuffer::random(32);
  const Bytes ad = params.encode();
  auto wrapped = crypto::wrap_key(*kek, store_key, ad);
  REQUIRE(wrapped.ok());

  auto again = crypto::derive_kek("korrekt häst batteri", params);
  REQUIRE(again.ok());
  auto unwrapped = crypto::unwrap_key(*again, *wrapped, ad);
  REQUIRE(unwrapped.ok());
  CHECK(unwrapped->equals(store_key));

  auto wrong = crypto::derive_kek("korrekt häst batteri!", params);
  REQUIRE(wrong.ok());
  CHECK(crypto::unwrap_key(*wrong, *wrapped, ad).error().code == Errc::wrong_passphrase);

  // The parameters are bound as associated data: lowering them in the header breaks the unwrap.
  auto weaker = params;
  weaker.ops_limit += 1;
  CHECK_FALSE(crypto::unwrap_key(*again, *wrapped, weaker.encode()).ok());
}

TEST_CASE("Argon2id parameters below the floor are refused", "[crypto][kek]") {
  auto weak_ops = crypto::KdfParams::with_new_salt(1, crypto::kKdfMinMemLimit);
  CHECK(crypto::derive_kek("x", weak_ops).error().code == Errc::weak_parameters);
  auto weak_mem = crypto::KdfParams::with_new_salt(crypto::kKdfMinOpsLimit, 8 * 1024 * 1024);
  CHECK(crypto::derive_kek("x", weak_mem).error().code == Errc::weak_parameters);
}

TEST_CASE("KDF parameters round-trip and bad encodings are refused", "[crypto][kek]") {
  auto params = crypto::KdfParams::with_new_salt(3, 128ull * 1024 * 1024);
  auto encoded = params.encode();
  auto decoded = crypto::KdfParams::decode(encoded);
  REQUIRE(decoded.ok());
  CHECK(decoded->ops_limit == 3);
  CHECK(decoded->mem_limit == 128ull * 1024 * 1024);
  CHECK(decoded->salt == params.salt);
  CHECK(crypto::KdfParams::decode(ByteView(encoded).first(33)).error().code == Errc::malformed);
  encoded[0] = 9;
  CHECK(crypto::KdfParams::decode(encoded).error().code == Errc::unsupported_version);
}

TEST_CASE("A derived KEK depends on the salt", "[crypto][kek]") {
  auto a = crypto::KdfParams::with_new_salt(crypto::kKdfMinOpsLimit, crypto::kKdfMinMemLimit);
  auto b = crypto::KdfParams::with_new_salt(crypto::kKdfMinOpsLimit, crypto::kKdfMinMemLimit);
  auto ka = crypto::derive_kek("same", a);
  auto kb = crypto::derive_kek("same", b);
  REQUIRE(ka.ok());
  REQUIRE(kb.ok());
  CHECK_FALSE(ka->equals(*kb));
}
