#include "varn/store/schema.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "varn/store/database.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::store {
namespace {

// Ids, devices and hashes are BLOBs; field values are the model's UTF-8 text.
// Merge tables (field_value, op_log, note_sign, conflict) are the state the
// convergence tests compare; note_index is derived from them for listings.
constexpr const char* kV1 = R"sql(
CREATE TABLE field_value(
  kind INTEGER NOT NULL, id BLOB NOT NULL, field TEXT NOT NULL,
  value TEXT NOT NULL, hlc INTEGER NOT NULL, device BLOB NOT NULL,
  ref BLOB,  -- the 16-byte id when the field points at another entity
  PRIMARY KEY(kind, id, field)) WITHOUT ROWID;
CREATE INDEX field_value_by_ref ON field_value(ref, kind, field) WHERE ref IS NOT NULL;

CREATE TABLE op_log(
  hash BLOB PRIMARY KEY, kind INTEGER NOT NULL, id BLOB NOT NULL, field TEXT NOT NULL,
  value TEXT NOT NULL, hlc INTEGER NOT NULL, device BLOB NOT NULL,
  verdict INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX op_log_by_target ON op_log(kind, id, field);

CREATE TABLE note_sign(
  note BLOB PRIMARY KEY, value TEXT NOT NULL, hlc INTEGER NOT NULL, device BLOB NOT NULL);

CREATE TABLE note_index(
  id BLOB PRIMARY KEY, case_id BLOB, visit_id BLOB, author BLOB,
  written_hlc INTEGER NOT NULL, is_signed INTEGER NOT NULL,
  deleted INTEGER NOT NULL, reviewed INTEGER NOT NULL);
CREATE INDEX note_index_by_written ON note_index(written_hlc, id);
CREATE INDEX note_index_by_case ON note_index(case_id, written_hlc, id);

-- Merge conflicts carry their op (op_hash set); a refused change set has a
-- row with refused_change_set set and the first offending op, if any.
CREATE TABLE conflict(
  seq INTEGER PRIMARY KEY, op_hash BLOB UNIQUE, kind INTEGER, id BLOB, field TEXT,
  value TEXT, hlc INTEGER, device BLOB, reason TEXT NOT NULL, refused_change_set BLOB);

CREATE TABLE sealed_changeset(
  id BLOB PRIMARY KEY, author_seq INTEGER NOT NULL UNIQUE, hash BLOB NOT NULL,
  envelope BLOB NOT NULL, server_seq INTEGER NOT NULL DEFAULT 0);
CREATE INDEX sealed_by_server_seq ON sealed_changeset(server_seq);

CREATE TABLE outbox(
  op_id INTEGER PRIMARY KEY AUTOINCREMENT, op BLOB NOT NULL, class INTEGER NOT NULL,
  sealed_changeset BLOB REFERENCES sealed_changeset(id));
CREATE INDEX outbox_by_changeset ON outbox(sealed_changeset);

CREATE TABLE received_changeset(
  id BLOB PRIMARY KEY, server_seq INTEGER NOT NULL, author BLOB NOT NULL,
  class INTEGER NOT NULL, envelope BLOB NOT NULL, refused INTEGER NOT NULL);
CREATE INDEX received_by_server_seq ON received_changeset(server_seq);

CREATE TABLE sync_state(
  only INTEGER PRIMARY KEY CHECK(only = 1), cursor INTEGER NOT NULL,
  head_seq INTEGER NOT NULL, head_hash BLOB NOT NULL, hlc_last INTEGER NOT NULL);
INSERT INTO sync_state VALUES(1, 0, 0, zeroblob(32), 0);

CREATE TABLE vault_setting(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE vault_epoch_key(epoch INTEGER PRIMARY KEY, key BLOB NOT NULL);
CREATE TABLE identity(
  only INTEGER PRIMARY KEY CHECK(only = 1), sign_secret BLOB NOT NULL, box_secret BLOB NOT NULL);
)sql";

// v2: op_log clustered by the entity field it changes, not by its random
// digest. The ops of one change set then land on a few pages instead of one
// random page each (initial sync of 100k change sets was bound by those
// page misses), and the PRIMARY KEY replaces the op_log_by_target index.
// The digest covers kind, id and field, so uniqueness is unchanged.
constexpr const char* kV2 = R"sql(
CREATE TABLE op_log_v2(
  kind INTEGER NOT NULL, id BLOB NOT NULL, field TEXT NOT NULL, hash BLOB NOT NULL,
  value TEXT NOT NULL, hlc INTEGER NOT NULL, device BLOB NOT NULL, verdict INTEGER NOT NULL,
  PRIMARY KEY(kind, id, field, hash)) WITHOUT ROWID;
INSERT INTO op_log_v2(kind, id, field, hash, value, hlc, device, verdict)
  SELECT kind, id, field, hash, value, hlc, device, verdict FROM op_log;
DROP TABLE op_log;
ALTER TABLE op_log_v2 RENAME TO op_log;
)sql";

// v3: each byte written once, for initial sync (100k change sets) whose
// time went into page writes.
// - op_log keeps the ops that do not hold their field; the one that does is
//   its field_value row (its digest is computed from that row) and moves to
//   op_log when a later op displaces it. Stores migrated from v2 keep their
//   winners in both, which every reader tolerates.
// - Received envelopes are kept end to end, one chunk per applied page,
//   and rows point into it: a ~2.3 KB envelope on a row of its own took a
//   4 KiB page by itself, a third of all page writes.
// - Received change sets are found by (author, author_seq), which grows,
//   not by their random id: that index took a page write per change set.
//   fill_author_seq() reads the numbers of rows kept before from their
//   envelopes; the unique index comes after it.
constexpr const char* kV3 = R"sql(
CREATE TABLE received_envelopes(chunk INTEGER PRIMARY KEY, bytes BLOB NOT NULL);
CREATE TABLE received_changeset_v3(
  id BLOB NOT NULL, server_seq INTEGER NOT NULL, author BLOB NOT NULL,
  author_seq INTEGER,  -- NULL: not known
  class INTEGER NOT NULL, refused INTEGER NOT NULL,
  envelope_chunk INTEGER NOT NULL, envelope_at INTEGER NOT NULL, envelope_size INTEGER NOT NULL);
INSERT INTO received_envelopes(chunk, bytes) SELECT rowid, envelope FROM received_changeset;
INSERT INTO received_changeset_v3(id, server_seq, author, class, refused, envelope_chunk, envelope_at, envelope_size)
  SELECT id, server_seq, author, class, refused, rowid, 0, length(envelope) FROM received_changeset;
DROP TABLE received_changeset;
ALTER TABLE received_changeset_v3 RENAME TO received_changeset;
CREATE INDEX received_by_server_seq ON received_changeset(server_seq);
)sql";

constexpr const char* kV3Index =
    "CREATE UNIQUE INDEX received_by_author ON received_changeset(author, author_seq);";

// Rows migrated to v3 get their author's sequence number from the signed
// header of the envelope they kept; a number already taken (a fork kept by
// v2) or an envelope that does not decode stays NULL.
Result<void> fill_author_seq(Database& db) {
  std::vector<std::pair<std::int64_t, std::uint64_t>> found;
  {
    auto q = db.prepare(
        "SELECT r.rowid, e.bytes FROM received_changeset r JOIN received_envelopes e ON e.chunk = r.envelope_chunk");
    if (!q) return q.error();
    for (;;) {
      auto row = q->step();
      if (!row) return row.error();
      if (!*row) break;
      if (auto env = wire::decode_envelope(q->blob_view(1))) found.emplace_back(q->int64(0), env->header.seq);
    }
  }
  for (const auto& [rowid, seq] : found) {
    auto set = db.prepare(
        "UPDATE received_changeset SET author_seq = ?2 WHERE rowid = ?1 AND NOT EXISTS "
        "(SELECT 1 FROM received_changeset o WHERE o.author = received_changeset.author AND o.author_seq = ?2)");
    if (!set) return set.error();
    set->bind(1, rowid).bind(2, static_cast<std::int64_t>(seq));
    if (auto r = set->run(); !r) return r;
  }
  return db.exec(kV3Index);
}

// v4: what a device checks of the unit's log. Each author's chain head as
// received (numbers without gaps, each linking to the one before); change
// sets kept aside (held behind a gap, or quarantined) with why; the running
// log hash at the cursor and at each applied batch (the marks a device
// rewinds to when a restored server's history parts from its own); and
// whether an own change set's echo came back (one that never does after a
// full pull was lost by the server); outbox ops withdrawn for good.
constexpr const char* kV4 = R"sql(
ALTER TABLE sync_state ADD COLUMN log_hash BLOB NOT NULL
  DEFAULT X'0000000000000000000000000000000000000000000000000000000000000000';
ALTER TABLE sealed_changeset ADD COLUMN echoed INTEGER NOT NULL DEFAULT 0;
UPDATE sealed_changeset SET echoed = 1 WHERE server_seq > 0 AND server_seq <= (SELECT cursor FROM sync_state);
CREATE TABLE author_head(
  author BLOB PRIMARY KEY, seq INTEGER NOT NULL, hash BLOB NOT NULL, registry_seen INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE pending_received(
  server_seq INTEGER PRIMARY KEY, envelope BLOB NOT NULL, disposition INTEGER NOT NULL, reason TEXT NOT NULL);
CREATE TABLE log_mark(cursor INTEGER PRIMARY KEY, log_hash BLOB NOT NULL);
-- Ops whose change set the server refused for good (written under a role
-- this device no longer holds): kept and shown here, never sealed again.
ALTER TABLE outbox ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0;
)sql";

// v5: text typed and not yet saved (typed_text.hpp); local only, never an op.
constexpr const char* kV5 = R"sql(
CREATE TABLE typed_text(slot TEXT PRIMARY KEY, text TEXT NOT NULL, typed_order INTEGER NOT NULL);
)sql";

// v6: restricted cases (case_vault.hpp). The case keys this device holds,
// and every sealed blob received, in the order it arrived (rowid), with the
// author, class and role its ops are judged by (opened: 0 waiting for its
// key, 1 merged, 2 refused). Outbox ops name the write they belong to, so a
// change set never splits one write (its authority is judged per change set).
constexpr const char* kV6 = R"sql(
CREATE TABLE case_key(
  case_id BLOB NOT NULL, key_id BLOB NOT NULL, key BLOB NOT NULL, PRIMARY KEY(case_id, key_id)) WITHOUT ROWID;
CREATE TABLE vault_blob(
  case_id BLOB NOT NULL, author BLOB NOT NULL, blob_id TEXT NOT NULL, key_id BLOB NOT NULL,
  class INTEGER NOT NULL, role INTEGER, change_set BLOB NOT NULL, op BLOB NOT NULL, opened INTEGER NOT NULL,
  UNIQUE(case_id, author, blob_id));
CREATE INDEX vault_blob_waiting ON vault_blob(case_id, key_id) WHERE opened = 0;
ALTER TABLE outbox ADD COLUMN write_group INTEGER;
CREATE INDEX field_value_restriction ON field_value(kind, id) WHERE field = 'restriction';
)sql";

// Index i holds the migration from version i to i + 1.
constexpr std::array<const char*, 6> kMigrations = {kV1, kV2, kV3, kV4, kV5, kV6};

}  // namespace

int latest_schema_version() { return static_cast<int>(kMigrations.size()); }

Result<int> stored_schema_version(Database& db) {
  if (auto r = db.exec("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL);"); !r) return r.error();
  auto q = db.prepare("SELECT max(version) FROM schema_version");
  if (!q) return q.error();
  auto row = q->step();
  if (!row) return row.error();
  return *row && !q->is_null(0) ? static_cast<int>(q->int64(0)) : 0;
}

Result<void> migrate(Database& db) { return migrate_up_to(db, latest_schema_version()); }

Result<void> migrate_up_to(Database& db, int target) {
  auto version = stored_schema_version(db);
  if (!version) return version.error();
  if (*version > latest_schema_version()) {
    return make_error(Errc::unsupported_version, "the store was written by a newer Värn");
  }
  for (int v = *version; v < std::min(target, latest_schema_version()); ++v) {
    auto tx = db.begin();
    if (!tx) return tx.error();
    if (auto r = db.exec(kMigrations[static_cast<std::size_t>(v)]); !r) return r;
    if (v + 1 == 3) {
      if (auto r = fill_author_seq(db); !r) return r;
    }
    auto bump = db.prepare("INSERT INTO schema_version(version) VALUES(?)");
    if (!bump) return bump.error();
    bump->bind(1, std::int64_t{v + 1});
    if (auto r = bump->run(); !r) return r;
    if (auto r = tx->commit(); !r) return r;
  }
  return {};
}

}  // namespace varn::store
