#pragma once
//! The key-encryption key derived from a worker's passphrase (Argon2id), and
//! the wrapping of a random key under it. The parameters travel with the
//! salt so they can be raised later without breaking old stores.

#include <cstdint>
#include <string_view>

#include "varn/crypto/secret_buffer.hpp"
#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

namespace varn::crypto {

inline constexpr std::size_t kKdfSaltBytes = 16;
//! Floor: libsodium's INTERACTIVE level (2 passes, 64 MiB). Anything weaker is
//! refused, whatever a stored header claims.
inline constexpr std::uint64_t kKdfMinOpsLimit = 2;
inline constexpr std::uint64_t kKdfMinMemLimit = 64ull * 1024 * 1024;

struct KdfParams {
  std::uint64_t ops_limit = kKdfMinOpsLimit;
  std::uint64_t mem_limit = kKdfMinMemLimit;
  ByteArray<kKdfSaltBytes> salt{};

  //! Fresh random salt with the given cost.
  [[nodiscard]] static KdfParams with_new_salt(std::uint64_t ops_limit, std::uint64_t mem_limit);
  //! version(1)=1 || alg(1)=argon2id13 || ops(u64) || mem(u64) || salt(16): 34 bytes.
  [[nodiscard]] Bytes encode() const;
  [[nodiscard]] static Result<KdfParams> decode(ByteView bytes);
};

//! Picks the strongest cost this device can afford: MODERATE, else halves the
//! memory until Argon2id runs, never below the floor.
[[nodiscard]] Result<KdfParams> calibrate_kdf();

//! Argon2id(passphrase, salt). Errc::weak_parameters below the floor,
//! Errc::out_of_memory when the device cannot give Argon2 its memory.
[[nodiscard]] Result<SecretBuffer> derive_kek(std::string_view passphrase, const KdfParams& params);

//! XChaCha20-Poly1305(kek, random nonce, key, ad): nonce(24) || ct || tag.
[[nodiscard]] Result<Bytes> wrap_key(const SecretBuffer& kek, const SecretBuffer& key, ByteView ad);
//! Reverses wrap_key; a wrong KEK (wrong passphrase) is Errc::wrong_passphrase.
[[nodiscard]] Result<SecretBuffer> unwrap_key(const SecretBuffer& kek, ByteView wrapped, ByteView ad);

}  // namespace varn::crypto
