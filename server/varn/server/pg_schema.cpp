#include "varn/server/pg_schema.hpp"

#include <array>

namespace varn::server {
namespace {

// The same tables as the SQLite backend (sqlite_schema.cpp), in PostgreSQL's
// types. Migration n takes a database from version n-1 to n; a released
// migration is never edited, only followed by another.
constexpr std::array<const char*, 3> kMigrations = {R"sql(
CREATE TABLE units (
  id bytea PRIMARY KEY,
  label text NOT NULL,            -- the operator's own name for the team; never sent
  current_epoch bigint NOT NULL DEFAULT 0,
  head bigint NOT NULL DEFAULT 0, -- highest sequence number committed
  log_hash bytea NOT NULL DEFAULT decode(repeat('00', 32), 'hex'),
  registry_length bigint NOT NULL DEFAULT 0,
  registry_head bytea NOT NULL DEFAULT decode(repeat('00', 32), 'hex'),
  bytes bigint NOT NULL DEFAULT 0  -- change-set bytes stored, for the unit's quota
);
CREATE TABLE unit_codes (
  code_hash bytea PRIMARY KEY,     -- BLAKE2b of the one-time code, never the code
  unit bytea NOT NULL REFERENCES units(id),
  used_by bytea,
  used_by_bundle bytea
);
CREATE INDEX unit_codes_unit ON unit_codes (unit);
CREATE TABLE unit_members (
  device bytea NOT NULL,
  unit bytea NOT NULL,
  PRIMARY KEY (device, unit)
);
CREATE TABLE device_activity (
  device bytea PRIMARY KEY,
  last_seen bigint NOT NULL DEFAULT 0,
  wiped_at bigint
);
CREATE TABLE pending_enrolments (
  code text PRIMARY KEY,
  device bytea NOT NULL UNIQUE,
  bundle bytea NOT NULL,
  requested_at bigint NOT NULL,
  peer text NOT NULL DEFAULT ''
);
CREATE TABLE wrapped_keys (
  unit bytea NOT NULL,
  device bytea NOT NULL,
  epoch bigint NOT NULL,
  wrapped bytea NOT NULL,
  PRIMARY KEY (unit, device, epoch)
);
CREATE TABLE changesets (
  unit bytea NOT NULL,
  seq bigint NOT NULL,
  id bytea NOT NULL UNIQUE,
  author bytea NOT NULL,
  author_seq bigint NOT NULL,
  hash bytea NOT NULL,
  log_hash bytea NOT NULL,         -- running log hash after this change set
  bytes bytea NOT NULL,
  PRIMARY KEY (unit, seq)
);
CREATE TABLE author_heads (
  unit bytea NOT NULL,
  device bytea NOT NULL,
  seq bigint NOT NULL,
  hash bytea NOT NULL,
  registry_seen bigint NOT NULL,
  bytes bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (unit, device)
);
CREATE TABLE authority_floors (
  unit bytea NOT NULL,
  device bytea NOT NULL,
  idx bigint NOT NULL,
  head_seq bigint NOT NULL,
  PRIMARY KEY (unit, device, idx)
);
CREATE TABLE registry_entries (
  unit bytea NOT NULL,
  idx bigint NOT NULL,
  hash bytea NOT NULL,
  bytes bytea NOT NULL,
  PRIMARY KEY (unit, idx)
);
CREATE TABLE rotation_copies (
  unit bytea NOT NULL,
  epoch bigint NOT NULL,
  device bytea NOT NULL,
  wrapped bytea NOT NULL,
  PRIMARY KEY (unit, epoch, device)
);
)sql",
// 2: the start of the unit id a waiting device was told (its join address).
R"sql(
ALTER TABLE pending_enrolments ADD COLUMN unit_hint text NOT NULL DEFAULT '';
)sql",
// 3: answered session challenges, until they expire, so that each opens one
// session on whichever process it is answered (ids and times only).
R"sql(
CREATE TABLE spent_challenges (
  tag bytea PRIMARY KEY,       -- the challenge's MAC under the session secret
  expires_ms bigint NOT NULL   -- unix milliseconds
);
CREATE INDEX spent_challenges_expiry ON spent_challenges (expires_ms);
)sql"};

// Any constant of our own: it serialises schema changes across processes.
constexpr std::int64_t kMigrationLock = 0x7661726e00000001;  // "varn" 1

Result<void> rollback(PgConn& db, const Error& e) {
  (void)db.exec("ROLLBACK");
  return e;
}

}  // namespace

std::int64_t pg_schema_version() { return static_cast<std::int64_t>(kMigrations.size()); }

Result<void> migrate_pg_schema(PgConn& db) {
  if (auto r = db.exec_script("CREATE TABLE IF NOT EXISTS schema_version (version bigint NOT NULL)"); !r) {
    // Two processes creating it at once: one loses on the catalogue's key and
    // then sees the table.
    if (db.last_sqlstate() != "23505" && db.last_sqlstate() != "42P07") return r;
  }
  for (;;) {
    if (auto b = db.exec("BEGIN"); !b) return b.error();
    if (auto l = db.exec("SELECT pg_advisory_xact_lock($1)", PgParams().add(kMigrationLock)); !l) {
      return rollback(db, l.error());
    }
    auto v = db.exec("SELECT coalesce(max(version), 0)::int8 FROM schema_version");
    if (!v) return rollback(db, v.error());
    const std::int64_t version = v->int64(0, 0);
    if (version > pg_schema_version()) {
      return rollback(db, make_error(Errc::unsupported_version,
                                     "this PostgreSQL database was made by a newer varn-server (schema version " +
                                         std::to_string(version) + ")"));
    }
    if (version == pg_schema_version()) {
      if (auto c = db.exec("COMMIT"); !c) return c.error();
      return {};
    }
    if (auto m = db.exec_script(kMigrations[static_cast<std::size_t>(version)]); !m) return rollback(db, m.error());
    if (auto s = db.exec("DELETE FROM schema_version"); !s) return rollback(db, s.error());
    if (auto s = db.exec("INSERT INTO schema_version (version) VALUES ($1)", PgParams().add(version + 1)); !s) {
      return rollback(db, s.error());
    }
    if (auto c = db.exec("COMMIT"); !c) return c.error();
  }
}

}  // namespace varn::server
