#pragma once
//! The server's own Ed25519 key (server_key.bin in the data directory, 0600):
//! it signs checkpoints, and devices pin its public half at enrolment.

#include <filesystem>

#include "varn/crypto/sign.hpp"
#include "varn/util/result.hpp"

namespace varn::server {

//! Loads `server_key.bin` from `data_dir`, making it (mode 0600) if absent.
Result<crypto::SigningKeyPair> load_or_create_server_key(const std::filesystem::path& data_dir);

}  // namespace varn::server
