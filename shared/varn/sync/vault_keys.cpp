#include "varn/sync/vault_keys.hpp"

#include "varn/crypto/box.hpp"
#include "varn/sync/alarm.hpp"
#include "varn/sync/kept_copies.hpp"

namespace varn::sync {

const registry::RegistryState* VaultKeys::cached() {
  if (!state_) {
    auto loaded = keeper_.cached_state();
    if (!loaded) return nullptr;
    state_ = std::move(loaded).value();
  }
  return &*state_;
}

Result<registry::RegistryState> VaultKeys::state() {
  if (const auto* s = cached()) return *s;
  return keeper_.cached_state();
}

std::uint32_t VaultKeys::current_epoch() {
  const auto* s = cached();
  return s ? s->epoch : 0;
}

std::uint64_t VaultKeys::registry_length() {
  const auto* s = cached();
  return s ? s->length : 0;
}

const crypto::SecretBuffer* VaultKeys::epoch_key(std::uint32_t epoch) {
  if (auto it = keys_.find(epoch); it != keys_.end()) return it->second.get();
  const auto* s = cached();
  if (s == nullptr) return nullptr;
  auto stored = vault_.epoch_key(epoch);
  if (!stored || !*stored) return nullptr;
  // A key in the vault is used only while the registry still commits to it.
  if (!registry::key_matches_commitment(*s, epoch, (*stored)->view())) return nullptr;
  auto& slot = keys_[epoch];
  slot = std::make_unique<crypto::SecretBuffer>(std::move(**stored));
  return slot.get();
}

std::optional<crypto::SignPublicKey> VaultKeys::author_key(const crypto::DeviceId& device) {
  const auto* s = cached();
  const auto* d = s ? s->find(device) : nullptr;  // revoked ones too: what they wrote before still verifies
  if (d == nullptr) return std::nullopt;
  return d->bundle.sign_key;
}

std::optional<registry::Role> VaultKeys::author_role_at(const crypto::DeviceId& device, std::uint64_t length) {
  const auto* s = cached();
  if (s == nullptr) return std::nullopt;
  return s->role_at(device, length);
}

Result<void> VaultKeys::audit(const registry::RegistryState& s) {
  KeptCopies kept(vault_);
  for (std::uint32_t epoch = 1; epoch <= s.epoch; ++epoch) {
    auto has = kept.has_rotation(epoch);
    if (!has) return has.error();
    if (*has && epoch != s.epoch) continue;  // audited before; the current one every time
    auto copies = api_.key_copies(unit_, epoch);
    if (!copies) return copies.error();
    std::vector<registry::KeyCopy> audited;
    for (auto& c : *copies) audited.push_back({c.device, c.wrapped});
    if (auto ok = registry::audit_key_copies(s, epoch, audited); !ok) {
      (void)raise_alarm(vault_, ok.error().message);
      return ok.error();
    }
    if (auto r = kept.keep_rotation(epoch, *copies); !r) return r;
  }
  return {};
}

Result<void> VaultKeys::unwrap(const registry::RegistryState& s) {
  auto mine = api_.keys(unit_);
  if (!mine) return mine.error();
  KeptCopies kept(vault_);
  for (const auto& wrapped : mine->keys) {
    if (wrapped.epoch == 0 || wrapped.epoch > s.epoch) continue;  // never trust an epoch the registry lacks
    auto key = crypto::open_sealed(me_.box(), wrapped.wrapped);
    if (!key) {
      const std::string message = "epoch key " + std::to_string(wrapped.epoch) + " does not open on this device";
      (void)raise_alarm(vault_, message);
      return make_error(Errc::corrupt, message);
    }
    if (!registry::key_matches_commitment(s, wrapped.epoch, key->view())) {
      // Sealed to this device's public box key by someone, but not the key
      // the admin committed to: a key the server would know. Never used.
      const std::string message = "the server handed this device an epoch key " + std::to_string(wrapped.epoch) +
                                  " that the admin never made; it was refused";
      (void)raise_alarm(vault_, message);
      return make_error(Errc::corrupt, message);
    }
    auto held = vault_.epoch_key(wrapped.epoch);
    if (!held) return held.error();
    if (!*held || !(*held)->equals(*key)) {
      if (auto saved = vault_.put_epoch_key(wrapped.epoch, *key); !saved) return saved;
      keys_.erase(wrapped.epoch);
    }
    if (auto r = kept.keep_own(wrapped.epoch, me_.device_id(), wrapped.wrapped); !r) return r;
  }
  if (s.epoch > 0 && epoch_key(s.epoch) == nullptr) {
    const std::string message = "the server withholds this device's key for epoch " + std::to_string(s.epoch);
    (void)raise_alarm(vault_, message);
    return make_error(Errc::corrupt, message);
  }
  return {};
}

Result<void> VaultKeys::refresh() {
  auto fresh = keeper_.refresh(api_, unit_);
  if (!fresh) return fresh.error();
  state_ = std::move(fresh).value();
  keys_.clear();  // checked again against the registry as it is now
  if (auto r = audit(*state_); !r) return r;
  return unwrap(*state_);
}

}  // namespace varn::sync
