#pragma once
//! The store's tables, created and upgraded by ordered migrations. Each
//! migration runs in its own transaction with the version bump, so a crash
//! leaves the schema at a whole version.

#include "varn/util/result.hpp"

namespace varn::store {

class Database;

//! The version this build writes.
[[nodiscard]] int latest_schema_version();
//! Applies every migration above the stored version; Errc::unsupported_version
//! when the file comes from a newer build.
[[nodiscard]] Result<void> migrate(Database& db);
//! Migrates only up to `version` (tests build old stores with it).
[[nodiscard]] Result<void> migrate_up_to(Database& db, int version);
[[nodiscard]] Result<int> stored_schema_version(Database& db);

}  // namespace varn::store
