// The registry in the PostgreSQL backend: a verified entry is stored at its
// index with what it brings (key copies, the unit's epoch, the member index,
// authority floors) in one transaction that first locks the unit's row, the
// same lock a push takes, so an authority floor and a push to the same unit
// are ordered. Nothing here decides who may do what.
#include "varn/server/pg_storage.hpp"
#include "varn/server/sqlite_db.hpp"

namespace varn::server {
namespace {

using registry::EntryKind;

Result<void> run(PgConn& db, const char* sql, const PgParams& params) {
  auto r = db.exec(sql, params);
  if (!r) return r.error();
  return {};
}

Result<void> upsert_key_copy(PgConn& db, const UnitId& unit, const KeyCopyRecord& k) {
  return run(db,
             "INSERT INTO wrapped_keys (unit, device, epoch, wrapped) VALUES ($1, $2, $3, $4) "
             "ON CONFLICT (unit, device, epoch) DO UPDATE SET wrapped = excluded.wrapped",
             PgParams().add(ByteView(unit)).add(ByteView(k.device)).add(static_cast<std::int64_t>(k.epoch)).add(
                 ByteView(k.wrapped)));
}

}  // namespace

Result<void> pg_store_registry_entry(PgConn& db, const UnitId& unit_id, const RegistryAppend& a) {
  const auto& e = a.entry;
  auto unit = pg_load_unit(db, unit_id, true);
  if (!unit) return unit.error();
  if (!*unit) return make_error(Errc::not_found, "no such unit");
  if (e.index != (*unit)->registry_length) return make_error(Errc::conflict, "another entry was stored at that index");
  const auto idx = static_cast<std::int64_t>(e.index);
  if (auto r = run(db, "INSERT INTO registry_entries (unit, idx, hash, bytes) VALUES ($1, $2, $3, $4)",
                   PgParams().add(ByteView(unit_id)).add(idx).add(ByteView(a.hash)).add(ByteView(a.encoded)));
      !r) {
    return r;
  }
  if (auto r = run(db, "UPDATE units SET registry_length = $1, registry_head = $2 WHERE id = $3",
                   PgParams().add(idx + 1).add(ByteView(a.hash)).add(ByteView(unit_id)));
      !r) {
    return r;
  }
  switch (e.kind) {
    case EntryKind::enrol:
    case EntryKind::recover: {
      auto r = run(db, "INSERT INTO unit_members (device, unit) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                   PgParams().add(ByteView(e.subject)).add(ByteView(unit_id)));
      if (!r) return r;
      for (const auto& c : a.device_copies) {
        if (auto k = upsert_key_copy(db, unit_id, c); !k) return k;
      }
      return {};
    }
    case EntryKind::rotate: {
      for (const auto& c : a.rotation_copies) {
        if (auto k = upsert_key_copy(db, unit_id, KeyCopyRecord{c.device, e.epoch, c.wrapped}); !k) return k;
        auto r = run(db, "INSERT INTO rotation_copies (unit, epoch, device, wrapped) VALUES ($1, $2, $3, $4)",
                     PgParams()
                         .add(ByteView(unit_id))
                         .add(static_cast<std::int64_t>(e.epoch))
                         .add(ByteView(c.device))
                         .add(ByteView(c.wrapped)));
        if (!r) return r;
      }
      return run(db, "UPDATE units SET current_epoch = $1 WHERE id = $2",
                 PgParams().add(static_cast<std::int64_t>(e.epoch)).add(ByteView(unit_id)));
    }
    case EntryKind::set_lease:
      return {};  // the devices keep their own lease; the server stores the entry only
    case EntryKind::set_recovery:
      // The recovery key's sealed copy of each existing epoch, kept under
      // its id, for the device a recovery enrols (routes_recovery.cpp).
      for (const auto& c : a.device_copies) {
        if (auto k = upsert_key_copy(db, unit_id, c); !k) return k;
      }
      return {};
    case EntryKind::change_role:
    case EntryKind::revoke:
      // How far the subject's chain reached here: change sets beyond it that
      // claim not to have seen this entry are refused (pg_push.cpp).
      return run(db,
                 "INSERT INTO authority_floors (unit, device, idx, head_seq) VALUES ($1, $2, $3, "
                 "COALESCE((SELECT seq FROM author_heads WHERE unit = $1 AND device = $2), 0)) "
                 "ON CONFLICT (unit, device, idx) DO UPDATE SET head_seq = excluded.head_seq",
                 PgParams().add(ByteView(unit_id)).add(ByteView(e.subject)).add(idx));
  }
  return {};
}

Result<void> PgStorage::append_registry(const UnitId& unit, const RegistryAppend& append) {
  return write([&](PgConn& db) -> Result<bool> {
    if (auto r = pg_store_registry_entry(db, unit, append); !r) return r.error();
    return true;
  });
}

Result<void> PgStorage::add_missing_copies(const UnitId& unit, const std::vector<KeyCopyRecord>& copies) {
  return write([&](PgConn& db) -> Result<bool> {
    for (const auto& c : copies) {
      auto r = run(db,
                   "INSERT INTO wrapped_keys (unit, device, epoch, wrapped) VALUES ($1, $2, $3, $4) "
                   "ON CONFLICT DO NOTHING",
                   PgParams().add(ByteView(unit)).add(ByteView(c.device)).add(static_cast<std::int64_t>(c.epoch)).add(
                       ByteView(c.wrapped)));
      if (!r) return r.error();
    }
    return true;
  });
}

Result<RegistryPage> PgStorage::registry_entries(const UnitId& unit, std::uint64_t after) {
  auto l = lease();
  if (!l) return l.error();
  PgConn& db = l->db();
  // The length and the entries from one snapshot.
  if (auto b = db.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); !b) return b.error();
  RegistryPage page;
  auto result = [&]() -> Result<void> {
    auto u = pg_load_unit(db, unit, false);
    if (!u) return u.error();
    if (!*u) return make_error(Errc::not_found, "no such unit");
    page.length = (*u)->registry_length;
    auto r = db.exec("SELECT bytes FROM registry_entries WHERE unit = $1 AND idx >= $2 ORDER BY idx",
                     PgParams().add(ByteView(unit)).add(static_cast<std::int64_t>(std::min<std::uint64_t>(after, INT64_MAX))));
    if (!r) return r.error();
    for (int i = 0; i < r->rows(); ++i) page.entries.push_back(r->blob(i, 0));
    return {};
  }();
  (void)db.exec("COMMIT");
  if (!result) return result.error();
  return page;
}

Result<std::vector<KeyCopyRecord>> PgStorage::rotation_copies(const UnitId& unit, std::uint32_t epoch) {
  auto l = lease();
  if (!l) return l.error();
  auto r = l->db().exec("SELECT device, wrapped FROM rotation_copies WHERE unit = $1 AND epoch = $2 ORDER BY device",
                        PgParams().add(ByteView(unit)).add(static_cast<std::int64_t>(epoch)));
  if (!r) return r.error();
  std::vector<KeyCopyRecord> out;
  for (int i = 0; i < r->rows(); ++i) out.push_back(KeyCopyRecord{to_array<16>(r->blob(i, 0)), epoch, r->blob(i, 1)});
  return out;
}

}  // namespace varn::server
