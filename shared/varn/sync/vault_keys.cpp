#include "varn/sync/vault_keys.hpp"

#include <nlohmann/json.hpp>

#include "varn/sync/json_fields.hpp"

namespace varn::sync {

std::uint32_t VaultKeys::current_epoch() {
  auto value = vault_.setting(settings::kCurrentEpoch);
  if (!value || !*value) return 0;
  return static_cast<std::uint32_t>(std::strtoul((*value)->c_str(), nullptr, 10));
}

const crypto::SecretBuffer* VaultKeys::epoch_key(std::uint32_t epoch) {
  if (auto it = keys_.find(epoch); it != keys_.end()) return it->second.get();
  auto stored = vault_.epoch_key(epoch);
  if (!stored || !*stored) return nullptr;
  auto& slot = keys_[epoch];
  slot = std::make_unique<crypto::SecretBuffer>(std::move(**stored));
  return slot.get();
}

Result<void> VaultKeys::load_devices() {
  devices_loaded_ = true;
  auto cached = vault_.setting(settings::kDevices);
  if (!cached) return cached.error();
  if (!*cached) return {};
  auto j = parse_json(as_bytes(**cached));
  if (!j) return j.error();
  for (auto it = j->begin(); it != j->end(); ++it) {
    auto id = array_from_hex<16>(it.key());
    auto key = it.value().is_string() ? array_from_hex<32>(it.value().get<std::string>()) : std::nullopt;
    if (id && key) authors_[*id] = *key;
  }
  return {};
}

std::optional<crypto::SignPublicKey> VaultKeys::author_key(const crypto::DeviceId& device) {
  if (!devices_loaded_ && !load_devices()) return std::nullopt;
  auto it = authors_.find(device);
  if (it == authors_.end()) return std::nullopt;
  return it->second;
}

Result<void> VaultKeys::refresh() {
  auto devices = api_.devices(unit_);
  if (!devices) return devices.error();
  nlohmann::json cache = nlohmann::json::object();
  authors_.clear();
  for (const auto& d : *devices) {
    // Revoked devices stay known so their earlier change sets still verify.
    authors_[d.device] = d.bundle.sign_key;
    cache[to_hex(d.device)] = to_hex(d.bundle.sign_key);
  }
  devices_loaded_ = true;
  if (auto saved = vault_.put_setting(settings::kDevices, cache.dump()); !saved) return saved;

  auto keys = api_.keys(unit_);
  if (!keys) return keys.error();
  for (const auto& wrapped : keys->keys) {
    auto key = crypto::open_sealed(me_.box(), wrapped.wrapped);
    if (!key) return make_error(Errc::corrupt, "epoch key " + std::to_string(wrapped.epoch) + " does not open on this device");
    if (auto saved = vault_.put_epoch_key(wrapped.epoch, *key); !saved) return saved;
    keys_.erase(wrapped.epoch);
  }
  return vault_.put_setting(settings::kCurrentEpoch, std::to_string(keys->current_epoch));
}

}  // namespace varn::sync
