// Every Wycheproof vector in ../shared/vectors/wycheproof (C2SP/wycheproof,
// testvectors_v1, commit dac1dd47) through Värn's own wrappers, counted so a
// run that read nothing fails.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "varn/crypto/aead.hpp"
#include "varn/crypto/box.hpp"
#include "varn/crypto/sign.hpp"
#include "varn/util/bytes.hpp"

using namespace varn;
using nlohmann::json;

namespace {

json load_vectors(const std::string& file) {
  std::ifstream in(std::string(VARN_VECTORS_DIR) + "/" + file);
  REQUIRE(in.good());
  return json::parse(in);
}

Bytes hex(const json& v) {
  auto b = from_hex(v.get<std::string>());
  REQUIRE(b.has_value());
  return *b;
}

struct Tally {
  int valid = 0, invalid = 0, acceptable = 0;
  [[nodiscard]] int total() const { return valid + invalid + acceptable; }
};

Tally run_aead(const std::string& file, crypto::AeadKind kind) {
  auto doc = load_vectors(file);
  Tally tally;
  for (const auto& group : doc.at("testGroups")) {
    for (const auto& t : group.at("tests")) {
      const std::string result = t.at("result");
      const auto key = hex(t["key"]), iv = hex(t["iv"]), aad = hex(t["aad"]), msg = hex(t["msg"]);
      Bytes sealed = hex(t["ct"]);
      const auto tag = hex(t["tag"]);
      sealed.insert(sealed.end(), tag.begin(), tag.end());
      INFO(file << " tcId " << t.at("tcId").get<int>());
      auto opened = crypto::aead_decrypt(kind, key, iv, sealed, aad);
      auto encrypted = crypto::aead_encrypt(kind, key, iv, msg, aad);
      if (result == "valid") {
        REQUIRE(opened.ok());
        CHECK(*opened == msg);
        REQUIRE(encrypted.ok());
        CHECK(*encrypted == sealed);
        ++tally.valid;
      } else {
        REQUIRE(result == "invalid");
        CHECK_FALSE(opened.ok());
        // Invalid parameters (nonce/key size) must fail on encryption too.
        if (encrypted.ok()) CHECK(*encrypted != sealed);
        ++tally.invalid;
      }
    }
  }
  CHECK(tally.total() == doc.at("numberOfTests").get<int>());
  return tally;
}

}  // namespace

TEST_CASE("Wycheproof XChaCha20-Poly1305 through aead_encrypt/aead_decrypt", "[crypto][wycheproof]") {
  auto tally = run_aead("xchacha20_poly1305_test.json", crypto::AeadKind::xchacha20poly1305);
  CHECK(tally.total() == 315);
  CHECK(tally.valid > 0);
  CHECK(tally.invalid > 0);
}

TEST_CASE("Wycheproof ChaCha20-Poly1305 IETF through aead_encrypt/aead_decrypt", "[crypto][wycheproof]") {
  auto tally = run_aead("chacha20_poly1305_test.json", crypto::AeadKind::chacha20poly1305_ietf);
  CHECK(tally.total() == 325);
  CHECK(tally.valid > 0);
  CHECK(tally.invalid > 0);
}

TEST_CASE("Wycheproof Ed25519 through verify_signature", "[crypto][wycheproof]") {
  auto doc = load_vectors("ed25519_test.json");
  Tally tally;
  for (const auto& group : doc.at("testGroups")) {
    const auto pk = hex(group.at("publicKey").at("pk"));
    for (const auto& t : group.at("tests")) {
      INFO("ed25519 tcId " << t.at("tcId").get<int>());
      auto verified = crypto::verify_signature(pk, hex(t["msg"]), hex(t["sig"]));
      if (t.at("result") == "valid") {
        CHECK(verified.ok());
        ++tally.valid;
      } else {
        CHECK_FALSE(verified.ok());
        ++tally.invalid;
      }
    }
  }
  CHECK(tally.total() == 151);
  CHECK(tally.total() == doc.at("numberOfTests").get<int>());
}

TEST_CASE("Wycheproof X25519 through x25519 and the low-order probe", "[crypto][wycheproof]") {
  auto doc = load_vectors("x25519_test.json");
  Tally tally;
  int refused_low_order = 0;
  for (const auto& group : doc.at("testGroups")) {
    for (const auto& t : group.at("tests")) {
      INFO("x25519 tcId " << t.at("tcId").get<int>());
      auto secret = crypto::SecretBuffer::copy_of(hex(t["private"]));
      const auto expected = hex(t["shared"]);
      const Bytes public_key = hex(t["public"]);
      auto shared = crypto::x25519(secret, public_key);
      const bool zero_secret = expected == Bytes(32, 0);
      // The fixed-scalar probe that device bundles use finds the same keys.
      REQUIRE(public_key.size() == crypto::kBoxPublicKeyBytes);
      crypto::BoxPublicKey box_key{};
      std::copy(public_key.begin(), public_key.end(), box_key.begin());
      CHECK(crypto::has_low_order(box_key) == zero_secret);
      const std::string result = t.at("result");
      if (zero_secret) {
        // Low-order public keys: Värn must refuse them (a shared secret of zeros).
        REQUIRE_FALSE(shared.ok());
        CHECK(shared.error().code == Errc::low_order_key);
        ++refused_low_order;
      } else {
        REQUIRE(shared.ok());
        CHECK(Bytes(shared->data(), shared->data() + shared->size()) == expected);
      }
      if (result == "valid") ++tally.valid;
      else if (result == "acceptable") ++tally.acceptable;
      else ++tally.invalid;
    }
  }
  CHECK(tally.total() == 518);
  CHECK(refused_low_order > 0);
}
