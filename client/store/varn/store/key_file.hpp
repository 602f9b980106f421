#pragma once
//! The key file `<db path>.key`: the only way into the store.
//!
//! Layout (version 1, integers big-endian, 143 bytes):
//!   magic "VARNSKEY" (8) || version u8 = 1 || params length u16 || KdfParams::encode() (34)
//!   || wrapped length u16 || wrap_key(kek, store key, AD) (72)
//!   || failed unlocks u32 || wipe limit u32 (0 = never) || BLAKE2b-128 checksum (16)
//! AD = magic || version || params length || params, so the cost and salt
//! cannot be swapped under the wrapped key. The checksum only tells damage
//! apart from a wrong passphrase; the counter is a speed bump against
//! guessing on the device, not against someone who copies the files (they
//! still face Argon2id per guess). An attempt is counted, under the lock
//! file's flock and fsync'd, before its KDF runs (local_store.hpp), so
//! neither concurrent processes nor killing one mid-attempt loses a count.

#include <cstdint>
#include <string>

#include "varn/crypto/passphrase_kek.hpp"
#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

namespace varn::store {

struct KeyFile {
  crypto::KdfParams params;
  Bytes wrapped;                     //!< the store key under the passphrase KEK
  std::uint32_t failed_unlocks = 0;  //!< wrong passphrases in a row
  std::uint32_t wipe_after = 0;      //!< 0: never wipe

  [[nodiscard]] Bytes associated_data() const;
  [[nodiscard]] Bytes encode() const;
  //! Errc::corrupt for a damaged or foreign file, Errc::unsupported_version for a newer one.
  [[nodiscard]] static Result<KeyFile> decode(ByteView bytes);
};

[[nodiscard]] std::string key_file_path(const std::string& db_path);
//! The lock file every read-modify-write of the key file holds (file_ops.hpp, FileLock).
[[nodiscard]] std::string key_lock_path(const std::string& db_path);
[[nodiscard]] Result<KeyFile> read_key_file(const std::string& db_path);
[[nodiscard]] Result<void> write_key_file(const std::string& db_path, const KeyFile& key_file);

}  // namespace varn::store
