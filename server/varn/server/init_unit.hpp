#pragma once
//! `varn-server init`: the data directory, the certificate and one unit
//! with its one-time code for the first (admin) device.

#include <filesystem>
#include <string>

#include "varn/util/result.hpp"

namespace varn::server {

//! Makes the data directory with mode 0700, or checks that an existing one
//! is this user's and others may not write it (Errc::forbidden).
Result<void> prepare_data_dir(const std::filesystem::path& dir);

//! Creates the unit (and the server key, if the directory has none) and
//! prints `unit: <hex>`, `code: <code>`, `cert-sha256: <hex>` and
//! `server-key: <hex>` on stdout. The unit goes to `storage` (see
//! open_storage); the key and certificate stay in the data directory.
//! Returns the process exit code.
int init_unit(const std::filesystem::path& data_dir, const std::string& unit_name, const std::string& storage = {});

}  // namespace varn::server
