#pragma once
//! Keeps this device's copy of the unit registry: fetches it, refuses a
//! rollback or fork against what the device has seen, verifies it from the
//! pinned admin key, and remembers the new head. A refusal also sets the
//! vault's alarm, which the app and varn-cli show.

#include "varn/registry/chain.hpp"
#include "varn/sync/api_client.hpp"
#include "varn/sync/device_vault.hpp"

namespace varn::sync {

class RegistryKeeper {
 public:
  explicit RegistryKeeper(DeviceVault& vault) : vault_(vault) {}

  //! Fetches and verifies the registry; Errc::rollback / Errc::corrupt (with
  //! the alarm set) when the server's registry cannot be trusted.
  [[nodiscard]] Result<registry::RegistryState> refresh(ApiClient& api, const wire::UnitId& unit);
  //! The registry as last verified (no network).
  [[nodiscard]] Result<std::vector<registry::Entry>> cached_entries();
  //! Verifies the cached registry (no network).
  [[nodiscard]] Result<registry::RegistryState> cached_state();
  //! Raises the alarm with a message for people.
  [[nodiscard]] Result<void> raise_alarm(const std::string& message);

 private:
  [[nodiscard]] Result<crypto::SignPublicKey> pinned_admin(const std::vector<registry::Entry>& chain);
  [[nodiscard]] Result<void> remember(const std::vector<Bytes>& encoded, const registry::RegistryState& state);
  DeviceVault& vault_;
};

}  // namespace varn::sync
