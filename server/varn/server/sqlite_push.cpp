// The stateful half of a push, run inside the writer's transaction: what
// depends on what is already stored (idempotency, author, epoch, chain) and
// the sequence numbers, assigned here so they commit in order.
#include <map>

#include "varn/server/roles.hpp"
#include "varn/server/sqlite_storage.hpp"

namespace varn::server {
namespace {

struct Statements {
  SqliteStmt find_by_id;
  SqliteStmt author_head;
  SqliteStmt insert;
  SqliteStmt set_head;
};

Result<Statements> prepare(SqliteDb& db) {
  auto find = db.prepare("SELECT seq, hash FROM changesets WHERE id = ?");
  auto head = db.prepare("SELECT seq, hash FROM author_heads WHERE device = ?");
  auto insert = db.prepare(
      "INSERT INTO changesets (unit, seq, id, author, author_seq, hash, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)");
  auto set_head = db.prepare("INSERT OR REPLACE INTO author_heads (device, seq, hash) VALUES (?, ?, ?)");
  if (!find) return find.error();
  if (!head) return head.error();
  if (!insert) return insert.error();
  if (!set_head) return set_head.error();
  return Statements{std::move(find).value(), std::move(head).value(), std::move(insert).value(),
                    std::move(set_head).value()};
}

//! A revoked author's change set may only come back (re-pushed by another
//! member after a restore) if its place in the chain was acknowledged before
//! the revocation: a stolen device's key cannot add anything new.
bool may_come_back(const DeviceRecord& author, const wire::EnvelopeHeader& h) {
  return author.status == "revoked" && h.seq <= author.revoked_seq;
}

PushResult refuse(unsigned status, std::string code, std::size_t index, std::string message) {
  PushResult r;
  r.refusal = PushRefusal{status, std::move(code), index, std::move(message)};
  return r;
}

}  // namespace

Result<PushResult> apply_push(SqliteDb& db, const UnitId& unit, const DeviceId& pusher,
                              const std::vector<PushItem>& items) {
  auto unit_row = load_unit(db, unit);
  if (!unit_row) return unit_row.error();
  if (!*unit_row) return refuse(403, "forbidden", 0, "unknown unit");
  auto st = prepare(db);
  if (!st) return st.error();
  std::uint64_t head = (*unit_row)->head;
  std::map<DeviceId, std::optional<DeviceRecord>> authors;  // a batch usually has one author
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
    auto cached = authors.find(h.author);
    if (cached == authors.end()) {
      auto loaded = load_device(db, h.author);
      if (!loaded) return loaded.error();
      cached = authors.emplace(h.author, *loaded).first;
    }
    const auto& author = cached->second;
    if (!author || author->unit != unit) {
      return refuse(403, "forbidden", i, "the author is not a device of this unit");
    }
    if (author->status != "active" && !may_come_back(*author, h)) {
      return refuse(403, "forbidden", i, "the author is revoked and the server never acknowledged this change set");
    }
    if (!role_may_write(author->role, h.change_class)) {
      return refuse(403, "role", i, "the author's role may not write this class of change set");
    }
    // A device's own new change sets use the current epoch; what it re-pushes
    // for others was written under whatever epoch was current back then.
    const auto current = (*unit_row)->current_epoch;
    const bool own = h.author == pusher;
    if (own ? h.epoch != current : (h.epoch == 0 || h.epoch > current)) {
      return refuse(400, "stale_epoch", i, "the envelope's epoch is not the unit's current epoch");
    }
    st->author_head.reset();
    st->author_head.bind(1, ByteView(h.author));
    auto chain = st->author_head.step();
    if (!chain) return chain.error();
    const std::uint64_t last_seq = *chain ? static_cast<std::uint64_t>(st->author_head.int64(0)) : 0;
    const Bytes last_hash = *chain ? st->author_head.blob(1) : Bytes(32, 0);
    if (h.seq != last_seq + 1 || Bytes(h.prev_hash.begin(), h.prev_hash.end()) != last_hash) {
      return refuse(400, "chain", i, "the envelope does not follow its author's last change set");
    }
    ++head;
    st->insert.reset();
    st->insert.bind(1, ByteView(unit))
        .bind(2, static_cast<std::int64_t>(head))
        .bind(3, ByteView(h.id))
        .bind(4, ByteView(h.author))
        .bind(5, static_cast<std::int64_t>(h.seq))
        .bind(6, ByteView(item.hash))
        .bind(7, ByteView(item.bytes));
    if (auto r = st->insert.run(); !r) return r.error();
    st->set_head.reset();
    st->set_head.bind(1, ByteView(h.author)).bind(2, static_cast<std::int64_t>(h.seq)).bind(3, ByteView(item.hash));
    if (auto r = st->set_head.run(); !r) return r.error();
    result.acks.push_back({h.id, head, false});
  }
  if (head != (*unit_row)->head) {
    auto set = db.prepare("UPDATE units SET head = ? WHERE id = ?");
    if (!set) return set.error();
    set->bind(1, static_cast<std::int64_t>(head)).bind(2, ByteView(unit));
    if (auto r = set->run(); !r) return r.error();
  }
  return result;
}

}  // namespace varn::server
