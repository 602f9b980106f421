// Control writes of the SQLite backend: units, enrolment, epoch keys. Each
// goes through the group committer and returns once durable.
#include "varn/server/sqlite_storage.hpp"

namespace varn::server {
namespace {

Result<std::optional<PendingEnrolment>> load_pending(SqliteDb& db, const char* where, auto bind_key,
                                                     std::int64_t not_before) {
  auto stmt = db.prepare(std::string("SELECT code, device, bundle, requested_at FROM pending_enrolments WHERE ") +
                         where + " AND requested_at >= ?");
  if (!stmt) return stmt.error();
  bind_key(*stmt);
  stmt->bind(2, not_before);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return std::optional<PendingEnrolment>{};
  return std::optional<PendingEnrolment>(
      PendingEnrolment{stmt->text(0), to_array<16>(stmt->blob(1)), stmt->blob(2), stmt->int64(3)});
}

Result<void> insert_device(SqliteDb& db, const DeviceRecord& d) {
  auto stmt = db.prepare("INSERT INTO devices (id, unit, bundle, role, status, last_seen) VALUES (?, ?, ?, ?, ?, ?)");
  if (!stmt) return stmt.error();
  stmt->bind(1, ByteView(d.id)).bind(2, ByteView(d.unit)).bind(3, ByteView(d.bundle));
  stmt->bind(4, std::string_view(d.role)).bind(5, std::string_view(d.status)).bind(6, d.last_seen);
  return stmt->run();
}

//! The issue-4 calls (approve, PUT keys) end once the unit keeps a registry.
Result<void> refuse_if_registry(SqliteDb& db, const UnitId& unit) {
  auto length = count_registry(db, unit);
  if (!length) return length.error();
  if (*length > 0) return make_error(Errc::locked, "this unit keeps a registry: post a registry entry instead");
  return {};
}

}  // namespace

Result<void> insert_key_copy(SqliteDb& db, const KeyCopyRecord& k) {
  auto stmt = db.prepare("INSERT OR REPLACE INTO wrapped_keys (device, epoch, wrapped) VALUES (?, ?, ?)");
  if (!stmt) return stmt.error();
  stmt->bind(1, ByteView(k.device)).bind(2, static_cast<std::int64_t>(k.epoch)).bind(3, ByteView(k.wrapped));
  return stmt->run();
}

Result<void> SqliteStorage::create_unit(const UnitId& unit, const std::string& label, const crypto::Hash32& code_hash) {
  return write([&](SqliteDb& db) -> Result<void> {
    auto u = db.prepare("INSERT INTO units (id, label) VALUES (?, ?)");
    if (!u) return u.error();
    u->bind(1, ByteView(unit)).bind(2, std::string_view(label));
    if (auto r = u->run(); !r) return r.error();
    auto c = db.prepare("INSERT INTO unit_codes (code_hash, unit) VALUES (?, ?)");
    if (!c) return c.error();
    c->bind(1, ByteView(code_hash)).bind(2, ByteView(unit));
    return c->run();
  });
}

Result<DeviceRecord> SqliteStorage::enrol_with_code(const crypto::Hash32& code_hash, const DeviceId& device,
                                                    const Bytes& bundle, std::int64_t now) {
  DeviceRecord record{device, {}, bundle, "admin", "active", now, 0, std::nullopt};
  auto written = write([&](SqliteDb& db) -> Result<void> {
    auto c = db.prepare("SELECT unit, used_by FROM unit_codes WHERE code_hash = ?");
    if (!c) return c.error();
    c->bind(1, ByteView(code_hash));
    auto row = c->step();
    if (!row) return row.error();
    if (!*row) return make_error(Errc::forbidden, "unknown or used code");
    record.unit = to_array<16>(c->blob(0));
    if (!c->is_null(1)) {
      // A retry by the device that spent the code answers as the first time did.
      if (c->blob(1) != Bytes(device.begin(), device.end())) return make_error(Errc::forbidden, "unknown or used code");
      auto existing = load_device(db, device);
      if (!existing) return existing.error();
      if (!*existing) return make_error(Errc::forbidden, "unknown or used code");
      record = **existing;
      return {};
    }
    auto known = load_device(db, device);
    if (!known) return known.error();
    if (*known) return make_error(Errc::conflict, "device already enrolled");
    auto use = db.prepare("UPDATE unit_codes SET used_by = ? WHERE code_hash = ?");
    if (!use) return use.error();
    use->bind(1, ByteView(device)).bind(2, ByteView(code_hash));
    if (auto r = use->run(); !r) return r.error();
    return insert_device(db, record);
  });
  if (!written) return written.error();
  return record;
}

Result<PendingEnrolment> SqliteStorage::request_enrolment(const DeviceId& device, const Bytes& bundle,
                                                          const std::string& code, std::int64_t now,
                                                          std::int64_t not_before) {
  PendingEnrolment out{code, device, bundle, now};
  auto written = write([&](SqliteDb& db) -> Result<void> {
    auto live = load_pending(db, "device = ?", [&](SqliteStmt& s) { s.bind(1, ByteView(device)); }, not_before);
    if (!live) return live.error();
    if (*live) {
      out = **live;
      return {};
    }
    auto drop = db.prepare("DELETE FROM pending_enrolments WHERE device = ? OR requested_at < ?");
    if (!drop) return drop.error();
    drop->bind(1, ByteView(device)).bind(2, not_before);
    if (auto r = drop->run(); !r) return r.error();
    auto ins = db.prepare("INSERT INTO pending_enrolments (code, device, bundle, requested_at) VALUES (?, ?, ?, ?)");
    if (!ins) return ins.error();
    ins->bind(1, std::string_view(code)).bind(2, ByteView(device)).bind(3, ByteView(bundle)).bind(4, now);
    return ins->run();
  });
  if (!written) return written.error();
  return out;
}

Result<std::optional<PendingEnrolment>> SqliteStorage::find_pending_by_code(const std::string& code,
                                                                            std::int64_t not_before) {
  auto r = reader();
  if (!r) return r.error();
  return load_pending(r->db(), "code = ?", [&](SqliteStmt& s) { s.bind(1, std::string_view(code)); }, not_before);
}

Result<std::optional<PendingEnrolment>> SqliteStorage::find_pending_by_device(const DeviceId& device,
                                                                              std::int64_t not_before) {
  auto r = reader();
  if (!r) return r.error();
  return load_pending(r->db(), "device = ?", [&](SqliteStmt& s) { s.bind(1, ByteView(device)); }, not_before);
}

Result<DeviceRecord> SqliteStorage::approve_enrolment(const UnitId& unit, const std::string& code,
                                                      const std::string& role, const std::vector<KeyCopyRecord>& keys,
                                                      std::int64_t now, std::int64_t not_before) {
  DeviceRecord record{{}, unit, {}, role, "active", now, 0, std::nullopt};
  auto written = write([&](SqliteDb& db) -> Result<void> {
    auto pending = load_pending(db, "code = ?", [&](SqliteStmt& s) { s.bind(1, std::string_view(code)); }, not_before);
    if (!pending) return pending.error();
    if (!*pending) return make_error(Errc::not_found, "no such enrolment request");
    record.id = (*pending)->device;
    record.bundle = (*pending)->bundle;
    if (auto r = refuse_if_registry(db, unit); !r) return r;
    auto u = load_unit(db, unit);
    if (!u) return u.error();
    for (const auto& k : keys) {
      if (k.epoch == 0 || !*u || k.epoch > (*u)->current_epoch) {
        return make_error(Errc::invalid_argument, "a key copy names an epoch the unit does not have");
      }
    }
    auto drop = db.prepare("DELETE FROM pending_enrolments WHERE code = ?");
    if (!drop) return drop.error();
    drop->bind(1, std::string_view(code));
    if (auto r = drop->run(); !r) return r.error();
    if (auto r = insert_device(db, record); !r) return r.error();
    for (const auto& k : keys) {
      if (auto r = insert_key_copy(db, KeyCopyRecord{record.id, k.epoch, k.wrapped}); !r) return r.error();
    }
    return {};
  });
  if (!written) return written.error();
  return record;
}

Result<void> SqliteStorage::put_epoch_keys(const UnitId& unit, std::uint32_t epoch,
                                           const std::vector<KeyCopyRecord>& copies) {
  return write([&](SqliteDb& db) -> Result<void> {
    auto u = load_unit(db, unit);
    if (!u) return u.error();
    if (!*u) return make_error(Errc::not_found, "unknown unit");
    if (auto r = refuse_if_registry(db, unit); !r) return r;
    if (epoch != (*u)->current_epoch + 1) return make_error(Errc::conflict, "epoch must be current + 1");
    for (const auto& c : copies) {
      auto d = load_device(db, c.device);
      if (!d) return d.error();
      if (!*d || (*d)->unit != unit || (*d)->status != "active") {
        return make_error(Errc::invalid_argument, "a key copy names a device that is not an active member");
      }
      if (auto r = insert_key_copy(db, KeyCopyRecord{c.device, epoch, c.wrapped}); !r) return r.error();
      // Kept as the epoch's set too, so GET .../keys/{epoch}/copies answers for issue-4 units.
      auto set = db.prepare("INSERT OR REPLACE INTO rotation_copies (unit, epoch, device, wrapped) VALUES (?, ?, ?, ?)");
      if (!set) return set.error();
      set->bind(1, ByteView(unit)).bind(2, static_cast<std::int64_t>(epoch)).bind(3, ByteView(c.device));
      set->bind(4, ByteView(c.wrapped));
      if (auto r = set->run(); !r) return r.error();
    }
    auto set = db.prepare("UPDATE units SET current_epoch = ? WHERE id = ?");
    if (!set) return set.error();
    set->bind(1, static_cast<std::int64_t>(epoch)).bind(2, ByteView(unit));
    return set->run();
  });
}

Result<void> SqliteStorage::touch_device(const DeviceId& device, std::int64_t now) {
  return write([&](SqliteDb& db) -> Result<void> {
    auto stmt = db.prepare("UPDATE devices SET last_seen = ? WHERE id = ?");
    if (!stmt) return stmt.error();
    stmt->bind(1, now).bind(2, ByteView(device));
    return stmt->run();
  });
}

}  // namespace varn::server
