#pragma once
//! KeyProvider backed by the device's vault and the verified registry:
//! authors are the registry's devices, the current epoch is the registry's,
//! and the epoch's sealed copies pass the box audit before any is used.

#include <map>
#include <memory>

#include "varn/sync/api_client.hpp"
#include "varn/sync/device_vault.hpp"
#include "varn/sync/key_provider.hpp"
#include "varn/sync/registry_keeper.hpp"

namespace varn::sync {

class VaultKeys : public KeyProvider {
 public:
  VaultKeys(DeviceVault& vault, ApiClient& api, const crypto::DeviceIdentity& me, const wire::UnitId& unit)
      : vault_(vault), api_(api), me_(me), unit_(unit), keeper_(vault) {}

  std::uint32_t current_epoch() override;
  const crypto::SecretBuffer* epoch_key(std::uint32_t epoch) override;
  std::optional<crypto::SignPublicKey> author_key(const crypto::DeviceId& device) override;
  std::optional<registry::Role> author_role(const crypto::DeviceId& device) override;
  Result<void> refresh() override;

  //! The registry as verified by the last refresh (or from the vault).
  [[nodiscard]] Result<registry::RegistryState> state();

 private:
  Result<void> audit_and_unwrap(const registry::RegistryState& state);
  DeviceVault& vault_;
  ApiClient& api_;
  const crypto::DeviceIdentity& me_;
  wire::UnitId unit_;
  RegistryKeeper keeper_;
  std::optional<registry::RegistryState> state_;
  std::map<std::uint32_t, std::unique_ptr<crypto::SecretBuffer>> keys_;
};

}  // namespace varn::sync
