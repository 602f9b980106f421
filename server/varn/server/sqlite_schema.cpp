#include "varn/server/sqlite_schema.hpp"

namespace varn::server {

Result<void> create_schema(SqliteDb& db) {
  return db.exec(R"sql(
CREATE TABLE IF NOT EXISTS units (
  id BLOB PRIMARY KEY,
  label TEXT NOT NULL,            -- the operator's own name for the team; never sent
  current_epoch INTEGER NOT NULL DEFAULT 0,
  head INTEGER NOT NULL DEFAULT 0 -- highest sequence number committed
);
CREATE TABLE IF NOT EXISTS unit_codes (
  code_hash BLOB PRIMARY KEY,     -- BLAKE2b of the one-time code, never the code
  unit BLOB NOT NULL REFERENCES units(id),
  used_by BLOB
);
CREATE TABLE IF NOT EXISTS devices (
  id BLOB PRIMARY KEY,
  unit BLOB NOT NULL REFERENCES units(id),
  bundle BLOB NOT NULL,
  role TEXT NOT NULL,
  status TEXT NOT NULL,
  last_seen INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS devices_by_unit ON devices(unit);
CREATE TABLE IF NOT EXISTS pending_enrolments (
  code TEXT PRIMARY KEY,
  device BLOB NOT NULL UNIQUE,
  bundle BLOB NOT NULL,
  requested_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS wrapped_keys (
  device BLOB NOT NULL,
  epoch INTEGER NOT NULL,
  wrapped BLOB NOT NULL,
  PRIMARY KEY (device, epoch)
);
CREATE TABLE IF NOT EXISTS changesets (
  unit BLOB NOT NULL,
  seq INTEGER NOT NULL,
  id BLOB NOT NULL UNIQUE,
  author BLOB NOT NULL,
  author_seq INTEGER NOT NULL,
  hash BLOB NOT NULL,
  bytes BLOB NOT NULL,
  UNIQUE (unit, seq)
);
CREATE TABLE IF NOT EXISTS author_heads (
  device BLOB PRIMARY KEY,
  seq INTEGER NOT NULL,
  hash BLOB NOT NULL
);
)sql");
}

}  // namespace varn::server
