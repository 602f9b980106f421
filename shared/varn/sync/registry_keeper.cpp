#include "varn/sync/registry_keeper.hpp"

#include <nlohmann/json.hpp>

#include "varn/sync/json_fields.hpp"

namespace varn::sync {
namespace {

Result<std::vector<registry::Entry>> decode_all(const std::vector<Bytes>& encoded) {
  std::vector<registry::Entry> out;
  for (const auto& bytes : encoded) {
    auto e = registry::Entry::decode(bytes);
    if (!e) return e.error();
    out.push_back(*e);
  }
  return out;
}

std::uint64_t setting_u64(DeviceVault& vault, std::string_view key) {
  auto v = vault.setting(key);
  if (!v || !*v) return 0;
  return std::strtoull((*v)->c_str(), nullptr, 10);
}

}  // namespace

Result<void> RegistryKeeper::raise_alarm(const std::string& message) {
  return vault_.put_setting(settings::kAlarm, message);
}

Result<crypto::SignPublicKey> RegistryKeeper::pinned_admin(const std::vector<registry::Entry>& chain) {
  auto pinned = vault_.setting(settings::kAdminKey);
  if (!pinned) return pinned.error();
  if (*pinned) {
    auto key = array_from_hex<32>(**pinned);
    if (!key) return make_error(Errc::corrupt, "stored admin key is not valid");
    return *key;
  }
  // First sight, right after the admin approved this device: pin the root.
  if (chain.empty()) return make_error(Errc::corrupt, "the unit has no registry yet");
  const auto key = chain.front().bundle.sign_key;
  if (auto saved = vault_.put_setting(settings::kAdminKey, to_hex(key)); !saved) return saved.error();
  return key;
}

Result<void> RegistryKeeper::remember(const std::vector<Bytes>& encoded, const registry::RegistryState& state) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : encoded) list.push_back(to_base64(e));
  if (auto r = vault_.put_setting(settings::kRegistry, list.dump()); !r) return r;
  if (auto r = vault_.put_setting(settings::kRegistryLength, std::to_string(state.length)); !r) return r;
  if (auto r = vault_.put_setting(settings::kRegistryHead, to_hex(state.head)); !r) return r;
  return vault_.put_setting(settings::kCurrentEpoch, std::to_string(state.epoch));
}

Result<registry::RegistryState> RegistryKeeper::refresh(ApiClient& api, const wire::UnitId& unit) {
  auto encoded = api.registry(unit, 0);
  if (!encoded) return encoded.error();
  auto chain = decode_all(*encoded);
  if (!chain) {
    (void)raise_alarm("the server sent a registry entry that does not parse");
    return chain.error();
  }
  const std::uint64_t seen_length = setting_u64(vault_, settings::kRegistryLength);
  if (seen_length > 0) {
    auto head_hex = vault_.setting(settings::kRegistryHead);
    auto head = head_hex && *head_hex ? array_from_hex<32>(**head_hex) : std::nullopt;
    if (!head) return make_error(Errc::corrupt, "stored registry head is not valid");
    if (auto extends = registry::check_extends(*chain, seen_length, *head); !extends) {
      (void)raise_alarm(extends.error().message);
      return extends.error();
    }
  }
  auto admin = pinned_admin(*chain);
  if (!admin) return admin.error();
  auto state = registry::verify_chain(*chain, *admin);
  if (!state) {
    (void)raise_alarm(state.error().message);
    return state.error();
  }
  if (state->unit != unit) {
    (void)raise_alarm("the server sent the registry of another unit");
    return make_error(Errc::corrupt, "registry of another unit");
  }
  if (auto r = remember(*encoded, *state); !r) return r.error();
  return state;
}

Result<std::vector<registry::Entry>> RegistryKeeper::cached_entries() {
  auto cached = vault_.setting(settings::kRegistry);
  if (!cached) return cached.error();
  std::vector<Bytes> encoded;
  if (*cached) {
    auto j = nlohmann::json::parse(**cached, nullptr, false);
    if (!j.is_array()) return make_error(Errc::corrupt, "stored registry is not valid");
    for (const auto& e : j) {
      auto bytes = e.is_string() ? from_base64(e.get<std::string>()) : std::nullopt;
      if (!bytes) return make_error(Errc::corrupt, "stored registry entry is not valid");
      encoded.push_back(*bytes);
    }
  }
  return decode_all(encoded);
}

Result<registry::RegistryState> RegistryKeeper::cached_state() {
  auto chain = cached_entries();
  if (!chain) return chain.error();
  auto admin = pinned_admin(*chain);
  if (!admin) return admin.error();
  return registry::verify_chain(*chain, *admin);
}

}  // namespace varn::sync
