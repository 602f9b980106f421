#pragma once
//! Counted unlock attempts: the only way the store key leaves the key file.
//!
//! An attempt is counted before its KDF runs: under the key lock (a flock,
//! so concurrent processes queue), the counter is read, incremented and
//! fsync'd, the attempt waits unlock_delay(count before it) still holding
//! the lock, and only then runs Argon2id. Killing the process after that
//! leaves the attempt counted. A wrong passphrase whose count reached the
//! limit wipes the store; a right one sets the count back to 0.

#include <string>
#include <string_view>

#include "varn/crypto/secret_buffer.hpp"
#include "varn/store/key_file.hpp"
#include "varn/store/local_store.hpp"

namespace varn::store {

//! The store key, or Errc::wrong_passphrase (counted; "wiped" in the message
//! when the limit was reached), Errc::not_found, Errc::corrupt, or the
//! error that kept the attempt from being counted (then no KDF ran).
[[nodiscard]] Result<crypto::SecretBuffer> unlock_store_key(const std::string& path, std::string_view passphrase,
                                                           const UnlockOptions& options);

//! Removes every file of the store, the key file first. Takes no lock (the
//! caller may hold it).
[[nodiscard]] Result<void> wipe_store_files(const std::string& path);

}  // namespace varn::store
