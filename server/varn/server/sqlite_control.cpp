// Control writes and reads of the SQLite backend: units and their codes,
// pending enrolments, key copies, device activity. Writes go through the
// group committer and return once durable.
#include "varn/server/sqlite_storage.hpp"

namespace varn::server {
namespace {

constexpr const char* kPendingColumns = "SELECT code, device, bundle, requested_at, unit_hint FROM pending_enrolments ";

PendingEnrolment pending_row(SqliteStmt& stmt) {
  return PendingEnrolment{stmt.text(0), to_array<16>(stmt.blob(1)), stmt.blob(2), stmt.int64(3), stmt.text(4)};
}

Result<std::optional<PendingEnrolment>> load_pending(SqliteDb& db, const char* where, auto bind_key,
                                                     std::int64_t not_before) {
  auto stmt = db.prepare(std::string(kPendingColumns) + "WHERE " + where + " AND requested_at >= ?");
  if (!stmt) return stmt.error();
  bind_key(*stmt);
  stmt->bind(2, not_before);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return std::optional<PendingEnrolment>{};
  return std::optional<PendingEnrolment>(pending_row(*stmt));
}

}  // namespace

Result<void> insert_key_copy(SqliteDb& db, const UnitId& unit, const KeyCopyRecord& k) {
  auto stmt = db.prepare("INSERT OR REPLACE INTO wrapped_keys (unit, device, epoch, wrapped) VALUES (?, ?, ?, ?)");
  if (!stmt) return stmt.error();
  stmt->bind(1, ByteView(unit)).bind(2, ByteView(k.device)).bind(3, static_cast<std::int64_t>(k.epoch));
  stmt->bind(4, ByteView(k.wrapped));
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

Result<UnitId> SqliteStorage::spend_unit_code(const crypto::Hash32& code_hash, const DeviceId& device,
                                              const Bytes& bundle) {
  UnitId unit{};
  auto written = write([&](SqliteDb& db) -> Result<void> {
    auto c = db.prepare("SELECT unit, used_by FROM unit_codes WHERE code_hash = ?");
    if (!c) return c.error();
    c->bind(1, ByteView(code_hash));
    auto row = c->step();
    if (!row) return row.error();
    if (!*row) return make_error(Errc::forbidden, "unknown or used code");
    unit = to_array<16>(c->blob(0));
    if (!c->is_null(1)) {
      // A retry by the device that spent the code answers as the first time did.
      if (c->blob(1) != Bytes(device.begin(), device.end())) return make_error(Errc::forbidden, "unknown or used code");
      return {};
    }
    auto use = db.prepare("UPDATE unit_codes SET used_by = ?, used_by_bundle = ? WHERE code_hash = ?");
    if (!use) return use.error();
    use->bind(1, ByteView(device)).bind(2, ByteView(bundle)).bind(3, ByteView(code_hash));
    if (auto r = use->run(); !r) return r.error();
    auto member = db.prepare("INSERT OR IGNORE INTO unit_members (device, unit) VALUES (?, ?)");
    if (!member) return member.error();
    member->bind(1, ByteView(device)).bind(2, ByteView(unit));
    return member->run();
  });
  if (!written) return written.error();
  return unit;
}

Result<std::optional<CodeOwner>> SqliteStorage::code_owner(const UnitId& unit) {
  auto r = reader();
  if (!r) return r.error();
  auto stmt = r->db().prepare("SELECT used_by, used_by_bundle FROM unit_codes WHERE unit = ? AND used_by IS NOT NULL");
  if (!stmt) return stmt.error();
  stmt->bind(1, ByteView(unit));
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return std::optional<CodeOwner>{};
  return std::optional<CodeOwner>(CodeOwner{to_array<16>(stmt->blob(0)), stmt->blob(1)});
}

Result<std::vector<UnitId>> SqliteStorage::units_of(const DeviceId& device) {
  auto r = reader();
  if (!r) return r.error();
  auto stmt = r->db().prepare("SELECT unit FROM unit_members WHERE device = ? ORDER BY unit");
  if (!stmt) return stmt.error();
  stmt->bind(1, ByteView(device));
  std::vector<UnitId> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back(to_array<16>(stmt->blob(0)));
  }
}

Result<PendingEnrolment> SqliteStorage::request_enrolment(const DeviceId& device, const Bytes& bundle,
                                                          const std::string& code, const std::string& unit_hint,
                                                          std::int64_t now,
                                                          std::int64_t not_before, const std::string& peer,
                                                          std::size_t max_total, std::size_t max_from_peer) {
  PendingEnrolment out{code, device, bundle, now, unit_hint};
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
    // A request whose device some registry already names is answered, not waiting.
    auto counts = db.prepare(
        "SELECT count(*), coalesce(sum(peer = ?), 0) FROM pending_enrolments "
        "WHERE device NOT IN (SELECT device FROM unit_members)");
    if (!counts) return counts.error();
    counts->bind(1, std::string_view(peer));
    auto row = counts->step();
    if (!row) return row.error();
    if (static_cast<std::size_t>(counts->int64(0)) >= max_total) {
      return make_error(Errc::unavailable, "too many enrolment requests are waiting");
    }
    if (static_cast<std::size_t>(counts->int64(1)) >= max_from_peer) {
      return make_error(Errc::forbidden, "too many enrolment requests from this address are waiting");
    }
    auto ins = db.prepare(
        "INSERT INTO pending_enrolments (code, device, bundle, requested_at, peer, unit_hint) VALUES (?, ?, ?, ?, ?, ?)");
    if (!ins) return ins.error();
    ins->bind(1, std::string_view(code)).bind(2, ByteView(device)).bind(3, ByteView(bundle)).bind(4, now);
    ins->bind(5, std::string_view(peer)).bind(6, std::string_view(unit_hint));
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

Result<std::vector<PendingEnrolment>> SqliteStorage::pending_for_unit(const UnitId& unit, std::int64_t not_before,
                                                                      std::size_t limit) {
  auto r = reader();
  if (!r) return r.error();
  auto stmt = r->db().prepare(std::string(kPendingColumns) +
                              "WHERE unit_hint <> '' AND substr(?, 1, length(unit_hint)) = unit_hint "
                              "AND requested_at >= ? AND device NOT IN (SELECT device FROM unit_members WHERE unit = ?) "
                              "ORDER BY requested_at DESC, code LIMIT ?");
  if (!stmt) return stmt.error();
  const std::string unit_hex = to_hex(unit);
  stmt->bind(1, std::string_view(unit_hex)).bind(2, not_before).bind(3, ByteView(unit));
  stmt->bind(4, static_cast<std::int64_t>(limit));
  std::vector<PendingEnrolment> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back(pending_row(*stmt));
  }
}

Result<std::vector<KeyCopyRecord>> SqliteStorage::keys_for(const UnitId& unit, const DeviceId& device) {
  auto r = reader();
  if (!r) return r.error();
  auto stmt = r->db().prepare("SELECT epoch, wrapped FROM wrapped_keys WHERE unit = ? AND device = ? ORDER BY epoch");
  if (!stmt) return stmt.error();
  stmt->bind(1, ByteView(unit)).bind(2, ByteView(device));
  std::vector<KeyCopyRecord> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back(KeyCopyRecord{device, static_cast<std::uint32_t>(stmt->int64(0)), stmt->blob(1)});
  }
}

Result<void> SqliteStorage::touch_device(const DeviceId& device, std::int64_t now) {
  return write([&](SqliteDb& db) -> Result<void> {
    auto stmt = db.prepare(
        "INSERT INTO device_activity (device, last_seen) VALUES (?1, ?2) "
        "ON CONFLICT(device) DO UPDATE SET last_seen = ?2");
    if (!stmt) return stmt.error();
    stmt->bind(1, ByteView(device)).bind(2, now);
    return stmt->run();
  });
}

Result<DeviceActivity> SqliteStorage::activity(const DeviceId& device) {
  auto r = reader();
  if (!r) return r.error();
  auto stmt = r->db().prepare("SELECT last_seen, wiped_at FROM device_activity WHERE device = ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, ByteView(device));
  auto row = stmt->step();
  if (!row) return row.error();
  DeviceActivity out;
  if (*row) {
    out.last_seen = stmt->int64(0);
    if (!stmt->is_null(1)) out.wiped_at = stmt->int64(1);
  }
  return out;
}

Result<std::int64_t> SqliteStorage::record_wipe(const DeviceId& device, std::int64_t wiped_at) {
  std::int64_t recorded = wiped_at;
  auto written = write([&](SqliteDb& db) -> Result<void> {
    auto stmt = db.prepare(
        "INSERT INTO device_activity (device, last_seen, wiped_at) VALUES (?1, 0, ?2) "
        "ON CONFLICT(device) DO UPDATE SET wiped_at = coalesce(wiped_at, ?2)");
    if (!stmt) return stmt.error();
    stmt->bind(1, ByteView(device)).bind(2, wiped_at);
    if (auto r = stmt->run(); !r) return r;
    auto read = db.prepare("SELECT wiped_at FROM device_activity WHERE device = ?");
    if (!read) return read.error();
    read->bind(1, ByteView(device));
    auto row = read->step();
    if (!row) return row.error();
    if (*row) recorded = read->int64(0);
    return {};
  });
  if (!written) return written.error();
  return recorded;
}

}  // namespace varn::server
