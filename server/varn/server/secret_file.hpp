#pragma once
//! A small secret kept in a file of the data directory (0600, no links
//! followed): made once, by the first of `init` or `serve` to need it, and
//! read by every later start. Processes that must agree on it (several
//! servers behind one load balancer) run on copies of one directory.

#include <cstddef>
#include <filesystem>

#include "varn/crypto/secret_buffer.hpp"
#include "varn/util/result.hpp"

namespace varn::server {

//! Reads the `bytes`-long secret at `path`, making it (random, mode 0600,
//! fsynced) if absent. Errc::corrupt when the file has another size;
//! Errc::forbidden when group or others may read it.
Result<crypto::SecretBuffer> load_or_create_secret_file(const std::filesystem::path& path, std::size_t bytes);

}  // namespace varn::server
