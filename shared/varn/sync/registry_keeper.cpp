#include "varn/sync/registry_keeper.hpp"

#include <nlohmann/json.hpp>

#include "varn/sync/alarm.hpp"
#include "varn/sync/json_fields.hpp"
#include "varn/sync/kept_copies.hpp"

namespace varn::sync {
namespace {

std::uint64_t setting_u64(DeviceVault& vault, std::string_view key) {
  auto v = vault.setting(key);
  if (!v || !*v) return 0;
  return std::strtoull((*v)->c_str(), nullptr, 10);
}

Error refuse(DeviceVault& vault, Errc code, const std::string& message) {
  (void)raise_alarm(vault, message);
  return make_error(code, message);
}

}  // namespace

Result<crypto::SignPublicKey> RegistryKeeper::pinned_admin() {
  auto pinned = vault_.setting(settings::kAdminKey);
  if (!pinned) return pinned.error();
  if (!*pinned) return make_error(Errc::locked, "this device has not pinned its unit's admin key: finish enrolment first");
  auto key = array_from_hex<32>(**pinned);
  if (!key) return make_error(Errc::corrupt, "stored admin key is not valid");
  return *key;
}

Result<void> RegistryKeeper::remember(const std::vector<registry::Entry>& chain, const registry::RegistryState& state) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : chain) list.push_back(to_base64(e.encode()));
  if (auto r = vault_.put_setting(settings::kRegistry, list.dump()); !r) return r;
  if (auto r = vault_.put_setting(settings::kRegistryLength, std::to_string(state.length)); !r) return r;
  if (auto r = vault_.put_setting(settings::kRegistryHead, to_hex(state.head)); !r) return r;
  if (auto r = vault_.put_setting(settings::kLeaseDays, std::to_string(state.lease_days)); !r) return r;
  return vault_.put_setting(settings::kCurrentEpoch, std::to_string(state.epoch));
}

Result<std::size_t> RegistryKeeper::repost(ApiClient& api, const wire::UnitId& unit,
                                           const std::vector<registry::Entry>& ours, std::size_t from) {
  KeptCopies kept(vault_);
  std::uint32_t epochs = 0;
  for (std::size_t i = 0; i < from && i < ours.size(); ++i) {
    if (ours[i].kind == registry::EntryKind::rotate) epochs = ours[i].epoch;
  }
  for (std::size_t i = from; i < ours.size(); ++i) {
    auto copies = kept.for_entry(ours[i], epochs);
    if (ours[i].kind == registry::EntryKind::rotate) epochs = ours[i].epoch;
    if (!copies) return copies.error();
    if (auto r = api.post_registry(unit, ours[i].encode(), *copies); !r) return r.error();
  }
  return ours.size() - from;
}

Result<registry::RegistryState> RegistryKeeper::refresh(ApiClient& api, const wire::UnitId& unit) {
  auto admin = pinned_admin();
  if (!admin) return admin.error();
  auto encoded = api.registry(unit, 0);
  if (!encoded) return encoded.error();
  auto chain = registry::decode_entries(*encoded);
  if (!chain) return refuse(vault_, Errc::corrupt, "the server sent a registry entry that does not parse");
  const std::uint64_t seen_length = setting_u64(vault_, settings::kRegistryLength);
  auto head_hex = vault_.setting(settings::kRegistryHead);
  auto head = head_hex && *head_hex ? array_from_hex<32>(**head_hex) : std::nullopt;
  if (seen_length > 0 && !head) return make_error(Errc::corrupt, "stored registry head is not valid");
  const auto extension = registry::compare_with_remembered(*chain, seen_length, head.value_or(crypto::Hash32{}));
  if (extension == registry::Extension::forks) {
    return refuse(vault_, Errc::rollback, "the server's registry forks from the one this device has seen");
  }
  if (extension == registry::Extension::shorter) {
    // A restore, or a server hiding entries: every entry is admin-signed,
    // so what this device holds goes back, and the unit converges.
    auto ours = cached_entries();
    if (!ours) return ours.error();
    for (std::size_t i = 0; i < chain->size(); ++i) {
      if (i >= ours->size() || registry::entry_hash((*chain)[i]) != registry::entry_hash((*ours)[i])) {
        return refuse(vault_, Errc::rollback, "the server's registry forks from the one this device has seen");
      }
    }
    auto posted = repost(api, unit, *ours, chain->size());
    if (!posted) return refuse(vault_, Errc::rollback, "the server lost registry entries and refused them back: " + posted.error().message);
    (void)raise_alarm(vault_, "the server had lost " + std::to_string(*posted) +
                                  " registry entries (restored from a backup?); this device posted them again");
    encoded = api.registry(unit, 0);
    if (!encoded) return encoded.error();
    chain = registry::decode_entries(*encoded);
    if (!chain || registry::compare_with_remembered(*chain, seen_length, *head) != registry::Extension::extends) {
      return refuse(vault_, Errc::rollback, "the server's registry is still shorter than the one this device has seen");
    }
  }
  auto state = registry::verify_chain(*chain, *admin);
  if (!state) return refuse(vault_, Errc::corrupt, state.error().message);
  if (state->unit != unit) return refuse(vault_, Errc::corrupt, "the server sent the registry of another unit");
  if (auto r = remember(*chain, *state); !r) return r.error();
  return state;
}

Result<void> RegistryKeeper::remember_posted(const registry::Entry& entry) {
  auto chain = cached_entries();
  if (!chain) return chain.error();
  if (entry.index != chain->size()) return {};  // not the next one: the next refresh decides
  chain->push_back(entry);
  auto admin = pinned_admin();
  if (!admin) return admin.error();
  auto state = registry::verify_chain(*chain, *admin);
  if (!state) return {};
  return remember(*chain, *state);
}

Result<registry::RegistryState> RegistryKeeper::verify_offered(const std::vector<Bytes>& encoded) {
  auto admin = pinned_admin();
  if (!admin) return admin.error();
  auto chain = registry::decode_entries(encoded);
  if (!chain) return chain.error();
  const std::uint64_t seen_length = setting_u64(vault_, settings::kRegistryLength);
  auto head_hex = vault_.setting(settings::kRegistryHead);
  auto head = head_hex && *head_hex ? array_from_hex<32>(**head_hex) : std::nullopt;
  if (seen_length > 0 && (!head || registry::compare_with_remembered(*chain, seen_length, *head) !=
                                       registry::Extension::extends)) {
    return make_error(Errc::rollback, "the registry offered does not extend the one this device has seen");
  }
  return registry::verify_chain(*chain, *admin);
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
  return registry::decode_entries(encoded);
}

Result<registry::RegistryState> RegistryKeeper::cached_state() {
  auto chain = cached_entries();
  if (!chain) return chain.error();
  auto admin = pinned_admin();
  if (!admin) return admin.error();
  return registry::verify_chain(*chain, *admin);
}

}  // namespace varn::sync
