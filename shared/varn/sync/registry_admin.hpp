#pragma once
//! What an admin device does to its unit's registry: approve devices (see
//! Enrolment::approve), change roles, revoke (and rotate the unit key to the
//! devices that remain), rotate. Every entry is signed here and kept with
//! its key copies, so that it can be posted again after a server restore.

#include <vector>

#include "varn/registry/chain.hpp"
#include "varn/sync/api_client.hpp"
#include "varn/sync/device_context.hpp"

namespace varn::sync {

class RegistryAdmin {
 public:
  explicit RegistryAdmin(DeviceContext& device) : device_(device) {}

  //! Revokes a device and rotates the unit key to the devices that remain.
  [[nodiscard]] Result<void> revoke(HttpExecutor& http, const crypto::DeviceId& device);
  [[nodiscard]] Result<void> rotate(HttpExecutor& http);
  [[nodiscard]] Result<void> change_role(HttpExecutor& http, const crypto::DeviceId& device, registry::Role role);
  //! Sets the unit's device lease (sync/lease.hpp): 1..365 days, 0 for none.
  [[nodiscard]] Result<void> set_lease(HttpExecutor& http, std::uint32_t days);
  //! Commits a new recovery key in place of the unit's current one, which
  //! signs nothing from then on; answers the new code to show once.
  [[nodiscard]] Result<std::string> replace_recovery_key(HttpExecutor& http);
  //! The unit's devices as the verified registry has them, with what the
  //! server noticed of each (last seen, wipe confirmed) beside them.
  [[nodiscard]] Result<std::vector<DeviceEntry>> devices(HttpExecutor& http);
  //! The verified registry (fetched fresh).
  [[nodiscard]] Result<std::vector<registry::Entry>> registry(HttpExecutor& http);

 private:
  [[nodiscard]] Result<void> rotate_with(ApiClient& api, const wire::UnitId& unit, const registry::RegistryState& state);
  DeviceContext& device_;
};

//! The next entry after `state`, of `kind`, stamped now.
[[nodiscard]] registry::Entry next_entry(const registry::RegistryState& state, registry::EntryKind kind, std::int64_t now);
//! Signs and posts an entry, keeping it and its copies first; answers it signed.
[[nodiscard]] Result<registry::Entry> post_entry(DeviceContext& device, ApiClient& api, const wire::UnitId& unit,
                                      registry::Entry entry, const std::vector<KeyCopy>& copies);
//! Seals a fresh epoch key to every active device, with its commitment:
//! the rotate entry and its copies, the key kept in the vault first.
[[nodiscard]] Result<std::pair<registry::Entry, std::vector<KeyCopy>>> new_rotation(DeviceContext& device,
                                                                                    const registry::RegistryState& state);

}  // namespace varn::sync
