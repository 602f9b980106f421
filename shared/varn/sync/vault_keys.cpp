#include "varn/sync/vault_keys.hpp"

namespace varn::sync {

Result<registry::RegistryState> VaultKeys::state() {
  if (!state_) {
    auto cached = keeper_.cached_state();
    if (!cached) return cached.error();
    state_ = std::move(cached).value();
  }
  return *state_;
}

std::uint32_t VaultKeys::current_epoch() {
  auto s = state();
  return s ? s->epoch : 0;
}

const crypto::SecretBuffer* VaultKeys::epoch_key(std::uint32_t epoch) {
  if (auto it = keys_.find(epoch); it != keys_.end()) return it->second.get();
  auto stored = vault_.epoch_key(epoch);
  if (!stored || !*stored) return nullptr;
  auto& slot = keys_[epoch];
  slot = std::make_unique<crypto::SecretBuffer>(std::move(**stored));
  return slot.get();
}

std::optional<crypto::SignPublicKey> VaultKeys::author_key(const crypto::DeviceId& device) {
  auto s = state();
  if (!s) return std::nullopt;
  // Revoked devices stay known so what they wrote before still verifies.
  auto it = s->devices.find(device);
  if (it == s->devices.end()) return std::nullopt;
  return it->second.bundle.sign_key;
}

std::optional<registry::Role> VaultKeys::author_role(const crypto::DeviceId& device) {
  auto s = state();
  if (!s) return std::nullopt;
  auto it = s->devices.find(device);
  if (it == s->devices.end()) return std::nullopt;
  return it->second.role;
}

Result<void> VaultKeys::audit_and_unwrap(const registry::RegistryState& s) {
  if (s.epoch > 0) {
    auto copies = api_.key_copies(unit_, s.epoch);
    if (!copies) return copies.error();
    std::vector<registry::KeyCopy> audited;
    for (auto& c : *copies) audited.push_back({c.device, c.wrapped});
    if (auto audit = registry::audit_key_copies(s, s.epoch, audited); !audit) {
      (void)keeper_.raise_alarm(audit.error().message);
      return audit.error();
    }
  }
  auto mine = api_.keys(unit_);
  if (!mine) return mine.error();
  for (const auto& wrapped : mine->keys) {
    if (wrapped.epoch == 0 || wrapped.epoch > s.epoch) continue;  // never trust an epoch the registry lacks
    auto key = crypto::open_sealed(me_.box(), wrapped.wrapped);
    if (!key) return make_error(Errc::corrupt, "epoch key " + std::to_string(wrapped.epoch) + " does not open on this device");
    if (auto saved = vault_.put_epoch_key(wrapped.epoch, *key); !saved) return saved;
    keys_.erase(wrapped.epoch);
  }
  if (s.epoch > 0 && epoch_key(s.epoch) == nullptr) {
    const std::string message = "the server withholds this device's key for epoch " + std::to_string(s.epoch);
    (void)keeper_.raise_alarm(message);
    return make_error(Errc::corrupt, message);
  }
  return {};
}

Result<void> VaultKeys::refresh() {
  auto fresh = keeper_.refresh(api_, unit_);
  if (!fresh) return fresh.error();
  state_ = std::move(fresh).value();
  return audit_and_unwrap(*state_);
}

}  // namespace varn::sync
