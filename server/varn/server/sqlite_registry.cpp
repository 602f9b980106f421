// The registry in the SQLite backend: a verified entry is stored at its
// index with what it brings (key copies, the unit's epoch, the member
// index, authority floors) in one savepoint. Nothing here decides who may
// do what; Membership verified the entry before it came here.
#include "varn/server/sqlite_storage.hpp"

namespace varn::server {
namespace {

using registry::EntryKind;

Result<void> run(SqliteDb& db, const char* sql, const std::function<void(SqliteStmt&)>& bind) {
  auto stmt = db.prepare(sql);
  if (!stmt) return stmt.error();
  bind(*stmt);
  return stmt->run();
}

}  // namespace

Result<void> store_registry_entry(SqliteDb& db, const UnitId& unit_id, const RegistryAppend& a) {
  const auto& e = a.entry;
  auto unit = load_unit(db, unit_id);
  if (!unit) return unit.error();
  if (!*unit) return make_error(Errc::not_found, "no such unit");
  if (e.index != (*unit)->registry_length) return make_error(Errc::conflict, "another entry was stored at that index");
  const auto idx = static_cast<std::int64_t>(e.index);
  if (auto r = run(db, "INSERT INTO registry_entries (unit, idx, hash, bytes) VALUES (?, ?, ?, ?)",
                   [&](SqliteStmt& s) {
                     s.bind(1, ByteView(unit_id)).bind(2, idx).bind(3, ByteView(a.hash)).bind(4, ByteView(a.encoded));
                   });
      !r) {
    return r;
  }
  if (auto r = run(db, "UPDATE units SET registry_length = ?, registry_head = ? WHERE id = ?",
                   [&](SqliteStmt& s) { s.bind(1, idx + 1).bind(2, ByteView(a.hash)).bind(3, ByteView(unit_id)); });
      !r) {
    return r;
  }
  switch (e.kind) {
    case EntryKind::enrol:
    case EntryKind::recover: {
      auto r = run(db, "INSERT OR IGNORE INTO unit_members (device, unit) VALUES (?, ?)",
                   [&](SqliteStmt& s) { s.bind(1, ByteView(e.subject)).bind(2, ByteView(unit_id)); });
      if (!r) return r;
      // The pending request stays until it expires: an enrol entry from
      // another unit's admin proves nothing to the device, whose own admin
      // must still find the request by its code.
      for (const auto& c : a.device_copies) {
        if (auto k = insert_key_copy(db, unit_id, c); !k) return k;
      }
      return {};
    }
    case EntryKind::rotate: {
      for (const auto& c : a.rotation_copies) {
        if (auto k = insert_key_copy(db, unit_id, KeyCopyRecord{c.device, e.epoch, c.wrapped}); !k) return k;
        auto r = run(db, "INSERT INTO rotation_copies (unit, epoch, device, wrapped) VALUES (?, ?, ?, ?)",
                     [&](SqliteStmt& s) {
                       s.bind(1, ByteView(unit_id)).bind(2, static_cast<std::int64_t>(e.epoch));
                       s.bind(3, ByteView(c.device)).bind(4, ByteView(c.wrapped));
                     });
        if (!r) return r;
      }
      return run(db, "UPDATE units SET current_epoch = ? WHERE id = ?", [&](SqliteStmt& s) {
        s.bind(1, static_cast<std::int64_t>(e.epoch)).bind(2, ByteView(unit_id));
      });
    }
    case EntryKind::set_lease:
      return {};  // the devices keep their own lease; the server stores the entry only
    case EntryKind::set_recovery:
      // The recovery key's sealed copy of each existing epoch, kept under
      // its id, for the device a recovery enrols (routes_recovery.cpp).
      for (const auto& c : a.device_copies) {
        if (auto k = insert_key_copy(db, unit_id, c); !k) return k;
      }
      return {};
    case EntryKind::change_role:
    case EntryKind::revoke:
      // How far the subject's chain reached here: change sets beyond it that
      // claim not to have seen this entry are refused (sqlite_push.cpp).
      return run(db,
                 "INSERT OR REPLACE INTO authority_floors (unit, device, idx, head_seq) VALUES (?1, ?2, ?3, "
                 "COALESCE((SELECT seq FROM author_heads WHERE unit = ?1 AND device = ?2), 0))",
                 [&](SqliteStmt& s) { s.bind(1, ByteView(unit_id)).bind(2, ByteView(e.subject)).bind(3, idx); });
  }
  return {};
}

Result<void> SqliteStorage::append_registry(const UnitId& unit, const RegistryAppend& append) {
  return write([&](SqliteDb& db) { return store_registry_entry(db, unit, append); });
}

Result<void> SqliteStorage::add_missing_copies(const UnitId& unit, const std::vector<KeyCopyRecord>& copies) {
  return write([&](SqliteDb& db) -> Result<void> {
    for (const auto& c : copies) {
      auto r = run(db, "INSERT OR IGNORE INTO wrapped_keys (unit, device, epoch, wrapped) VALUES (?, ?, ?, ?)",
                   [&](SqliteStmt& s) {
                     s.bind(1, ByteView(unit)).bind(2, ByteView(c.device)).bind(3, static_cast<std::int64_t>(c.epoch));
                     s.bind(4, ByteView(c.wrapped));
                   });
      if (!r) return r;
    }
    return {};
  });
}

Result<RegistryPage> SqliteStorage::registry_entries(const UnitId& unit, std::uint64_t after) {
  auto r = reader();
  if (!r) return r.error();
  SqliteDb& db = r->db();
  if (auto b = db.exec("BEGIN"); !b) return b.error();  // the length and the entries from one snapshot
  RegistryPage page;
  auto result = [&]() -> Result<void> {
    auto u = load_unit(db, unit);
    if (!u) return u.error();
    if (!*u) return make_error(Errc::not_found, "no such unit");
    page.length = (*u)->registry_length;
    auto stmt = db.prepare("SELECT bytes FROM registry_entries WHERE unit = ? AND idx >= ? ORDER BY idx");
    if (!stmt) return stmt.error();
    stmt->bind(1, ByteView(unit)).bind(2, static_cast<std::int64_t>(std::min<std::uint64_t>(after, INT64_MAX)));
    for (;;) {
      auto row = stmt->step();
      if (!row) return row.error();
      if (!*row) return {};
      page.entries.push_back(stmt->blob(0));
    }
  }();
  (void)db.exec("COMMIT");
  if (!result) return result.error();
  return page;
}

Result<std::vector<KeyCopyRecord>> SqliteStorage::rotation_copies(const UnitId& unit, std::uint32_t epoch) {
  auto r = reader();
  if (!r) return r.error();
  auto stmt = r->db().prepare("SELECT device, wrapped FROM rotation_copies WHERE unit = ? AND epoch = ? ORDER BY device");
  if (!stmt) return stmt.error();
  stmt->bind(1, ByteView(unit)).bind(2, static_cast<std::int64_t>(epoch));
  std::vector<KeyCopyRecord> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back(KeyCopyRecord{to_array<16>(stmt->blob(0)), epoch, stmt->blob(1)});
  }
}

}  // namespace varn::server
