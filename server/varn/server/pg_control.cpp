// Control writes and reads of the PostgreSQL backend: units and their codes,
// pending enrolments, key copies, device activity. Each write is one
// transaction, answered once committed.
#include "varn/server/pg_storage.hpp"
#include "varn/server/sqlite_db.hpp"

namespace varn::server {
namespace {

// Serialises enrolment requests across processes, so that two at once
// cannot both pass the caps (the SQLite backend has one writer for that).
constexpr std::int64_t kEnrolmentLock = 0x7661726e00000002;  // "varn" 2

constexpr const char* kPendingColumns = "SELECT code, device, bundle, requested_at, unit_hint FROM pending_enrolments ";

PendingEnrolment pending_row(const PgResult& r, int row) {
  return PendingEnrolment{r.text(row, 0), to_array<16>(r.blob(row, 1)), r.blob(row, 2), r.int64(row, 3),
                          r.text(row, 4)};
}

Result<std::optional<PendingEnrolment>> load_pending(PgConn& db, const char* where, const PgParams& params) {
  auto r = db.exec((std::string(kPendingColumns) + "WHERE " + where).c_str(), params);
  if (!r) return r.error();
  if (r->rows() == 0) return std::optional<PendingEnrolment>{};
  return std::optional<PendingEnrolment>(pending_row(*r, 0));
}

}  // namespace

Result<void> PgStorage::create_unit(const UnitId& unit, const std::string& label, const crypto::Hash32& code_hash) {
  return write([&](PgConn& db) -> Result<bool> {
    if (auto u = db.exec("INSERT INTO units (id, label) VALUES ($1, $2)",
                         PgParams().add(ByteView(unit)).add(std::string_view(label)));
        !u) {
      return u.error();
    }
    if (auto c = db.exec("INSERT INTO unit_codes (code_hash, unit) VALUES ($1, $2)",
                         PgParams().add(ByteView(code_hash)).add(ByteView(unit)));
        !c) {
      return c.error();
    }
    return true;
  });
}

Result<UnitId> PgStorage::spend_unit_code(const crypto::Hash32& code_hash, const DeviceId& device,
                                          const Bytes& bundle) {
  UnitId unit{};
  auto written = write([&](PgConn& db) -> Result<bool> {
    auto c = db.exec("SELECT unit, used_by FROM unit_codes WHERE code_hash = $1 FOR UPDATE",
                     PgParams().add(ByteView(code_hash)));
    if (!c) return c.error();
    if (c->rows() == 0) return make_error(Errc::forbidden, "unknown or used code");
    unit = to_array<16>(c->blob(0, 0));
    if (!c->is_null(0, 1)) {
      // A retry by the device that spent the code answers as the first time did.
      if (c->blob(0, 1) != Bytes(device.begin(), device.end())) return make_error(Errc::forbidden, "unknown or used code");
      return false;
    }
    if (auto u = db.exec("UPDATE unit_codes SET used_by = $1, used_by_bundle = $2 WHERE code_hash = $3",
                         PgParams().add(ByteView(device)).add(ByteView(bundle)).add(ByteView(code_hash)));
        !u) {
      return u.error();
    }
    if (auto m = db.exec("INSERT INTO unit_members (device, unit) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                         PgParams().add(ByteView(device)).add(ByteView(unit)));
        !m) {
      return m.error();
    }
    return true;
  });
  if (!written) return written.error();
  return unit;
}

Result<std::optional<CodeOwner>> PgStorage::code_owner(const UnitId& unit) {
  auto l = lease();
  if (!l) return l.error();
  auto r = l->db().exec("SELECT used_by, used_by_bundle FROM unit_codes WHERE unit = $1 AND used_by IS NOT NULL",
                        PgParams().add(ByteView(unit)));
  if (!r) return r.error();
  if (r->rows() == 0) return std::optional<CodeOwner>{};
  return std::optional<CodeOwner>(CodeOwner{to_array<16>(r->blob(0, 0)), r->blob(0, 1)});
}

Result<std::vector<UnitId>> PgStorage::units_of(const DeviceId& device) {
  auto l = lease();
  if (!l) return l.error();
  auto r = l->db().exec("SELECT unit FROM unit_members WHERE device = $1 ORDER BY unit", PgParams().add(ByteView(device)));
  if (!r) return r.error();
  std::vector<UnitId> out;
  for (int i = 0; i < r->rows(); ++i) out.push_back(to_array<16>(r->blob(i, 0)));
  return out;
}

Result<PendingEnrolment> PgStorage::request_enrolment(const DeviceId& device, const Bytes& bundle,
                                                      const std::string& code, const std::string& unit_hint,
                                                      std::int64_t now,
                                                      std::int64_t not_before, const std::string& peer,
                                                      std::size_t max_total, std::size_t max_from_peer) {
  PendingEnrolment out{code, device, bundle, now, unit_hint};
  auto written = write([&](PgConn& db) -> Result<bool> {
    out = PendingEnrolment{code, device, bundle, now, unit_hint};
    if (auto l = db.exec("SELECT pg_advisory_xact_lock($1)", PgParams().add(kEnrolmentLock)); !l) return l.error();
    auto live = load_pending(db, "device = $1 AND requested_at >= $2", PgParams().add(ByteView(device)).add(not_before));
    if (!live) return live.error();
    if (*live) {
      out = **live;
      return false;
    }
    if (auto d = db.exec("DELETE FROM pending_enrolments WHERE device = $1 OR requested_at < $2",
                         PgParams().add(ByteView(device)).add(not_before));
        !d) {
      return d.error();
    }
    // A request whose device some registry already names is answered, not waiting.
    auto counts = db.exec(
        "SELECT count(*)::int8, count(*) FILTER (WHERE peer = $1)::int8 FROM pending_enrolments "
        "WHERE device NOT IN (SELECT device FROM unit_members)",
        PgParams().add(std::string_view(peer)));
    if (!counts) return counts.error();
    if (static_cast<std::size_t>(counts->int64(0, 0)) >= max_total) {
      return make_error(Errc::unavailable, "too many enrolment requests are waiting");
    }
    if (static_cast<std::size_t>(counts->int64(0, 1)) >= max_from_peer) {
      return make_error(Errc::forbidden, "too many enrolment requests from this address are waiting");
    }
    if (auto i = db.exec(
            "INSERT INTO pending_enrolments (code, device, bundle, requested_at, peer, unit_hint) "
            "VALUES ($1, $2, $3, $4, $5, $6)",
            PgParams().add(std::string_view(code)).add(ByteView(device)).add(ByteView(bundle)).add(now).add(
                std::string_view(peer)).add(std::string_view(unit_hint)));
        !i) {
      return i.error();
    }
    return true;
  });
  if (!written) return written.error();
  return out;
}

Result<std::optional<PendingEnrolment>> PgStorage::find_pending_by_code(const std::string& code,
                                                                        std::int64_t not_before) {
  auto l = lease();
  if (!l) return l.error();
  return load_pending(l->db(), "code = $1 AND requested_at >= $2",
                      PgParams().add(std::string_view(code)).add(not_before));
}

Result<std::optional<PendingEnrolment>> PgStorage::find_pending_by_device(const DeviceId& device,
                                                                          std::int64_t not_before) {
  auto l = lease();
  if (!l) return l.error();
  return load_pending(l->db(), "device = $1 AND requested_at >= $2",
                      PgParams().add(ByteView(device)).add(not_before));
}

Result<std::vector<PendingEnrolment>> PgStorage::pending_for_unit(const UnitId& unit, std::int64_t not_before,
                                                                  std::size_t limit) {
  auto l = lease();
  if (!l) return l.error();
  const std::string unit_hex = to_hex(unit);
  auto r = l->db().exec((std::string(kPendingColumns) +
                         "WHERE unit_hint <> '' AND left($1, length(unit_hint)) = unit_hint AND requested_at >= $2 "
                         "AND device NOT IN (SELECT device FROM unit_members WHERE unit = $3) "
                         "ORDER BY requested_at DESC, code LIMIT $4")
                            .c_str(),
                        PgParams().add(std::string_view(unit_hex)).add(not_before).add(ByteView(unit)).add(
                            static_cast<std::int64_t>(limit)));
  if (!r) return r.error();
  std::vector<PendingEnrolment> out;
  for (int i = 0; i < r->rows(); ++i) out.push_back(pending_row(*r, i));
  return out;
}

Result<std::vector<KeyCopyRecord>> PgStorage::keys_for(const UnitId& unit, const DeviceId& device) {
  auto l = lease();
  if (!l) return l.error();
  auto r = l->db().exec("SELECT epoch, wrapped FROM wrapped_keys WHERE unit = $1 AND device = $2 ORDER BY epoch",
                        PgParams().add(ByteView(unit)).add(ByteView(device)));
  if (!r) return r.error();
  std::vector<KeyCopyRecord> out;
  for (int i = 0; i < r->rows(); ++i) {
    out.push_back(KeyCopyRecord{device, static_cast<std::uint32_t>(r->int64(i, 0)), r->blob(i, 1)});
  }
  return out;
}

Result<void> PgStorage::touch_device(const DeviceId& device, std::int64_t now) {
  return write([&](PgConn& db) -> Result<bool> {
    auto r = db.exec(
        "INSERT INTO device_activity (device, last_seen) VALUES ($1, $2) "
        "ON CONFLICT (device) DO UPDATE SET last_seen = excluded.last_seen",
        PgParams().add(ByteView(device)).add(now));
    if (!r) return r.error();
    return true;
  });
}

Result<DeviceActivity> PgStorage::activity(const DeviceId& device) {
  auto l = lease();
  if (!l) return l.error();
  auto r = l->db().exec("SELECT last_seen, wiped_at FROM device_activity WHERE device = $1",
                        PgParams().add(ByteView(device)));
  if (!r) return r.error();
  DeviceActivity out;
  if (r->rows() > 0) {
    out.last_seen = r->int64(0, 0);
    if (!r->is_null(0, 1)) out.wiped_at = r->int64(0, 1);
  }
  return out;
}

Result<std::int64_t> PgStorage::record_wipe(const DeviceId& device, std::int64_t wiped_at) {
  std::int64_t recorded = wiped_at;
  auto written = write([&](PgConn& db) -> Result<bool> {
    auto r = db.exec(
        "INSERT INTO device_activity (device, last_seen, wiped_at) VALUES ($1, 0, $2) "
        "ON CONFLICT (device) DO UPDATE SET wiped_at = coalesce(device_activity.wiped_at, excluded.wiped_at) "
        "RETURNING wiped_at",
        PgParams().add(ByteView(device)).add(wiped_at));
    if (!r) return r.error();
    if (r->rows() > 0) recorded = r->int64(0, 0);
    return true;
  });
  if (!written) return written.error();
  return recorded;
}

}  // namespace varn::server
