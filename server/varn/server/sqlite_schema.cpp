#include "varn/server/sqlite_schema.hpp"

namespace varn::server {

namespace {

Result<void> add_column_if_missing(SqliteDb& db, std::string_view table, std::string_view column,
                                   std::string_view type) {
  auto stmt = db.prepare("SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, table).bind(2, column);
  auto row = stmt->step();
  if (!row) return row.error();
  if (*row && stmt->int64(0) > 0) return {};
  const std::string alter = "ALTER TABLE " + std::string(table) + " ADD COLUMN " + std::string(column) + " " +
                            std::string(type);
  return db.exec(alter.c_str());
}

}  // namespace

Result<void> create_schema(SqliteDb& db) {
  auto made = db.exec(R"sql(
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
CREATE TABLE IF NOT EXISTS registry_entries (
  unit BLOB NOT NULL,
  idx INTEGER NOT NULL,
  hash BLOB NOT NULL,             -- entry_hash, the next entry's prev
  bytes BLOB NOT NULL,            -- the signed 263-byte entry
  PRIMARY KEY (unit, idx)
);
CREATE TABLE IF NOT EXISTS rotation_copies (
  unit BLOB NOT NULL,
  epoch INTEGER NOT NULL,
  device BLOB NOT NULL,
  wrapped BLOB NOT NULL,          -- the set the rotate entry's key_set hash covers
  PRIMARY KEY (unit, epoch, device)
);
)sql");
  if (!made) return made;
  // Data directories made before issue 5 lack the revocation columns.
  if (auto r = add_column_if_missing(db, "devices", "revoked_seq", "INTEGER NOT NULL DEFAULT 0"); !r) return r;
  return add_column_if_missing(db, "devices", "wiped_at", "INTEGER");
}

}  // namespace varn::server
