#include "varn/registry/chain.hpp"

#include "varn/crypto/box.hpp"

namespace varn::registry {
namespace {

Error broken(std::uint64_t index, const std::string& why) {
  return make_error(Errc::corrupt, "registry entry " + std::to_string(index) + ": " + why);
}

Result<void> apply_kind(RegistryState& state, const Entry& e) {
  switch (e.kind) {
    case EntryKind::enrol:
    case EntryKind::recover: {
      if (state.devices.count(e.subject) != 0) return broken(e.index, "device enrolled twice");
      if (e.bundle.device_id() != e.subject) return broken(e.index, "bundle does not match the device id");
      if (state.recovery && e.subject == state.recovery->device_id()) {
        return broken(e.index, "the recovery key is not a device");
      }
      // Recovery exists to give the unit an admin back; a worker needs none.
      if (e.kind == EntryKind::recover && e.role != Role::admin) return broken(e.index, "a recovery enrols an admin");
      DeviceState d;
      d.bundle = e.bundle;
      d.role = e.role;
      d.person = e.person;
      d.enrolled_at = e.index;
      d.recovered = e.kind == EntryKind::recover;
      d.enrolled_time = e.time;
      d.roles.emplace_back(e.index, e.role);
      state.devices[e.subject] = std::move(d);
      return {};
    }
    case EntryKind::change_role: {
      auto it = state.devices.find(e.subject);
      if (it == state.devices.end() || it->second.revoked) return broken(e.index, "role change for no active device");
      it->second.role = e.role;
      it->second.roles.emplace_back(e.index, e.role);
      it->second.authority_floor = e.index + 1;
      return {};
    }
    case EntryKind::revoke: {
      auto it = state.devices.find(e.subject);
      if (it == state.devices.end() || it->second.revoked) return broken(e.index, "revoke of no active device");
      it->second.revoked = true;
      it->second.revoked_at = e.index;
      it->second.authority_floor = e.index + 1;
      return {};
    }
    case EntryKind::rotate: {
      if (e.epoch != state.epoch + 1) return broken(e.index, "epochs must rotate one at a time");
      Rotation r;
      r.key_set = e.key_set;
      r.key_commitment = e.key_commitment;
      r.index = e.index;
      for (const auto& [id, d] : state.devices) {
        if (!d.revoked) r.members.insert(id);
      }
      // Sealed to the recovery key too, so a recovered admin reads this epoch.
      if (state.recovery) r.members.insert(state.recovery->device_id());
      state.rotations[e.epoch] = std::move(r);
      state.epoch = e.epoch;
      return {};
    }
    case EntryKind::set_lease: {
      if (e.subject != crypto::DeviceId{}) return broken(e.index, "a lease names no device");
      if (e.epoch > kMaxLeaseDays) return broken(e.index, "lease longer than " + std::to_string(kMaxLeaseDays) + " days");
      state.lease_days = e.epoch;
      return {};
    }
    case EntryKind::set_recovery: {
      if (e.subject != crypto::DeviceId{}) return broken(e.index, "a recovery key names no device");
      if (e.bundle.sign_key == crypto::SignPublicKey{}) return broken(e.index, "a recovery key without a signing key");
      // Every later epoch key is sealed to it: a low-order key would make them public.
      if (crypto::has_low_order(e.bundle.box_key)) return broken(e.index, "a recovery box key of low order");
      if (state.devices.count(e.bundle.device_id()) != 0) return broken(e.index, "a device's key as the recovery key");
      state.recovery = e.bundle;
      state.recovery_set_at = e.index;
      return {};
    }
  }
  return broken(e.index, "unknown kind");
}

}  // namespace

const DeviceState* RegistryState::find(const crypto::DeviceId& id) const {
  auto it = devices.find(id);
  return it == devices.end() ? nullptr : &it->second;
}

const DeviceState* RegistryState::active(const crypto::DeviceId& id) const {
  const DeviceState* d = find(id);
  return d == nullptr || d->revoked ? nullptr : d;
}

DeviceStatus RegistryState::status(const crypto::DeviceId& id) const {
  const DeviceState* d = find(id);
  if (d == nullptr) return DeviceStatus::pending;
  return d->revoked ? DeviceStatus::revoked : DeviceStatus::active;
}

std::optional<Role> RegistryState::role_at(const crypto::DeviceId& id, std::uint64_t prefix) const {
  const DeviceState* d = find(id);
  if (d == nullptr || d->enrolled_at >= prefix) return std::nullopt;
  if (d->revoked_at && *d->revoked_at < prefix) return std::nullopt;
  std::optional<Role> role;
  for (const auto& [index, r] : d->roles) {
    if (index < prefix) role = r;
  }
  return role;
}

Result<void> RegistryState::append(const Entry& e) {
  if (e.index != length) return broken(e.index, "index out of order");
  crypto::SignPublicKey signer_key{};
  if (e.index == 0) {
    const crypto::DeviceId root_id = crypto::device_id_of(root);
    if (e.kind != EntryKind::enrol || e.role != Role::admin || e.subject != root_id || e.signer != root_id ||
        e.bundle.sign_key != root || e.prev != crypto::Hash32{}) {
      return make_error(Errc::corrupt, "registry does not start with the pinned admin enrolling itself");
    }
    unit = e.unit;
    signer_key = root;
  } else {
    if (e.unit != unit) return broken(e.index, "entry of another unit");
    if (e.prev != head) return broken(e.index, "does not link to the previous entry");
    if (e.kind == EntryKind::recover) {
      // Only the recovery key the registry holds now: not the server's, not
      // one an admin replaced, not any device's.
      if (!recovery) return broken(e.index, "a recovery, but the unit has no recovery key");
      if (e.signer != recovery->device_id()) return broken(e.index, "a recovery not signed by the unit's recovery key");
      signer_key = recovery->sign_key;
    } else {
      // The signer must be an active admin before this entry takes effect.
      const DeviceState* signer = active(e.signer);
      if (signer == nullptr || signer->role != Role::admin) return broken(e.index, "not signed by an active admin");
      signer_key = signer->bundle.sign_key;
    }
  }
  if (!crypto::verify_signature(signer_key, entry_signature_digest(e), e.signature)) {
    return broken(e.index, "signature does not verify");
  }
  // apply_kind checks before it changes anything, so a refused entry leaves the state as it was.
  if (auto applied = apply_kind(*this, e); !applied) return applied.error();
  head = entry_hash(e);
  ++length;
  return {};
}

Result<RegistryState> verify_chain(const std::vector<Entry>& chain, const crypto::SignPublicKey& pinned_admin) {
  if (chain.empty()) return make_error(Errc::corrupt, "registry is empty");
  RegistryState state;
  state.root = pinned_admin;
  for (const Entry& e : chain) {
    if (auto r = state.append(e); !r) return r.error();
  }
  return state;
}

Extension compare_with_remembered(const std::vector<Entry>& chain, std::uint64_t remembered_length,
                                  const crypto::Hash32& remembered_head) {
  if (remembered_length == 0) return Extension::extends;
  if (chain.size() < remembered_length) return Extension::shorter;
  if (entry_hash(chain[remembered_length - 1]) != remembered_head) return Extension::forks;
  return Extension::extends;
}

Result<void> audit_key_copies(const RegistryState& state, std::uint32_t epoch, const std::vector<KeyCopy>& copies) {
  auto rotation = state.rotations.find(epoch);
  if (rotation == state.rotations.end()) {
    return make_error(Errc::corrupt, "key copies for epoch " + std::to_string(epoch) + " which the registry never rotated to");
  }
  std::set<crypto::DeviceId> holders;
  for (const auto& c : copies) {
    if (rotation->second.members.count(c.device) == 0) {
      return make_error(Errc::corrupt, "an epoch key was sealed to a device outside the registry");
    }
    holders.insert(c.device);
  }
  if (holders != rotation->second.members) {
    return make_error(Errc::corrupt, "an active device is missing its copy of the epoch key");
  }
  if (key_set_hash(epoch, copies) != rotation->second.key_set) {
    return make_error(Errc::corrupt, "the epoch key copies differ from the set the admin signed");
  }
  return {};
}

bool key_matches_commitment(const RegistryState& state, std::uint32_t epoch, ByteView key) {
  auto rotation = state.rotations.find(epoch);
  if (rotation == state.rotations.end() || key.size() != 32) return false;
  return crypto::hashes_equal(epoch_key_commitment(state.unit, epoch, key), rotation->second.key_commitment);
}

}  // namespace varn::registry
