#pragma once
//! Keeps this device's copy of the unit registry: fetches it, refuses a fork
//! of what the device has seen, gives a server that lost entries (a restore)
//! back the signed entries it holds, verifies the chain from the admin key
//! pinned at a two-way verified enrolment, and remembers the new head. A
//! refusal also sets the vault's alarm, which the app and varn-cli show.

#include "varn/registry/chain.hpp"
#include "varn/sync/api_client.hpp"
#include "varn/sync/device_vault.hpp"

namespace varn::sync {

class RegistryKeeper {
 public:
  explicit RegistryKeeper(DeviceVault& vault) : vault_(vault) {}

  //! Fetches and verifies the registry; Errc::rollback / Errc::corrupt (with
  //! the alarm set) when the server's registry cannot be trusted. Entries
  //! this device holds beyond the server's are posted again first.
  [[nodiscard]] Result<registry::RegistryState> refresh(ApiClient& api, const wire::UnitId& unit);
  //! The registry as last verified (no network).
  [[nodiscard]] Result<std::vector<registry::Entry>> cached_entries();
  //! Verifies the cached registry (no network).
  [[nodiscard]] Result<registry::RegistryState> cached_state();
  //! Verifies a registry someone handed over (a "revoked" answer) as
  //! refresh() would, without remembering it: it must extend what this
  //! device has seen and verify from the pinned admin key.
  [[nodiscard]] Result<registry::RegistryState> verify_offered(const std::vector<Bytes>& encoded);
  //! Keeps `chain` as the verified registry (after a two-way verified enrolment).
  [[nodiscard]] Result<void> remember(const std::vector<registry::Entry>& chain, const registry::RegistryState& state);
  //! An entry this (admin) device just posted becomes part of what it has
  //! seen, so a server that later loses it is caught and given it back.
  [[nodiscard]] Result<void> remember_posted(const registry::Entry& entry);

 private:
  [[nodiscard]] Result<crypto::SignPublicKey> pinned_admin();
  //! Posts the entries the server lacks, with the key copies this device keeps for them.
  [[nodiscard]] Result<std::size_t> repost(ApiClient& api, const wire::UnitId& unit,
                                           const std::vector<registry::Entry>& ours, std::size_t from);
  DeviceVault& vault_;
};

}  // namespace varn::sync
