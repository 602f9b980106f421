#include "varn/crypto/sign.hpp"

#include <sodium.h>

#include "varn/crypto/sodium_init.hpp"

namespace varn::crypto {

SigningKeyPair SigningKeyPair::generate() {
  ensure_sodium();
  SecretBuffer secret(kSignSecretKeyBytes);
  SignPublicKey pub{};
  crypto_sign_keypair(pub.data(), secret.data());  // cannot fail
  return SigningKeyPair(std::move(secret), pub);
}

Result<SigningKeyPair> SigningKeyPair::from_seed(ByteView seed) {
  ensure_sodium();
  if (seed.size() != kSignSeedBytes) {
    return make_error(Errc::invalid_argument, "Ed25519 seed must be 32 bytes");
  }
  SecretBuffer secret(kSignSecretKeyBytes);
  SignPublicKey pub{};
  if (crypto_sign_seed_keypair(pub.data(), secret.data(), seed.data()) != 0) {
    return make_error(Errc::crypto_failure, "Ed25519 key derivation failed");
  }
  return SigningKeyPair(std::move(secret), pub);
}

Result<SigningKeyPair> SigningKeyPair::from_secret_key(ByteView secret_key) {
  if (secret_key.size() != kSignSecretKeyBytes) {
    return make_error(Errc::invalid_argument, "Ed25519 secret key must be 64 bytes");
  }
  // Re-derive from the seed half so a corrupted public half cannot sneak in.
  auto pair = from_seed(secret_key.first(kSignSeedBytes));
  if (!pair) return pair.error();
  if (sodium_memcmp(pair->public_key().data(), secret_key.data() + kSignSeedBytes,
                    kSignPublicKeyBytes) != 0) {
    return make_error(Errc::corrupt, "Ed25519 secret key does not match its public half");
  }
  return pair;
}

Signature SigningKeyPair::sign(ByteView message) const {
  Signature sig{};
  crypto_sign_detached(sig.data(), nullptr, message.data(), message.size(), secret_key_.data());
  return sig;
}

Result<void> verify_signature(ByteView public_key, ByteView message, ByteView signature) {
  ensure_sodium();
  if (public_key.size() != kSignPublicKeyBytes) {
    return make_error(Errc::malformed, "Ed25519 public key must be 32 bytes");
  }
  if (signature.size() != kSignatureBytes) {
    return make_error(Errc::malformed, "Ed25519 signature must be 64 bytes");
  }
  if (crypto_sign_verify_detached(signature.data(), message.data(), message.size(),
                                  public_key.data()) != 0) {
    return make_error(Errc::bad_signature, "signature does not verify");
  }
  return {};
}

}  // namespace varn::crypto
