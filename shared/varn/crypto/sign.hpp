#pragma once
//! Ed25519 signing keys (a device's or the admin's identity) and verification.

#include "varn/crypto/secret_buffer.hpp"
#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

namespace varn::crypto {

inline constexpr std::size_t kSignPublicKeyBytes = 32;
inline constexpr std::size_t kSignSecretKeyBytes = 64;
inline constexpr std::size_t kSignSeedBytes = 32;
inline constexpr std::size_t kSignatureBytes = 64;

using SignPublicKey = ByteArray<kSignPublicKeyBytes>;
using Signature = ByteArray<kSignatureBytes>;

class SigningKeyPair {
 public:
  [[nodiscard]] static SigningKeyPair generate();
  //! Deterministic key pair from a 32-byte seed (RFC 8032 test vectors, restore).
  [[nodiscard]] static Result<SigningKeyPair> from_seed(ByteView seed);
  //! Restores from libsodium's 64-byte secret key (seed || public key).
  [[nodiscard]] static Result<SigningKeyPair> from_secret_key(ByteView secret_key);

  [[nodiscard]] const SignPublicKey& public_key() const { return public_key_; }
  [[nodiscard]] const SecretBuffer& secret_key() const { return secret_key_; }
  [[nodiscard]] Signature sign(ByteView message) const;

 private:
  SigningKeyPair(SecretBuffer secret, SignPublicKey pub)
      : secret_key_(std::move(secret)), public_key_(pub) {}
  SecretBuffer secret_key_;
  SignPublicKey public_key_;
};

//! Checks a detached signature. Takes views so malformed sizes are a clean
//! rejection (malformed) instead of undefined behaviour.
[[nodiscard]] Result<void> verify_signature(ByteView public_key, ByteView message, ByteView signature);

}  // namespace varn::crypto
