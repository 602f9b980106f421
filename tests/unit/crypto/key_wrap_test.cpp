#include "varn/crypto/box.hpp"

#include <catch2/catch.hpp>

using namespace varn;

TEST_CASE("An epoch key sealed to a device opens only with that device's key", "[crypto][wrap]") {
  auto device = crypto::BoxKeyPair::generate();
  auto other = crypto::BoxKeyPair::generate();
  auto epoch_key = crypto::SecretBuffer::random(32);
  auto sealed = crypto::seal_to(device.public_key(), epoch_key.view());
  REQUIRE(sealed.ok());
  CHECK(sealed->size() == 32 + crypto::kSealOverheadBytes);

  auto opened = crypto::open_sealed(device, *sealed);
  REQUIRE(opened.ok());
  CHECK(opened->equals(epoch_key));
  CHECK(crypto::open_sealed(other, *sealed).error().code == Errc::decrypt_failed);

  for (std::size_t i = 0; i < sealed->size(); ++i) {
    Bytes tampered = *sealed;
    tampered[i] ^= 0x01;
    CHECK_FALSE(crypto::open_sealed(device, tampered).ok());
  }
  CHECK(crypto::open_sealed(device, ByteView(*sealed).first(47)).error().code == Errc::truncated);
}

TEST_CASE("Sealing to a low-order X25519 key is refused", "[crypto][wrap]") {
  auto epoch_key = crypto::SecretBuffer::random(32);
  // The identity point and a point of order 8 (from the Curve25519 small-order list).
  const Bytes zero(32, 0);
  const Bytes order8 = *from_hex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800");
  CHECK(crypto::seal_to(zero, epoch_key.view()).error().code == Errc::low_order_key);
  CHECK(crypto::seal_to(order8, epoch_key.view()).error().code == Errc::low_order_key);
  CHECK(crypto::seal_to(ByteView(zero).first(31), epoch_key.view()).error().code == Errc::malformed);
}

TEST_CASE("A box key pair restored from its secret has the same public key", "[crypto]") {
  auto pair = crypto::BoxKeyPair::generate();
  auto restored = crypto::BoxKeyPair::from_secret_key(pair.secret_key().view());
  REQUIRE(restored.ok());
  CHECK(restored->public_key() == pair.public_key());
  CHECK(crypto::BoxKeyPair::from_secret_key(Bytes(31, 1)).error().code == Errc::invalid_argument);
}
