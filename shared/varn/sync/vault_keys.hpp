#pragma once
//! KeyProvider backed by the device's vault: epoch keys unwrapped once and
//! kept in locked memory, author keys from the unit's device list, and a
//! refresh that asks the server for both.

#include <map>
#include <memory>

#include "varn/sync/api_client.hpp"
#include "varn/sync/device_vault.hpp"
#include "varn/sync/key_provider.hpp"

namespace varn::sync {

class VaultKeys : public KeyProvider {
 public:
  VaultKeys(DeviceVault& vault, ApiClient& api, const crypto::DeviceIdentity& me, const wire::UnitId& unit)
      : vault_(vault), api_(api), me_(me), unit_(unit) {}

  std::uint32_t current_epoch() override;
  const crypto::SecretBuffer* epoch_key(std::uint32_t epoch) override;
  std::optional<crypto::SignPublicKey> author_key(const crypto::DeviceId& device) override;
  Result<void> refresh() override;

 private:
  Result<void> load_devices();
  DeviceVault& vault_;
  ApiClient& api_;
  const crypto::DeviceIdentity& me_;
  wire::UnitId unit_;
  std::map<std::uint32_t, std::unique_ptr<crypto::SecretBuffer>> keys_;
  std::map<crypto::DeviceId, crypto::SignPublicKey> authors_;
  bool devices_loaded_ = false;
};

}  // namespace varn::sync
