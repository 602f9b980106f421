#include "varn/server/sqlite_schema.hpp"

namespace varn::server {
namespace {

// Format 2: envelopes v2, registry entries v2, checkpoints with the log
// hash. Directories of format 1 cannot be read: their envelopes and entries
// are refused by every client of this version.
constexpr std::int64_t kFormat = 2;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS units (
  id BLOB PRIMARY KEY,
  label TEXT NOT NULL,            -- the operator's own name for the team; never sent
  current_epoch INTEGER NOT NULL DEFAULT 0,
  head INTEGER NOT NULL DEFAULT 0, -- highest sequence number committed
  log_hash BLOB NOT NULL DEFAULT (zeroblob(32)),  -- running log hash at head
  registry_length INTEGER NOT NULL DEFAULT 0,
  registry_head BLOB NOT NULL DEFAULT (zeroblob(32)),
  bytes INTEGER NOT NULL DEFAULT 0  -- change-set bytes stored, for the unit's quota
);
CREATE TABLE IF NOT EXISTS unit_codes (
  code_hash BLOB PRIMARY KEY,     -- BLAKE2b of the one-time code, never the code
  unit BLOB NOT NULL REFERENCES units(id),
  used_by BLOB,
  used_by_bundle BLOB
);
-- A lookup index of which units name a device; membership itself comes
-- from each unit's verified registry.
CREATE TABLE IF NOT EXISTS unit_members (
  device BLOB NOT NULL,
  unit BLOB NOT NULL,
  PRIMARY KEY (device, unit)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS device_activity (
  device BLOB PRIMARY KEY,
  last_seen INTEGER NOT NULL DEFAULT 0,
  wiped_at INTEGER
);
CREATE TABLE IF NOT EXISTS pending_enrolments (
  code TEXT PRIMARY KEY,
  device BLOB NOT NULL UNIQUE,
  bundle BLOB NOT NULL,
  requested_at INTEGER NOT NULL,
  peer TEXT NOT NULL DEFAULT '',  -- the address it came from, for the per-peer cap
  unit_hint TEXT NOT NULL DEFAULT ''  -- start of the unit id the device was told, or ''
);
CREATE TABLE IF NOT EXISTS wrapped_keys (
  unit BLOB NOT NULL,
  device BLOB NOT NULL,
  epoch INTEGER NOT NULL,
  wrapped BLOB NOT NULL,
  PRIMARY KEY (unit, device, epoch)
);
CREATE TABLE IF NOT EXISTS changesets (
  unit BLOB NOT NULL,
  seq INTEGER NOT NULL,
  id BLOB NOT NULL UNIQUE,
  author BLOB NOT NULL,
  author_seq INTEGER NOT NULL,
  hash BLOB NOT NULL,
  log_hash BLOB NOT NULL,         -- running log hash after this change set
  bytes BLOB NOT NULL,
  UNIQUE (unit, seq)
);
CREATE TABLE IF NOT EXISTS author_heads (
  unit BLOB NOT NULL,
  device BLOB NOT NULL,
  seq INTEGER NOT NULL,
  hash BLOB NOT NULL,
  registry_seen INTEGER NOT NULL,
  bytes INTEGER NOT NULL DEFAULT 0, -- change-set bytes stored from this author, for its quota
  PRIMARY KEY (unit, device)
);
-- For each entry that narrowed a device's rights, how far its chain had
-- reached on this server when the entry was stored.
CREATE TABLE IF NOT EXISTS authority_floors (
  unit BLOB NOT NULL,
  device BLOB NOT NULL,
  idx INTEGER NOT NULL,
  head_seq INTEGER NOT NULL,
  PRIMARY KEY (unit, device, idx)
);
CREATE TABLE IF NOT EXISTS registry_entries (
  unit BLOB NOT NULL,
  idx INTEGER NOT NULL,
  hash BLOB NOT NULL,             -- entry_hash, the next entry's prev
  bytes BLOB NOT NULL,            -- the signed entry (docs/REGISTRY.md)
  PRIMARY KEY (unit, idx)
);
CREATE TABLE IF NOT EXISTS rotation_copies (
  unit BLOB NOT NULL,
  epoch INTEGER NOT NULL,
  device BLOB NOT NULL,
  wrapped BLOB NOT NULL,          -- the set the rotate entry's key_set hash covers
  PRIMARY KEY (unit, epoch, device)
);
CREATE TABLE IF NOT EXISTS format (only INTEGER PRIMARY KEY CHECK (only = 1), version INTEGER NOT NULL);
)sql";

Result<bool> table_exists(SqliteDb& db, std::string_view name) {
  auto stmt = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, name);
  return stmt->step();
}

Result<bool> column_exists(SqliteDb& db, std::string_view table, std::string_view column) {
  auto stmt = db.prepare("SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, table).bind(2, column);
  return stmt->step();
}

// Directories made before stored bytes were counted get the counters,
// summed once from what they hold.
constexpr const char* kAddByteCounts = R"sql(
ALTER TABLE units ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE author_heads ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0;
CREATE TEMP TABLE usage AS SELECT unit, author, SUM(length(bytes)) AS total FROM changesets GROUP BY unit, author;
CREATE INDEX temp.usage_key ON usage (unit, author);
UPDATE author_heads SET bytes = COALESCE(
  (SELECT total FROM usage WHERE usage.unit = author_heads.unit AND usage.author = author_heads.device), 0);
UPDATE units SET bytes = COALESCE((SELECT SUM(total) FROM usage WHERE usage.unit = units.id), 0);
DROP TABLE temp.usage;
)sql";

}  // namespace

Result<void> create_schema(SqliteDb& db) {
  auto had_units = table_exists(db, "units");
  if (!had_units) return had_units.error();
  auto had_format = table_exists(db, "format");
  if (!had_format) return had_format.error();
  if (*had_units && !*had_format) {
    return make_error(Errc::unsupported_version,
                      "this data directory was made by an earlier varn-server whose formats this version no longer "
                      "reads; make a new one with `varn-server init`");
  }
  if (auto made = db.exec(kSchema); !made) return made;
  auto counted = column_exists(db, "units", "bytes");
  if (!counted) return counted.error();
  if (!*counted) {
    if (auto r = db.exec("BEGIN IMMEDIATE"); !r) return r;
    if (auto r = db.exec(kAddByteCounts); !r) {
      (void)db.exec("ROLLBACK");
      return r;
    }
    if (auto r = db.exec("COMMIT"); !r) return r;
  }
  auto hinted = column_exists(db, "pending_enrolments", "unit_hint");
  if (!hinted) return hinted.error();
  if (!*hinted) {  // requests filed before join addresses carried a unit
    if (auto r = db.exec("ALTER TABLE pending_enrolments ADD COLUMN unit_hint TEXT NOT NULL DEFAULT ''"); !r) return r;
  }
  if (auto r = db.exec("INSERT OR IGNORE INTO format (only, version) VALUES (1, 2)"); !r) return r;
  auto stmt = db.prepare("SELECT version FROM format");
  if (!stmt) return stmt.error();
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row || stmt->int64(0) != kFormat) {
    return make_error(Errc::unsupported_version, "this data directory was made by another varn-server version");
  }
  return {};
}

}  // namespace varn::server
