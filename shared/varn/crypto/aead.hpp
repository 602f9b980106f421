#pragma once
//! Authenticated encryption. XChaCha20-Poly1305 (24-byte random nonces) is
//! what Värn uses; ChaCha20-Poly1305 IETF is here so both are proven
//! against the same vectors through one code path.

#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

namespace varn::crypto {

enum class AeadKind { xchacha20poly1305, chacha20poly1305_ietf };

inline constexpr std::size_t kAeadKeyBytes = 32;
inline constexpr std::size_t kAeadTagBytes = 16;
inline constexpr std::size_t kXNonceBytes = 24;

[[nodiscard]] std::size_t aead_nonce_bytes(AeadKind kind);

//! Returns ciphertext || tag. Wrong key or nonce size is Errc::invalid_argument.
[[nodiscard]] Result<Bytes> aead_encrypt(AeadKind kind, ByteView key, ByteView nonce,
                                         ByteView plaintext, ByteView associated_data);

//! Opens ciphertext || tag; any tampering is Errc::decrypt_failed.
//! The output is plain Bytes: callers holding keys copy into a SecretBuffer.
[[nodiscard]] Result<Bytes> aead_decrypt(AeadKind kind, ByteView key, ByteView nonce,
                                         ByteView ciphertext, ByteView associated_data);

}  // namespace varn::crypto
