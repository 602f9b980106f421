#pragma once
//! The PostgreSQL schema and its versioned migrations.

#include "varn/server/pg_db.hpp"

namespace varn::server {

//! Brings the database to the newest schema version, each migration in its
//! own transaction under an advisory lock, so that processes starting at
//! once apply each one exactly once. Refuses a database made by a newer
//! varn-server (Errc::unsupported_version).
Result<void> migrate_pg_schema(PgConn& db);

//! The schema version this build writes.
[[nodiscard]] std::int64_t pg_schema_version();

}  // namespace varn::server
