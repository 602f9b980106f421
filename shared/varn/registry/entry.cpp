#include "varn/registry/entry.hpp"

#include <algorithm>

namespace varn::registry {
namespace {

constexpr std::string_view kSignLabel = "varn/registry-signature/v2";
constexpr std::string_view kHashLabel = "varn/registry-entry/v2";

template <std::size_t N>
void take(ByteArray<N>& out, const std::uint8_t*& p) {
  std::copy_n(p, N, out.begin());
  p += N;
}

}  // namespace

std::string to_string(Role role) {
  switch (role) {
    case Role::worker: return "worker";
    case Role::reviewer: return "reviewer";
    case Role::admin: return "admin";
  }
  return "unknown";
}

Result<Role> role_from_string(std::string_view text) {
  if (text == "worker") return Role::worker;
  if (text == "reviewer") return Role::reviewer;
  if (text == "admin") return Role::admin;
  return make_error(Errc::invalid_argument, "role must be worker, reviewer or admin");
}

std::string to_string(DeviceStatus status) {
  switch (status) {
    case DeviceStatus::pending: return "pending";
    case DeviceStatus::active: return "active";
    case DeviceStatus::revoked: return "revoked";
  }
  return "unknown";
}

Result<DeviceStatus> status_from_string(std::string_view text) {
  if (text == "pending") return DeviceStatus::pending;
  if (text == "active") return DeviceStatus::active;
  if (text == "revoked") return DeviceStatus::revoked;
  return make_error(Errc::invalid_argument, "status must be pending, active or revoked");
}

std::string to_string(EntryKind kind) {
  switch (kind) {
    case EntryKind::enrol: return "enrol";
    case EntryKind::change_role: return "change_role";
    case EntryKind::revoke: return "revoke";
    case EntryKind::rotate: return "rotate";
    case EntryKind::set_lease: return "set_lease";
    case EntryKind::set_recovery: return "set_recovery";
    case EntryKind::recover: return "recover";
  }
  return "unknown";
}

Bytes Entry::signed_part() const {
  Bytes out;
  out.reserve(kEntryBytes);
  out.push_back(kEntryFormat);
  put_u64(out, index);
  put_bytes(out, prev);
  put_bytes(out, unit);
  out.push_back(static_cast<std::uint8_t>(kind));
  put_bytes(out, signer);
  put_bytes(out, subject);
  out.push_back(1);  // bundle version, so the layout stays fixed
  put_bytes(out, bundle.sign_key);
  put_bytes(out, bundle.box_key);
  out.push_back(static_cast<std::uint8_t>(role));
  put_u32(out, epoch);
  put_bytes(out, key_set);
  put_bytes(out, key_commitment);
  put_bytes(out, pairing_mac);
  put_bytes(out, person);
  put_u64(out, static_cast<std::uint64_t>(time));
  return out;
}

Bytes Entry::encode() const {
  Bytes out = signed_part();
  put_bytes(out, signature);
  return out;
}

Result<Entry> Entry::decode(ByteView bytes) {
  if (bytes.size() != kEntryBytes) return make_error(Errc::malformed, "registry entry has the wrong size");
  Entry e;
  const std::uint8_t* p = bytes.data();
  if (*p++ != kEntryFormat) return make_error(Errc::unsupported_version, "registry entry format");
  e.index = get_u64(p);
  p += 8;
  take(e.prev, p);
  take(e.unit, p);
  const std::uint8_t kind = *p++;
  if (kind < 1 || kind > kLastEntryKind) return make_error(Errc::malformed, "registry entry has an unknown kind");
  e.kind = static_cast<EntryKind>(kind);
  take(e.signer, p);
  take(e.subject, p);
  if (*p++ != 1) return make_error(Errc::unsupported_version, "registry entry bundle version");
  take(e.bundle.sign_key, p);
  take(e.bundle.box_key, p);
  const std::uint8_t role = *p++;
  if (role < 1 || role > 3) return make_error(Errc::malformed, "registry entry has an unknown role");
  e.role = static_cast<Role>(role);
  e.epoch = get_u32(p);
  p += 4;
  take(e.key_set, p);
  take(e.key_commitment, p);
  take(e.pairing_mac, p);
  take(e.person, p);
  e.time = static_cast<std::int64_t>(get_u64(p));
  p += 8;
  take(e.signature, p);
  return e;
}

void Entry::sign_with(const crypto::SigningKeyPair& admin) {
  signer = crypto::device_id_of(admin.public_key());
  signature = admin.sign(entry_signature_digest(*this));
}

crypto::Hash32 entry_hash(const Entry& entry) {
  const Bytes encoded = entry.encode();
  return crypto::labelled_hash(kHashLabel, {encoded});
}

crypto::Hash32 key_set_hash(std::uint32_t epoch, std::vector<KeyCopy> copies) {
  std::sort(copies.begin(), copies.end(), [](const KeyCopy& a, const KeyCopy& b) { return a.device < b.device; });
  Bytes flat;
  put_u32(flat, epoch);
  put_u32(flat, static_cast<std::uint32_t>(copies.size()));
  for (const auto& c : copies) {
    put_bytes(flat, c.device);
    put_u32(flat, static_cast<std::uint32_t>(c.wrapped.size()));
    put_bytes(flat, c.wrapped);
  }
  return crypto::labelled_hash("varn/key-set/v1", {flat});
}

crypto::Hash32 epoch_key_commitment(const wire::UnitId& unit, std::uint32_t epoch, ByteView key) {
  Bytes e;
  put_u32(e, epoch);
  return crypto::keyed_hash(key, "varn/epoch-key-commitment/v1", {unit, e});
}

crypto::Hash32 entry_signature_digest(const Entry& entry) {
  const Bytes part = entry.signed_part();
  return crypto::labelled_hash(kSignLabel, {part});
}

bool device_uses(DeviceStatus status, Role role, Area area, Casework casework) {
  return status == DeviceStatus::active && role_uses(role, area, casework);
}

bool role_uses(Role role, Area area, Casework casework) {
  const bool admin = role == Role::admin;
  switch (area) {
    case Area::field: return role == Role::worker || (admin && casework.field);
    case Area::review: return role == Role::reviewer || (admin && casework.review);
    case Area::admin: return admin;
  }
  return false;
}

bool opens_case_content(std::optional<Role> role, Casework casework) {
  if (!role) return true;
  return role_uses(*role, Area::field, casework) || role_uses(*role, Area::review, casework);
}

bool role_may_write(Role role, wire::ChangeSetClass change_class) {
  if (role == Role::admin) return true;
  if (change_class == wire::ChangeSetClass::field_work) return role == Role::worker;
  return role == Role::reviewer;
}

Result<std::vector<Entry>> decode_entries(const std::vector<Bytes>& encoded) {
  std::vector<Entry> out;
  for (const auto& bytes : encoded) {
    auto e = Entry::decode(bytes);
    if (!e) return e.error();
    out.push_back(*e);
  }
  return out;
}

}  // namespace varn::registry
