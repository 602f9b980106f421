#pragma once
// A DeviceVault kept in memory, for tests of DeviceClient.

#include <map>
#include <memory>
#include <string>

#include "varn/sync/device_vault.hpp"

namespace varn::test {

class MemoryVault : public sync::DeviceVault {
 public:
  Result<std::optional<crypto::DeviceIdentity>> load_identity() override {
    if (!identity_) return std::optional<crypto::DeviceIdentity>{};
    auto restored = crypto::DeviceIdentity::restore(identity_->signing().secret_key().view(),
                                                    identity_->box().secret_key().view());
    if (!restored) return restored.error();
    return std::optional<crypto::DeviceIdentity>(std::move(restored).value());
  }
  Result<void> save_identity(const crypto::DeviceIdentity& identity) override {
    auto copy = crypto::DeviceIdentity::restore(identity.signing().secret_key().view(), identity.box().secret_key().view());
    if (!copy) return copy.error();
    identity_ = std::make_unique<crypto::DeviceIdentity>(std::move(copy).value());
    return {};
  }
  Result<void> put_epoch_key(std::uint32_t epoch, const crypto::SecretBuffer& key) override {
    keys_[epoch] = std::make_unique<crypto::SecretBuffer>(crypto::SecretBuffer::copy_of(key.view()));
    return {};
  }
  Result<std::optional<crypto::SecretBuffer>> epoch_key(std::uint32_t epoch) override {
    auto it = keys_.find(epoch);
    if (it == keys_.end()) return std::optional<crypto::SecretBuffer>{};
    return std::optional<crypto::SecretBuffer>(crypto::SecretBuffer::copy_of(it->second->view()));
  }
  Result<std::optional<std::string>> setting(std::string_view key) override {
    auto it = settings_.find(std::string(key));
    if (it == settings_.end()) return std::optional<std::string>{};
    return std::optional<std::string>(it->second);
  }
  Result<void> put_setting(std::string_view key, std::string_view value) override {
    settings_[std::string(key)] = std::string(value);
    return {};
  }

 private:
  std::unique_ptr<crypto::DeviceIdentity> identity_;
  std::map<std::uint32_t, std::unique_ptr<crypto::SecretBuffer>> keys_;
  std::map<std::string, std::string, std::less<>> settings_;
};

}  // namespace varn::test
