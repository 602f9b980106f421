// The stateful half of a push, run inside the writer's transaction: what
// depends on what is already stored (idempotency, epoch, chain, authority
// floors), the sequence numbers and the running log hash, assigned here so
// they commit in order.
#include "varn/registry/checkpoint.hpp"
#include "varn/server/sqlite_storage.hpp"

namespace varn::server {
namespace {

struct Statements {
  SqliteStmt find_by_id;
  SqliteStmt author_head;
  SqliteStmt floor;
  SqliteStmt insert;
  SqliteStmt set_head;
};

Result<Statements> prepare(SqliteDb& db) {
  auto find = db.prepare("SELECT seq, hash FROM changesets WHERE id = ?");
  auto head = db.prepare("SELECT seq, hash, registry_seen, bytes FROM author_heads WHERE unit = ? AND device = ?");
  auto floor = db.prepare("SELECT head_seq FROM authority_floors WHERE unit = ? AND device = ? AND idx = ?");
  auto insert = db.prepare(
      "INSERT INTO changesets (unit, seq, id, author, author_seq, hash, log_hash, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  auto set_head = db.prepare(
      "INSERT OR REPLACE INTO author_heads (unit, device, seq, hash, registry_seen, bytes) VALUES (?, ?, ?, ?, ?, ?)");
  if (!find) return find.error();
  if (!head) return head.error();
  if (!floor) return floor.error();
  if (!insert) return insert.error();
  if (!set_head) return set_head.error();
  return Statements{std::move(find).value(), std::move(head).value(), std::move(floor).value(),
                    std::move(insert).value(), std::move(set_head).value()};
}

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

Result<AuthorHead> load_head(Statements& st, const UnitId& unit, const DeviceId& author) {
  st.author_head.reset();
  st.author_head.bind(1, ByteView(unit)).bind(2, ByteView(author));
  auto row = st.author_head.step();
  if (!row) return row.error();
  AuthorHead head;
  if (*row) {
    head.seq = static_cast<std::uint64_t>(st.author_head.int64(0));
    head.hash = st.author_head.blob(1);
    head.registry_seen = static_cast<std::uint64_t>(st.author_head.int64(2));
    head.bytes = static_cast<std::uint64_t>(st.author_head.int64(3));
  }
  return head;
}

//! A change set that claims not to have seen an entry narrowing its
//! author's rights is taken only if the author's chain had reached it when
//! that entry was stored: a demoted or revoked device, which still holds its
//! signing key, cannot backdate new writing to before its demotion.
Result<bool> within_floors(Statements& st, const UnitId& unit, const PushItem& item) {
  for (const auto index : item.unseen_narrowings) {
    st.floor.reset();
    st.floor.bind(1, ByteView(unit)).bind(2, ByteView(item.header.author)).bind(3, static_cast<std::int64_t>(index));
    auto row = st.floor.step();
    if (!row) return row.error();
    if (!*row || item.header.seq > static_cast<std::uint64_t>(st.floor.int64(0))) return false;
  }
  return true;
}

}  // namespace

Result<PushResult> apply_push(SqliteDb& db, const UnitId& unit, PushKind kind, StoredBytesCaps caps,
                              const std::vector<PushItem>& items) {
  auto unit_row = load_unit(db, unit);
  if (!unit_row) return unit_row.error();
  if (!*unit_row) return refuse(403, "forbidden", 0, "unknown unit");
  auto st = prepare(db);
  if (!st) return st.error();
  std::uint64_t head = (*unit_row)->head;
  crypto::Hash32 log_hash = (*unit_row)->log_hash;
  const auto current = (*unit_row)->current_epoch;
  std::uint64_t unit_bytes = (*unit_row)->bytes;
  PushResult result;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    const auto& h = item.header;
    st->find_by_id.reset();
    st->find_by_id.bind(1, ByteView(h.id));
    auto known = st->find_by_id.step();
    if (!known) return known.error();
    if (*known) {
      if (st->find_by_id.blob(1) != Bytes(item.hash.begin(), item.hash.end())) {
        return refuse(409, "conflict", i, "this change-set id is stored with different bytes");
      }
      result.acks.push_back({h.id, static_cast<std::uint64_t>(st->find_by_id.int64(0)), true});
      continue;
    }
    // New work is written under the unit's current epoch; a heal brings back
    // change sets written under whatever epoch was current then.
    if (kind == PushKind::fresh ? h.epoch != current : (h.epoch == 0 || h.epoch > current)) {
      return refuse(400, "stale_epoch", i, "the envelope's epoch is not the unit's current epoch");
    }
    auto last = load_head(*st, unit, h.author);
    if (!last) return last.error();
    if (h.seq != last->seq + 1 || Bytes(h.prev_hash.begin(), h.prev_hash.end()) != last->hash) {
      return refuse(400, "chain", i, "the envelope does not follow its author's last change set", last->seq);
    }
    if (h.registry_seen < last->registry_seen) {
      return refuse(400, "authority", i, "the envelope claims to have seen less of the registry than the one before it");
    }
    auto floors = within_floors(*st, unit, item);
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
    st->insert.reset();
    st->insert.bind(1, ByteView(unit))
        .bind(2, static_cast<std::int64_t>(head))
        .bind(3, ByteView(h.id))
        .bind(4, ByteView(h.author))
        .bind(5, static_cast<std::int64_t>(h.seq))
        .bind(6, ByteView(item.hash))
        .bind(7, ByteView(log_hash))
        .bind(8, ByteView(item.bytes));
    if (auto r = st->insert.run(); !r) return r.error();
    st->set_head.reset();
    st->set_head.bind(1, ByteView(unit)).bind(2, ByteView(h.author)).bind(3, static_cast<std::int64_t>(h.seq));
    st->set_head.bind(4, ByteView(item.hash)).bind(5, static_cast<std::int64_t>(h.registry_seen));
    st->set_head.bind(6, static_cast<std::int64_t>(last->bytes + size));
    if (auto r = st->set_head.run(); !r) return r.error();
    result.acks.push_back({h.id, head, false});
  }
  if (head != (*unit_row)->head) {
    auto set = db.prepare("UPDATE units SET head = ?, log_hash = ?, bytes = ? WHERE id = ?");
    if (!set) return set.error();
    set->bind(1, static_cast<std::int64_t>(head)).bind(2, ByteView(log_hash));
    set->bind(3, static_cast<std::int64_t>(unit_bytes)).bind(4, ByteView(unit));
    if (auto r = set->run(); !r) return r.error();
  }
  return result;
}

}  // namespace varn::server
