#pragma once
//! X25519 box keys (separate from the Ed25519 keys, never converted) and
//! anonymous sealed boxes, used to wrap unit epoch keys to devices.

#include "varn/crypto/secret_buffer.hpp"
#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

namespace varn::crypto {

inline constexpr std::size_t kBoxPublicKeyBytes = 32;
inline constexpr std::size_t kBoxSecretKeyBytes = 32;
inline constexpr std::size_t kSealOverheadBytes = 48;  // ephemeral pk + MAC

using BoxPublicKey = ByteArray<kBoxPublicKeyBytes>;

class BoxKeyPair {
 public:
  [[nodiscard]] static BoxKeyPair generate();
  //! Restores from a stored 32-byte secret; the public key is recomputed.
  [[nodiscard]] static Result<BoxKeyPair> from_secret_key(ByteView secret_key);

  [[nodiscard]] const BoxPublicKey& public_key() const { return public_key_; }
  [[nodiscard]] const SecretBuffer& secret_key() const { return secret_key_; }

 private:
  BoxKeyPair(SecretBuffer secret, BoxPublicKey pub)
      : secret_key_(std::move(secret)), public_key_(pub) {}
  SecretBuffer secret_key_;
  BoxPublicKey public_key_;
};

//! Raw X25519. Refuses a public key of low order (an all-zero shared secret)
//! with Errc::low_order_key.
[[nodiscard]] Result<SecretBuffer> x25519(const SecretBuffer& secret_key, ByteView public_key);

//! True when `public_key` is of low order: every shared secret with it would
//! be all zeros, so whatever is sealed to it is public. Costs one X25519.
[[nodiscard]] bool has_low_order(const BoxPublicKey& public_key);

//! crypto_box_seal to `recipient`. Refuses low-order recipient keys.
[[nodiscard]] Result<Bytes> seal_to(ByteView recipient_public_key, ByteView plaintext);
//! Opens a sealed box addressed to `me`; any tampering is Errc::decrypt_failed.
[[nodiscard]] Result<SecretBuffer> open_sealed(const BoxKeyPair& me, ByteView sealed);

}  // namespace varn::crypto
