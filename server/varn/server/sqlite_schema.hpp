#pragma once
//! The server's tables. Nothing here holds content, names of people or
//! identity numbers: ids, public keys, wrapped keys and ciphertext only.

#include "varn/server/sqlite_db.hpp"

namespace varn::server {

//! Creates the tables if they are missing (idempotent at every start).
Result<void> create_schema(SqliteDb& db);

}  // namespace varn::server
