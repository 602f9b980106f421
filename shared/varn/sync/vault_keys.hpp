#pragma once
//! KeyProvider backed by the device's vault and the verified registry:
//! authors and their roles are the registry's, the current epoch is the
//! registry's, every epoch's sealed copies pass the box audit, and an epoch
//! key is used only if it matches the commitment in its rotate entry, so a
//! key the server substituted is refused (and the alarm raised) before it
//! opens or seals anything.

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
  std::optional<registry::Role> author_role_at(const crypto::DeviceId& device, std::uint64_t registry_length) override;
  std::uint64_t registry_length() override;
  Result<void> refresh() override;

  //! The registry as verified by the last refresh (or from the vault).
  [[nodiscard]] Result<registry::RegistryState> state();

 private:
  const registry::RegistryState* cached();
  Result<void> audit(const registry::RegistryState& state);
  Result<void> unwrap(const registry::RegistryState& state);
  DeviceVault& vault_;
  ApiClient& api_;
  const crypto::DeviceIdentity& me_;
  wire::UnitId unit_;
  RegistryKeeper keeper_;
  std::optional<registry::RegistryState> state_;
  std::map<std::uint32_t, std::unique_ptr<crypto::SecretBuffer>> keys_;
};

}  // namespace varn::sync
