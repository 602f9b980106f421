#include "varn/registry/chain.hpp"

namespace varn::registry {
namespace {

Error broken(std::uint64_t index, const std::string& why) {
  return make_error(Errc::corrupt, "registry entry " + std::to_string(index) + ": " + why);
}

Result<void> apply_entry(RegistryState& state, const Entry& e) {
  switch (e.kind) {
    case EntryKind::enrol:
      if (state.devices.count(e.subject) != 0) return broken(e.index, "device enrolled twice");
      if (e.bundle.device_id() != e.subject) return broken(e.index, "bundle does not match the device id");
      state.devices[e.subject] = DeviceState{e.bundle, e.role, false};
      return {};
    case EntryKind::change_role: {
      auto it = state.devices.find(e.subject);
      if (it == state.devices.end() || it->second.revoked) return broken(e.index, "role change for no active device");
      it->second.role = e.role;
      return {};
    }
    case EntryKind::revoke: {
      auto it = state.devices.find(e.subject);
      if (it == state.devices.end() || it->second.revoked) return broken(e.index, "revoke of no active device");
      it->second.revoked = true;
      return {};
    }
    case EntryKind::rotate: {
      if (e.epoch != state.epoch + 1) return broken(e.index, "epochs must rotate one at a time");
      Rotation r;
      r.key_set = e.key_set;
      for (const auto& [id, d] : state.devices) {
        if (!d.revoked) r.members.insert(id);
      }
      state.rotations[e.epoch] = std::move(r);
      state.epoch = e.epoch;
      return {};
    }
  }
  return broken(e.index, "unknown kind");
}

}  // namespace

const DeviceState* RegistryState::active(const crypto::DeviceId& id) const {
  auto it = devices.find(id);
  if (it == devices.end() || it->second.revoked) return nullptr;
  return &it->second;
}

bool RegistryState::may_write(const crypto::DeviceId& id) const { return active(id) != nullptr; }

Result<RegistryState> verify_chain(const std::vector<Entry>& chain, const crypto::SignPublicKey& pinned_admin) {
  if (chain.empty()) return make_error(Errc::corrupt, "registry is empty");
  const Entry& genesis = chain.front();
  const crypto::DeviceId admin_id = crypto::device_id_of(pinned_admin);
  if (genesis.index != 0 || genesis.kind != EntryKind::enrol || genesis.role != Role::admin ||
      genesis.subject != admin_id || genesis.signer != admin_id || genesis.bundle.sign_key != pinned_admin ||
      genesis.prev != crypto::Hash32{}) {
    return make_error(Errc::corrupt, "registry does not start with the pinned admin enrolling itself");
  }
  RegistryState state;
  state.unit = genesis.unit;
  for (const Entry& e : chain) {
    if (e.index != state.length) return broken(e.index, "index out of order");
    if (e.unit != state.unit) return broken(e.index, "entry of another unit");
    if (e.index > 0 && e.prev != state.head) return broken(e.index, "does not link to the previous entry");
    // The signer must be an active admin before this entry takes effect
    // (for entry 0: the pinned admin itself).
    crypto::SignPublicKey signer_key = pinned_admin;
    if (e.index > 0) {
      const DeviceState* signer = state.active(e.signer);
      if (signer == nullptr || signer->role != Role::admin) return broken(e.index, "not signed by an active admin");
      signer_key = signer->bundle.sign_key;
    }
    if (!crypto::verify_signature(signer_key, entry_signature_digest(e), e.signature)) {
      return broken(e.index, "signature does not verify");
    }
    if (auto applied = apply_entry(state, e); !applied) return applied.error();
    state.head = entry_hash(e);
    ++state.length;
  }
  return state;
}

Result<void> check_extends(const std::vector<Entry>& chain, std::uint64_t remembered_length,
                           const crypto::Hash32& remembered_head) {
  if (remembered_length == 0) return {};
  if (chain.size() < remembered_length) {
    return make_error(Errc::rollback, "the server's registry is shorter than the one this device has seen");
  }
  if (entry_hash(chain[remembered_length - 1]) != remembered_head) {
    return make_error(Errc::rollback, "the server's registry forks from the one this device has seen");
  }
  return {};
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

}  // namespace varn::registry
