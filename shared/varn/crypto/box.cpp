#include "varn/crypto/box.hpp"

#include <sodium.h>

#include <array>
#include <cstdint>

#include "varn/crypto/sodium_init.hpp"

namespace varn::crypto {

BoxKeyPair BoxKeyPair::generate() {
  ensure_sodium();
  SecretBuffer secret(kBoxSecretKeyBytes);
  BoxPublicKey pub{};
  crypto_box_keypair(pub.data(), secret.data());
  return BoxKeyPair(std::move(secret), pub);
}

Result<BoxKeyPair> BoxKeyPair::from_secret_key(ByteView secret_key) {
  ensure_sodium();
  if (secret_key.size() != kBoxSecretKeyBytes) {
    return make_error(Errc::invalid_argument, "X25519 secret key must be 32 bytes");
  }
  auto secret = SecretBuffer::copy_of(secret_key);
  BoxPublicKey pub{};
  if (crypto_scalarmult_base(pub.data(), secret.data()) != 0) {
    return make_error(Errc::crypto_failure, "X25519 public key derivation failed");
  }
  return BoxKeyPair(std::move(secret), pub);
}

Result<SecretBuffer> x25519(const SecretBuffer& secret_key, ByteView public_key) {
  ensure_sodium();
  if (secret_key.size() != crypto_scalarmult_SCALARBYTES) {
    return make_error(Errc::invalid_argument, "X25519 secret key must be 32 bytes");
  }
  if (public_key.size() != crypto_scalarmult_BYTES) {
    return make_error(Errc::malformed, "X25519 public key must be 32 bytes");
  }
  SecretBuffer shared(crypto_scalarmult_BYTES);
  // libsodium returns -1 when the result is all zeros, i.e. a low-order point.
  if (crypto_scalarmult(shared.data(), secret_key.data(), public_key.data()) != 0) {
    return make_error(Errc::low_order_key, "X25519 public key has low order");
  }
  return shared;
}

bool has_low_order(const BoxPublicKey& public_key) {
  ensure_sodium();
  // Any scalar will do, and it need not be secret: X25519 clamps it to a
  // multiple of the cofactor 8 below 8 times the group order, so the product
  // is the identity (all zeros, which libsodium refuses) exactly when the
  // point lies in the small subgroup.
  constexpr std::array<std::uint8_t, crypto_scalarmult_SCALARBYTES> kProbeScalar{
      0x09, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
      0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f};
  std::array<std::uint8_t, crypto_scalarmult_BYTES> product{};
  return crypto_scalarmult(product.data(), kProbeScalar.data(), public_key.data()) != 0;
}

Result<Bytes> seal_to(ByteView recipient_public_key, ByteView plaintext) {
  ensure_sodium();
  if (recipient_public_key.size() != crypto_box_PUBLICKEYBYTES) {
    return make_error(Errc::malformed, "recipient box key must be 32 bytes");
  }
  Bytes sealed(plaintext.size() + crypto_box_SEALBYTES);
  // crypto_box_seal fails (-1) when the shared secret is all zeros, which is
  // exactly the low-order-key case; any other failure is equally fatal here.
  if (crypto_box_seal(sealed.data(), plaintext.data(), plaintext.size(),
                      recipient_public_key.data()) != 0) {
    return make_error(Errc::low_order_key, "recipient box key is unusable (low order)");
  }
  return sealed;
}

Result<SecretBuffer> open_sealed(const BoxKeyPair& me, ByteView sealed) {
  ensure_sodium();
  if (sealed.size() < crypto_box_SEALBYTES) {
    return make_error(Errc::truncated, "sealed box is shorter than its overhead");
  }
  SecretBuffer plain(sealed.size() - crypto_box_SEALBYTES);
  if (crypto_box_seal_open(plain.data(), sealed.data(), sealed.size(), me.public_key().data(),
                           me.secret_key().data()) != 0) {
    return make_error(Errc::decrypt_failed, "sealed box does not open with this device key");
  }
  return plain;
}

}  // namespace varn::crypto
