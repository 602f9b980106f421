#pragma once
//! The server's own secrets in the data directory, each 0600 and made at
//! `init` (or the first start): every process of one deployment runs on a
//! copy of the same directory, so all sign and check alike.
//! - server_key.bin: the Ed25519 seed that signs checkpoints; devices pin
//!   its public half at enrolment.
//! - session_key.bin: the 32-byte MAC key of session challenges and tokens
//!   (sessions.hpp), so a token made by one process is good at every other.

#include <filesystem>

#include "varn/crypto/secret_buffer.hpp"
#include "varn/crypto/sign.hpp"
#include "varn/util/result.hpp"

namespace varn::server {

//! Loads `server_key.bin` from `data_dir`, making it if absent.
Result<crypto::SigningKeyPair> load_or_create_server_key(const std::filesystem::path& data_dir);
//! Loads `session_key.bin` from `data_dir`, making it if absent.
Result<crypto::SecretBuffer> load_or_create_session_secret(const std::filesystem::path& data_dir);

}  // namespace varn::server
