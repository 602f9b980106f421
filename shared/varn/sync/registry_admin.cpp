#include "varn/sync/registry_admin.hpp"

#include "varn/crypto/box.hpp"
#include "varn/sync/kept_copies.hpp"
#include "varn/sync/registry_keeper.hpp"
#include "varn/sync/unit_recovery.hpp"
#include "varn/sync/vault_keys.hpp"

namespace varn::sync {

registry::Entry next_entry(const registry::RegistryState& s, registry::EntryKind kind, std::int64_t now) {
  registry::Entry e;
  e.index = s.length;
  e.prev = s.head;
  e.unit = s.unit;
  e.kind = kind;
  e.time = now;
  return e;
}

Result<registry::Entry> post_entry(DeviceContext& device, ApiClient& api, const wire::UnitId& unit,
                                   registry::Entry entry, const std::vector<KeyCopy>& copies) {
  auto me = device.identity();
  if (!me) return me.error();
  entry.sign_with((*me)->signing());
  // Kept before it is sent, so an admin can post it again after a restore.
  if (auto r = KeptCopies(device.vault()).keep_posted(entry, copies); !r) return r.error();
  if (auto r = api.post_registry(unit, entry.encode(), copies); !r) return r.error();
  if (auto r = RegistryKeeper(device.vault()).remember_posted(entry); !r) return r.error();
  return entry;
}

Result<std::pair<registry::Entry, std::vector<KeyCopy>>> new_rotation(DeviceContext& device,
                                                                      const registry::RegistryState& state) {
  const std::uint32_t epoch = state.epoch + 1;
  auto key = crypto::SecretBuffer::random(32);
  // Kept before the server hears of it, so a lost answer loses nothing.
  if (auto r = device.vault().put_epoch_key(epoch, key); !r) return r.error();
  std::vector<KeyCopy> copies;
  std::vector<registry::KeyCopy> audited;
  for (const auto& [id, d] : state.devices) {
    if (d.revoked) continue;
    auto wrapped = crypto::seal_to(d.bundle.box_key, key.view());
    if (!wrapped) return wrapped.error();
    copies.push_back({id, *wrapped});
    audited.push_back({id, std::move(wrapped).value()});
  }
  // And to the unit's recovery key, so an admin device it enrols later
  // reads this epoch; the copy is in the key set the entry signs.
  if (state.recovery) {
    auto wrapped = crypto::seal_to(state.recovery->box_key, key.view());
    if (!wrapped) return wrapped.error();
    copies.push_back({state.recovery->device_id(), *wrapped});
    audited.push_back({state.recovery->device_id(), std::move(wrapped).value()});
  }
  auto entry = next_entry(state, registry::EntryKind::rotate, device.now());
  entry.epoch = epoch;
  entry.key_set = registry::key_set_hash(epoch, audited);
  entry.key_commitment = registry::epoch_key_commitment(state.unit, epoch, key.view());
  return std::pair(std::move(entry), std::move(copies));
}

Result<void> RegistryAdmin::rotate_with(ApiClient& api, const wire::UnitId& unit, const registry::RegistryState& state) {
  auto rotation = new_rotation(device_, state);
  if (!rotation) return rotation.error();
  auto posted = post_entry(device_, api, unit, rotation->first, rotation->second);
  if (!posted) return posted.error();
  return {};
}

Result<void> RegistryAdmin::rotate(HttpExecutor& http) {
  auto me = device_.identity();
  if (!me) return me.error();
  auto unit = device_.unit();
  if (!unit) return unit.error();
  ApiClient api(http, **me);
  VaultKeys keys(device_.vault(), api, **me, *unit);
  if (auto r = keys.refresh(); !r) return r;
  auto state = keys.state();
  if (!state) return state.error();
  return rotate_with(api, *unit, *state);
}

Result<void> RegistryAdmin::change_role(HttpExecutor& http, const crypto::DeviceId& device, registry::Role role) {
  auto me = device_.identity();
  if (!me) return me.error();
  auto unit = device_.unit();
  if (!unit) return unit.error();
  ApiClient api(http, **me);
  VaultKeys keys(device_.vault(), api, **me, *unit);
  if (auto r = keys.refresh(); !r) return r;
  auto state = keys.state();
  if (!state) return state.error();
  if (state->active(device) == nullptr) return make_error(Errc::not_found, "no active device with that id");
  auto entry = next_entry(*state, registry::EntryKind::change_role, device_.now());
  entry.subject = device;
  entry.role = role;
  auto posted = post_entry(device_, api, *unit, entry, {});
  if (!posted) return posted.error();
  return {};
}

namespace {

// The admin device's identity, unit and session, with the registry
// verified fresh from the server: `use(api, unit, state, keeper)`.
template <class R, class Use>
Result<R> with_fresh_registry(DeviceContext& device, HttpExecutor& http, Use&& use) {
  auto me = device.identity();
  if (!me) return me.error();
  auto unit = device.unit();
  if (!unit) return unit.error();
  ApiClient api(http, **me);
  RegistryKeeper keeper(device.vault());
  auto state = keeper.refresh(api, *unit);
  if (!state) return state.error();
  return use(api, *unit, *state, keeper);
}

// The unit's devices as the verified registry has them, with what the
// server noticed of each beside them.
Result<std::vector<DeviceEntry>> device_entries(ApiClient& api, const wire::UnitId& unit,
                                                const registry::RegistryState& state) {
  auto noticed = api.devices(unit);
  if (!noticed) return noticed.error();
  std::vector<DeviceEntry> out;
  for (const auto& [id, d] : state.devices) {
    DeviceEntry e;
    e.device = id;
    e.bundle = d.bundle;
    e.role = registry::to_string(d.role);
    e.status = registry::to_string(d.revoked ? registry::DeviceStatus::revoked : registry::DeviceStatus::active);
    e.person = d.person;
    if (d.recovered) e.recovered_at = d.enrolled_time;
    for (const auto& n : *noticed) {
      if (n.device == id) {
        e.last_seen = n.last_seen;
        e.wiped_at = n.wiped_at;
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

Result<void> RegistryAdmin::set_lease(HttpExecutor& http, std::uint32_t days) {
  if (days > registry::kMaxLeaseDays) {
    return make_error(Errc::invalid_argument, "a lease is at most " + std::to_string(registry::kMaxLeaseDays) + " days");
  }
  return with_fresh_registry<void>(device_, http, [&](ApiClient& api, const wire::UnitId& unit,
                                                        const registry::RegistryState& state, RegistryKeeper&) {
    auto entry = next_entry(state, registry::EntryKind::set_lease, device_.now());
    entry.epoch = days;
    auto posted = post_entry(device_, api, unit, entry, {});
    return posted ? Result<void>{} : Result<void>(posted.error());
  });
}

Result<void> RegistryAdmin::revoke(HttpExecutor& http, const crypto::DeviceId& device) {
  auto me = device_.identity();
  if (!me) return me.error();
  if (device == (*me)->device_id()) return make_error(Errc::invalid_argument, "an admin cannot revoke its own device");
  auto unit = device_.unit();
  if (!unit) return unit.error();
  ApiClient api(http, **me);
  VaultKeys keys(device_.vault(), api, **me, *unit);
  if (auto r = keys.refresh(); !r) return r;
  auto state = keys.state();
  if (!state) return state.error();
  if (state->active(device) == nullptr) return make_error(Errc::not_found, "no active device with that id");
  auto entry = next_entry(*state, registry::EntryKind::revoke, device_.now());
  entry.subject = device;
  auto posted = post_entry(device_, api, *unit, entry, {});
  if (!posted) return posted.error();
  // Everything written from now on is under a key the revoked device never gets.
  auto after = *state;
  if (auto r = after.append(*posted); !r) return r;
  return rotate_with(api, *unit, after);
}

Result<std::string> RegistryAdmin::replace_recovery_key(HttpExecutor& http) {
  auto me = device_.identity();
  if (!me) return me.error();
  auto unit = device_.unit();
  if (!unit) return unit.error();
  ApiClient api(http, **me);
  VaultKeys keys(device_.vault(), api, **me, *unit);
  if (auto r = keys.refresh(); !r) return r.error();
  auto state = keys.state();
  if (!state) return state.error();
  const auto* mine = state->active((*me)->device_id());
  if (mine == nullptr || mine->role != registry::Role::admin) {
    return make_error(Errc::forbidden, "only an admin device sets the unit's recovery key");
  }
  auto committed = commit_recovery_key(device_, api, *unit, *state, &keys);
  if (!committed) return committed.error();
  return committed->key.code();
}

Result<std::vector<DeviceEntry>> RegistryAdmin::devices(HttpExecutor& http) {
  return with_fresh_registry<std::vector<DeviceEntry>>(device_, http, [](ApiClient& api, const wire::UnitId& unit,
                                                                         const registry::RegistryState& state,
                                                                         RegistryKeeper&) {
    return device_entries(api, unit, state);
  });
}


Result<std::vector<registry::Entry>> RegistryAdmin::registry(HttpExecutor& http) {
  return with_fresh_registry<std::vector<registry::Entry>>(
      device_, http, [](ApiClient&, const wire::UnitId&, const registry::RegistryState&, RegistryKeeper& keeper) {
        return keeper.cached_entries();
      });
}

}  // namespace varn::sync
