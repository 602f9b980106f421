// The registry in the SQLite backend: an entry is checked against what is
// stored (chain head, admins, pending requests, active devices) and applied
// to the device and key tables in the same savepoint, so the server's view of
// who may do what never drifts from the signed registry it serves.
#include <algorithm>
#include <set>

#include "varn/server/sqlite_storage.hpp"

namespace varn::server {
namespace {

using registry::EntryKind;
using Refused = std::optional<RegistryRefusal>;

Refused refuse(unsigned status, std::string code, std::string message) {
  return RegistryRefusal{status, std::move(code), std::move(message)};
}

Result<std::optional<Bytes>> last_entry_hash(SqliteDb& db, const UnitId& unit) {
  auto stmt = db.prepare("SELECT hash FROM registry_entries WHERE unit = ? ORDER BY idx DESC LIMIT 1");
  if (!stmt) return stmt.error();
  stmt->bind(1, ByteView(unit));
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return std::optional<Bytes>{};
  return std::optional<Bytes>(stmt->blob(0));
}

Result<std::optional<Bytes>> code_enrolled_device(SqliteDb& db, const UnitId& unit) {
  auto stmt = db.prepare("SELECT used_by FROM unit_codes WHERE unit = ? AND used_by IS NOT NULL");
  if (!stmt) return stmt.error();
  stmt->bind(1, ByteView(unit));
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return std::optional<Bytes>{};
  return std::optional<Bytes>(stmt->blob(0));
}

Result<std::set<DeviceId>> active_devices(SqliteDb& db, const UnitId& unit) {
  auto stmt = db.prepare("SELECT id FROM devices WHERE unit = ? AND status = 'active'");
  if (!stmt) return stmt.error();
  stmt->bind(1, ByteView(unit));
  std::set<DeviceId> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.insert(to_array<16>(stmt->blob(0)));
  }
}

bool is_active_in(const std::optional<DeviceRecord>& d, const UnitId& unit) {
  return d && d->unit == unit && d->status == "active";
}

Result<void> run(SqliteDb& db, const char* sql, const std::function<void(SqliteStmt&)>& bind) {
  auto stmt = db.prepare(sql);
  if (!stmt) return stmt.error();
  bind(*stmt);
  return stmt->run();
}

//! Enrol copies: one per existing epoch, all for the subject. An epoch of 0
//! means "by position" (the client lists epochs 1, 2, ... in order).
Result<Refused> store_enrol_copies(SqliteDb& db, const UnitRecord& unit, const RegistryPost& post) {
  const auto& subject = post.entry.subject;
  if (post.copies.size() != unit.current_epoch) {
    return refuse(400, "malformed", "an enrol entry carries one key copy per existing epoch");
  }
  std::set<std::uint32_t> epochs;
  for (std::size_t i = 0; i < post.copies.size(); ++i) {
    const auto& c = post.copies[i];
    const auto epoch = c.epoch != 0 ? c.epoch : static_cast<std::uint32_t>(i + 1);
    if (c.device != subject || epoch > unit.current_epoch || !epochs.insert(epoch).second) {
      return refuse(400, "malformed", "enrol copies must be the subject's, one for each existing epoch");
    }
  }
  for (std::size_t i = 0; i < post.copies.size(); ++i) {
    const auto& c = post.copies[i];
    const auto epoch = c.epoch != 0 ? c.epoch : static_cast<std::uint32_t>(i + 1);
    if (auto r = insert_key_copy(db, KeyCopyRecord{subject, epoch, c.wrapped}); !r) return r.error();
  }
  return Refused{};
}

Result<Refused> apply_genesis(SqliteDb& db, const UnitRecord& unit, const RegistryPost& post) {
  const auto& e = post.entry;
  auto owner = code_enrolled_device(db, unit.id);
  if (!owner) return owner.error();
  auto admin = load_device(db, e.signer);
  if (!admin) return admin.error();
  const bool self_enrol = e.kind == EntryKind::enrol && e.role == registry::Role::admin && e.subject == e.signer;
  if (!self_enrol || !*owner || **owner != Bytes(e.signer.begin(), e.signer.end()) || !*admin ||
      (*admin)->bundle != e.bundle.encode()) {
    return refuse(403, "forbidden", "entry 0 is the device that used the unit code, enrolling itself as admin");
  }
  return store_enrol_copies(db, unit, post);
}

Result<Refused> apply_enrol(SqliteDb& db, const UnitRecord& unit, const RegistryPost& post) {
  const auto& e = post.entry;
  auto existing = load_device(db, e.subject);
  if (!existing) return existing.error();
  if (*existing) return refuse(409, "conflict", "the subject is already enrolled");
  auto pending = db.prepare("SELECT bundle FROM pending_enrolments WHERE device = ? AND requested_at >= ?");
  if (!pending) return pending.error();
  pending->bind(1, ByteView(e.subject)).bind(2, post.not_before);
  auto row = pending->step();
  if (!row) return row.error();
  if (!*row) return refuse(409, "conflict", "the subject has no live enrolment request");
  const Bytes bundle = pending->blob(0);
  if (bundle != e.bundle.encode() || e.bundle.device_id() != e.subject) {
    return refuse(400, "malformed", "the entry's bundle differs from the enrolment request");
  }
  auto copies = store_enrol_copies(db, unit, post);
  if (!copies || *copies) return copies;
  if (auto r = run(db, "DELETE FROM pending_enrolments WHERE device = ?",
                   [&](SqliteStmt& s) { s.bind(1, ByteView(e.subject)); });
      !r) {
    return r.error();
  }
  auto insert = run(db,
                    "INSERT INTO devices (id, unit, bundle, role, status, last_seen) VALUES (?, ?, ?, ?, 'active', ?)",
                    [&](SqliteStmt& s) {
                      s.bind(1, ByteView(e.subject)).bind(2, ByteView(unit.id)).bind(3, ByteView(bundle));
                      s.bind(4, std::string_view(registry::to_string(e.role))).bind(5, post.now);
                    });
  if (!insert) return insert.error();
  return Refused{};
}

Result<Refused> apply_role_or_revoke(SqliteDb& db, const UnitRecord& unit, const RegistryPost& post) {
  const auto& e = post.entry;
  auto subject = load_device(db, e.subject);
  if (!subject) return subject.error();
  if (!is_active_in(*subject, unit.id)) return refuse(409, "conflict", "the subject is not an active device of this unit");
  if (e.kind == EntryKind::change_role) {
    auto r = run(db, "UPDATE devices SET role = ? WHERE id = ?", [&](SqliteStmt& s) {
      s.bind(1, std::string_view(registry::to_string(e.role))).bind(2, ByteView(e.subject));
    });
    if (!r) return r.error();
    return Refused{};
  }
  // Remember how far its chain reached: only those change sets may come back in a re-push.
  auto r = run(db,
               "UPDATE devices SET status = 'revoked', "
               "revoked_seq = COALESCE((SELECT seq FROM author_heads WHERE device = ?1), 0) WHERE id = ?1",
               [&](SqliteStmt& s) { s.bind(1, ByteView(e.subject)); });
  if (!r) return r.error();
  return Refused{};
}

Result<Refused> apply_rotate(SqliteDb& db, const UnitRecord& unit, const RegistryPost& post) {
  const auto& e = post.entry;
  if (e.epoch != unit.current_epoch + 1) return refuse(409, "epoch", "the epoch must be the current epoch + 1");
  auto active = active_devices(db, unit.id);
  if (!active) return active.error();
  std::set<DeviceId> named;
  std::vector<registry::KeyCopy> hashed;
  for (const auto& c : post.copies) {
    named.insert(c.device);
    hashed.push_back({c.device, c.wrapped});
  }
  if (named.size() != post.copies.size() || named != *active) {
    return refuse(400, "key_set", "the copies must name exactly the active devices, once each");
  }
  if (registry::key_set_hash(e.epoch, hashed) != e.key_set) {
    return refuse(400, "key_set", "the copies differ from the key set the entry signs");
  }
  for (const auto& c : post.copies) {
    if (auto r = insert_key_copy(db, KeyCopyRecord{c.device, e.epoch, c.wrapped}); !r) return r.error();
    auto r = run(db, "INSERT INTO rotation_copies (unit, epoch, device, wrapped) VALUES (?, ?, ?, ?)",
                 [&](SqliteStmt& s) {
                   s.bind(1, ByteView(unit.id)).bind(2, static_cast<std::int64_t>(e.epoch));
                   s.bind(3, ByteView(c.device)).bind(4, ByteView(c.wrapped));
                 });
    if (!r) return r.error();
  }
  auto r = run(db, "UPDATE units SET current_epoch = ? WHERE id = ?", [&](SqliteStmt& s) {
    s.bind(1, static_cast<std::int64_t>(e.epoch)).bind(2, ByteView(unit.id));
  });
  if (!r) return r.error();
  return Refused{};
}

}  // namespace

Result<Refused> apply_registry_entry(SqliteDb& db, const UnitId& unit_id, const RegistryPost& post) {
  const auto& e = post.entry;
  auto unit = load_unit(db, unit_id);
  if (!unit) return unit.error();
  if (!*unit) return refuse(404, "not_found", "no such unit");
  auto last = last_entry_hash(db, unit_id);
  if (!last) return last.error();
  const Bytes expected_prev = *last ? **last : Bytes(32, 0);
  if (e.index != (*unit)->registry_length || Bytes(e.prev.begin(), e.prev.end()) != expected_prev) {
    return refuse(409, "registry_head", "the entry does not follow the registry's last entry");
  }
  // The caller was an active admin when the request came in; check again in
  // the transaction, since a revoke may have committed in between.
  auto signer = load_device(db, e.signer);
  if (!signer) return signer.error();
  if (!is_active_in(*signer, unit_id) || (*signer)->role != "admin") {
    return refuse(403, "forbidden", "the signer is not an active admin of this unit");
  }
  if (e.kind != EntryKind::enrol && e.kind != EntryKind::rotate && !post.copies.empty()) {
    return refuse(400, "malformed", "only enrol and rotate entries carry key copies");
  }
  Result<Refused> applied = Refused{};
  if (e.index == 0) {
    applied = apply_genesis(db, **unit, post);
  } else if (e.kind == EntryKind::enrol) {
    applied = apply_enrol(db, **unit, post);
  } else if (e.kind == EntryKind::rotate) {
    applied = apply_rotate(db, **unit, post);
  } else {
    applied = apply_role_or_revoke(db, **unit, post);
  }
  if (!applied || *applied) return applied;
  auto r = run(db, "INSERT INTO registry_entries (unit, idx, hash, bytes) VALUES (?, ?, ?, ?)", [&](SqliteStmt& s) {
    s.bind(1, ByteView(unit_id)).bind(2, static_cast<std::int64_t>(e.index));
    s.bind(3, ByteView(post.hash)).bind(4, ByteView(post.encoded));
  });
  if (!r) return r.error();
  return Refused{};
}

Result<Refused> SqliteStorage::append_registry(const UnitId& unit, const RegistryPost& post) {
  Result<Refused> outcome = Refused{};
  auto committed = writer_->run([&](SqliteDb& db) {
    outcome = apply_registry_entry(db, unit, post);
    return outcome.ok() && !*outcome;  // a refusal rolls back this entry's savepoint
  });
  if (!outcome) return outcome.error();
  if (*outcome) return outcome;
  if (!committed) return committed.error();
  return outcome;
}

Result<RegistryPage> SqliteStorage::registry_entries(const UnitId& unit, std::uint64_t after) {
  auto r = reader();
  if (!r) return r.error();
  SqliteDb& db = r->db();
  if (auto b = db.exec("BEGIN"); !b) return b.error();  // the length and the entries from one snapshot
  RegistryPage page;
  auto result = [&]() -> Result<void> {
    auto length = count_registry(db, unit);
    if (!length) return length.error();
    page.length = *length;
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

Result<std::int64_t> SqliteStorage::record_wipe(const DeviceId& device, std::int64_t wiped_at) {
  std::int64_t recorded = wiped_at;
  auto written = write([&](SqliteDb& db) -> Result<void> {
    auto d = load_device(db, device);
    if (!d) return d.error();
    if (!*d) return make_error(Errc::not_found, "unknown device");
    if ((*d)->status != "revoked") return make_error(Errc::forbidden, "only a revoked device confirms a wipe");
    if ((*d)->wiped_at) {
      recorded = *(*d)->wiped_at;
      return {};
    }
    return run(db, "UPDATE devices SET wiped_at = ? WHERE id = ?",
               [&](SqliteStmt& s) { s.bind(1, wiped_at).bind(2, ByteView(device)); });
  });
  if (!written) return written.error();
  return recorded;
}

}  // namespace varn::server
