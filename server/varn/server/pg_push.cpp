// The stateful half of a push in the PostgreSQL backend, run inside one
// transaction that first locks the unit's row: every other push to the unit,
// on any process, waits for that lock, so sequence numbers are assigned and
// committed in order and no reader's snapshot holds n+1 without n.
#include "varn/registry/checkpoint.hpp"
#include "varn/server/pg_storage.hpp"
#include "varn/server/sqlite_db.hpp"

namespace varn::server {
namespace {

PushResult refuse(unsigned status, std::string code, std::size_t index, std::string message,
                  std::uint64_t author_head = 0) {
  PushResult r;
  r.refusal = PushRefusal{status, std::move(code), index, std::move(message), author_head};
  return r;
}

struct AuthorHead {
  std::uint64_t seq = 0;
  Bytes hash = Bytes(32, 0);
  std::uint64_t registry_seen = 0;
  std::uint64_t bytes = 0;  //!< change-set bytes stored from this author
};

Result<AuthorHead> load_head(PgConn& db, const UnitId& unit, const DeviceId& author) {
  auto r = db.exec("SELECT seq, hash, registry_seen, bytes FROM author_heads WHERE unit = $1 AND device = $2",
                   PgParams().add(ByteView(unit)).add(ByteView(author)));
  if (!r) return r.error();
  AuthorHead head;
  if (r->rows() > 0) {
    head.seq = static_cast<std::uint64_t>(r->int64(0, 0));
    head.hash = r->blob(0, 1);
    head.registry_seen = static_cast<std::uint64_t>(r->int64(0, 2));
    head.bytes = static_cast<std::uint64_t>(r->int64(0, 3));
  }
  return head;
}

//! As in the SQLite backend: a change set that claims not to have seen an
//! entry narrowing its author's rights is taken only if the author's chain
//! had reached it when that entry was stored.
Result<bool> within_floors(PgConn& db, const UnitId& unit, const PushItem& item) {
  for (const auto index : item.unseen_narrowings) {
    auto r = db.exec("SELECT head_seq FROM authority_floors WHERE unit = $1 AND device = $2 AND idx = $3",
                     PgParams()
                         .add(ByteView(unit))
                         .add(ByteView(item.header.author))
                         .add(static_cast<std::int64_t>(std::min<std::uint64_t>(index, INT64_MAX))));
    if (!r) return r.error();
    if (r->rows() == 0 || item.header.seq > static_cast<std::uint64_t>(r->int64(0, 0))) return false;
  }
  return true;
}

}  // namespace

Result<PushResult> pg_apply_push(PgConn& db, const UnitId& unit, PushKind kind, StoredBytesCaps caps,
                                 const std::vector<PushItem>& items) {
  auto unit_row = pg_load_unit(db, unit, true);
  if (!unit_row) return unit_row.error();
  if (!*unit_row) return refuse(403, "forbidden", 0, "unknown unit");
  std::uint64_t head = (*unit_row)->head;
  crypto::Hash32 log_hash = (*unit_row)->log_hash;
  const auto current = (*unit_row)->current_epoch;
  std::uint64_t unit_bytes = (*unit_row)->bytes;
  PushResult result;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    const auto& h = item.header;
    auto known = db.exec("SELECT seq, hash FROM changesets WHERE id = $1", PgParams().add(ByteView(h.id)));
    if (!known) return known.error();
    if (known->rows() > 0) {
      if (known->blob(0, 1) != Bytes(item.hash.begin(), item.hash.end())) {
        return refuse(409, "conflict", i, "this change-set id is stored with different bytes");
      }
      result.acks.push_back({h.id, static_cast<std::uint64_t>(known->int64(0, 0)), true});
      continue;
    }
    // New work is written under the unit's current epoch; a heal brings back
    // change sets written under whatever epoch was current then.
    if (kind == PushKind::fresh ? h.epoch != current : (h.epoch == 0 || h.epoch > current)) {
      return refuse(400, "stale_epoch", i, "the envelope's epoch is not the unit's current epoch");
    }
    auto last = load_head(db, unit, h.author);
    if (!last) return last.error();
    if (h.seq != last->seq + 1 || Bytes(h.prev_hash.begin(), h.prev_hash.end()) != last->hash) {
      return refuse(400, "chain", i, "the envelope does not follow its author's last change set", last->seq);
    }
    if (h.registry_seen < last->registry_seen) {
      return refuse(400, "authority", i, "the envelope claims to have seen less of the registry than the one before it");
    }
    auto floors = within_floors(db, unit, item);
    if (!floors) return floors.error();
    if (!*floors) {
      return refuse(403, "role", i, "the author wrote this after its rights were narrowed, without having seen it");
    }
    const std::uint64_t size = item.bytes.size();
    if (last->bytes + size > caps.device) {
      return refuse(507, "quota", i, "this device has stored as much as the server takes from one device");
    }
    if (unit_bytes + size > caps.unit) {
      return refuse(507, "quota", i, "this unit has stored as much as the server takes from one unit");
    }
    unit_bytes += size;
    ++head;
    log_hash = registry::next_log_hash(log_hash, head, item.hash);
    auto ins = db.exec(
        "INSERT INTO changesets (unit, seq, id, author, author_seq, hash, log_hash, bytes) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        PgParams()
            .add(ByteView(unit))
            .add(static_cast<std::int64_t>(head))
            .add(ByteView(h.id))
            .add(ByteView(h.author))
            .add(static_cast<std::int64_t>(h.seq))
            .add(ByteView(item.hash))
            .add(ByteView(log_hash))
            .add(ByteView(item.bytes)));
    if (!ins) return ins.error();
    auto set_head = db.exec(
        "INSERT INTO author_heads (unit, device, seq, hash, registry_seen, bytes) VALUES ($1, $2, $3, $4, $5, $6) "
        "ON CONFLICT (unit, device) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, "
        "registry_seen = excluded.registry_seen, bytes = excluded.bytes",
        PgParams()
            .add(ByteView(unit))
            .add(ByteView(h.author))
            .add(static_cast<std::int64_t>(h.seq))
            .add(ByteView(item.hash))
            .add(static_cast<std::int64_t>(h.registry_seen))
            .add(static_cast<std::int64_t>(last->bytes + size)));
    if (!set_head) return set_head.error();
    result.acks.push_back({h.id, head, false});
  }
  if (head != (*unit_row)->head) {
    auto set = db.exec("UPDATE units SET head = $1, log_hash = $2, bytes = $3 WHERE id = $4",
                       PgParams()
                           .add(static_cast<std::int64_t>(head))
                           .add(ByteView(log_hash))
                           .add(static_cast<std::int64_t>(unit_bytes))
                           .add(ByteView(unit)));
    if (!set) return set.error();
  }
  return result;
}

}  // namespace varn::server
