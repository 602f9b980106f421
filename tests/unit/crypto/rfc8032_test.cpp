// RFC 8032 section 7.1, Ed25519 TEST 1-3: seed -> public key -> signature.
#include <catch2/catch.hpp>

#include "varn/crypto/sign.hpp"
#include "varn/util/bytes.hpp"

using namespace varn;

namespace {
struct Rfc8032Vector {
  const char* secret;
  const char* public_key;
  const char* message;
  const char* signature;
};

constexpr Rfc8032Vector kVectors[] = {
    {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
    {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
    {"c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
     "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
     "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"},
};
}  // namespace

TEST_CASE("RFC 8032 Ed25519 test vectors 1-3", "[crypto][rfc8032]") {
  int checked = 0;
  for (const auto& v : kVectors) {
    auto pair = crypto::SigningKeyPair::from_seed(*from_hex(v.secret));
    REQUIRE(pair.ok());
    CHECK(to_hex(pair->public_key()) == v.public_key);
    const Bytes message = *from_hex(v.message);
    auto sig = pair->sign(message);
    CHECK(to_hex(sig) == v.signature);
    CHECK(crypto::verify_signature(pair->public_key(), message, sig).ok());
    ++checked;
  }
  CHECK(checked == 3);
}

TEST_CASE("Ed25519 rejects a changed message and malformed sizes", "[crypto]") {
  auto pair = crypto::SigningKeyPair::generate();
  const Bytes message{1, 2, 3};
  auto sig = pair.sign(message);
  CHECK(crypto::verify_signature(pair.public_key(), message, sig).ok());
  const Bytes other{1, 2, 4};
  CHECK(crypto::verify_signature(pair.public_key(), other, sig).error().code == Errc::bad_signature);
  CHECK(crypto::verify_signature(ByteView(pair.public_key()).first(31), message, sig).error().code == Errc::malformed);
  CHECK(crypto::verify_signature(pair.public_key(), message, ByteView(sig).first(63)).error().code == Errc::malformed);
}

TEST_CASE("A signing key restored from its 64-byte secret signs the same", "[crypto]") {
  auto pair = crypto::SigningKeyPair::generate();
  auto restored = crypto::SigningKeyPair::from_secret_key(pair.secret_key().view());
  REQUIRE(restored.ok());
  CHECK(restored->public_key() == pair.public_key());
  Bytes tampered(pair.secret_key().view().begin(), pair.secret_key().view().end());
  tampered[40] ^= 1;  // the public half no longer matches the seed
  CHECK(crypto::SigningKeyPair::from_secret_key(tampered).error().code == Errc::corrupt);
}
