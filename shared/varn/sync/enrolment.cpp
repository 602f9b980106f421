#include "varn/sync/enrolment.hpp"

#include <algorithm>

#include "varn/crypto/box.hpp"
#include "varn/crypto/random.hpp"
#include "varn/registry/pairing.hpp"
#include "varn/sync/alarm.hpp"
#include "varn/sync/registry_admin.hpp"
#include "varn/sync/registry_keeper.hpp"
#include "varn/sync/unit_recovery.hpp"
#include "varn/sync/vault_keys.hpp"

namespace varn::sync {
namespace {

std::string digits_only(const std::string& s) {
  std::string out;
  std::copy_if(s.begin(), s.end(), std::back_inserter(out), [](char c) { return c >= '0' && c <= '9'; });
  return out;
}


}  // namespace

Result<void> become_member(DeviceContext& device, const wire::UnitId& unit, const registry::RegistryState& state,
                           const std::vector<registry::Entry>& chain, const crypto::DeviceId& me) {
  auto& vault = device.vault();
  if (auto r = vault.put_setting(settings::kAdminKey, to_hex(state.root)); !r) return r;
  if (auto r = vault.put_setting(settings::kUnit, to_hex(unit)); !r) return r;
  if (const auto* mine = state.active(me)) {
    if (auto r = vault.put_setting(settings::kRole, registry::to_string(mine->role)); !r) return r;
  }
  if (auto r = RegistryKeeper(vault).remember(chain, state); !r) return r;
  if (auto r = vault.put_setting(settings::kPairingSecret, ""); !r) return r;
  return device.set_status(registry::DeviceStatus::active);
}

std::string Enrolment::pairing() {
  auto stored = device_.vault().setting(settings::kPairingSecret);
  if (!stored || !*stored || (*stored)->empty()) return {};
  return **stored;
}

Result<std::string> Enrolment::bootstrap_unit(ApiClient& api, const wire::UnitId& unit) {
  auto me = device_.identity();
  if (!me) return me.error();
  registry::RegistryState state;
  state.unit = unit;
  state.root = (*me)->signing().public_key();
  auto genesis = next_entry(state, registry::EntryKind::enrol, device_.now());
  genesis.subject = (*me)->device_id();
  genesis.bundle = (*me)->public_bundle();
  genesis.role = registry::Role::admin;
  genesis.person = crypto::random_array<16>();
  if (auto r = device_.vault().put_setting(settings::kAdminKey, to_hex(state.root)); !r) return r.error();
  auto posted = post_entry(device_, api, unit, genesis, {});
  if (!posted) return posted.error();
  if (auto r = state.append(*posted); !r) return r.error();
  // The recovery key before the first epoch, so every epoch is sealed to it
  // in its rotation's key set: a unit never depends on one device alone.
  auto recovery = commit_recovery_key(device_, api, unit, state, nullptr);
  if (!recovery) return recovery.error();
  if (auto r = state.append(recovery->entry); !r) return r.error();
  auto rotation = new_rotation(device_, state);
  if (!rotation) return rotation.error();
  auto rotated = post_entry(device_, api, unit, rotation->first, rotation->second);
  if (!rotated) return rotated.error();
  return recovery->key.code();
}

Result<EnrolOutcome> Enrolment::enrol(HttpExecutor& http, const std::optional<std::string>& unit_code,
                                      const std::string& unit_hint) {
  auto me = device_.identity();
  if (!me) return me.error();
  ApiClient api(http, **me);
  auto answer = api.enrol(unit_code, unit_hint);
  if (!answer) return answer.error();
  auto& vault = device_.vault();
  if (answer->server_key) {
    if (auto r = vault.put_setting(settings::kServerKey, to_hex(*answer->server_key)); !r) return r.error();
  }
  EnrolOutcome outcome;
  outcome.fingerprint = (*me)->public_bundle().fingerprint();
  if (unit_code) {
    if (answer->status != "active" || !answer->unit) return make_error(Errc::malformed, "server says active but names no unit");
    if (auto r = vault.put_setting(settings::kUnit, to_hex(*answer->unit)); !r) return r.error();
    if (auto r = vault.put_setting(settings::kRole, registry::to_string(registry::Role::admin)); !r) return r.error();
    auto recovery_code = bootstrap_unit(api, *answer->unit);
    if (!recovery_code) return recovery_code.error();
    outcome.recovery_code = std::move(recovery_code).value();
    if (auto r = device_.set_status(registry::DeviceStatus::active); !r) return r.error();
    VaultKeys keys(vault, api, **me, *answer->unit);
    if (auto r = keys.refresh(); !r) return r.error();
    outcome.status = registry::DeviceStatus::active;
    return outcome;
  }
  // The secret is made once and shown until an approval proves it.
  std::string secret = pairing();
  if (secret.empty()) {
    secret = registry::pairing_text(registry::new_pairing_secret());
    if (auto r = vault.put_setting(settings::kPairingSecret, secret); !r) return r.error();
  }
  if (auto r = device_.set_status(registry::DeviceStatus::pending); !r) return r.error();
  if (auto r = vault.put_setting(settings::kEnrolCode, answer->code); !r) return r.error();
  outcome.code = answer->code;
  outcome.pairing = secret;
  if (answer->status == "active") {
    auto done = finish(api);
    if (!done) return done.error();
    if (*done) outcome.status = registry::DeviceStatus::active;
  }
  return outcome;
}

Result<bool> Enrolment::finish(ApiClient& api) {
  auto me = device_.identity();
  if (!me) return me.error();
  const std::string text = pairing();
  if (text.empty()) return make_error(Errc::locked, "this device has no pairing secret: enrol it again");
  auto secret = registry::parse_pairing(text);
  if (!secret) return secret.error();
  auto info = api.open_session();
  if (!info) return info.error();
  for (const auto& standing : info->units) {
    if (standing.status != "active") continue;
    auto encoded = api.registry(standing.unit, 0);
    if (!encoded) return encoded.error();
    auto chain = registry::decode_entries(*encoded);
    if (!chain) continue;
    auto proven = registry::admin_proven_by_pairing(*chain, (*me)->public_bundle(), *secret);
    if (proven && proven->unit == standing.unit) {
      if (auto r = become_member(device_, standing.unit, *proven, *chain, (*me)->device_id()); !r) return r.error();
      return true;
    }
    if (!proven && proven.error().code != Errc::not_found) {
      (void)raise_alarm(device_.vault(), "unit " + to_hex(standing.unit) + " enrolled this device without the pairing "
                                         "secret it showed (" + proven.error().message + "): refused");
    }
  }
  return false;
}

Result<std::vector<EnrolmentRequest>> Enrolment::waiting(HttpExecutor& http) {
  auto me = device_.identity();
  if (!me) return me.error();
  auto unit = device_.unit();
  if (!unit) return unit.error();
  ApiClient api(http, **me);
  return api.enrolments(*unit);
}

Result<crypto::DeviceId> Enrolment::approve(HttpExecutor& http, const std::string& code, const std::string& fingerprint,
                                const std::string& pairing_text, registry::Role role,
                                std::optional<ByteArray<16>> person) {
  auto secret = registry::parse_pairing(pairing_text);
  if (!secret) return secret.error();
  auto me = device_.identity();
  if (!me) return me.error();
  auto unit = device_.unit();
  if (!unit) return unit.error();
  ApiClient api(http, **me);
  auto request = api.enrolment(*unit, code);
  if (!request) return request.error();
  if (digits_only(fingerprint).empty() || digits_only(request->bundle.fingerprint()) != digits_only(fingerprint)) {
    return make_error(Errc::forbidden, "fingerprint does not match the requesting device: not approved");
  }
  VaultKeys keys(device_.vault(), api, **me, *unit);
  if (auto r = keys.refresh(); !r) return r.error();
  auto state = keys.state();
  if (!state) return state.error();
  std::vector<KeyCopy> copies;
  for (std::uint32_t epoch = 1; epoch <= state->epoch; ++epoch) {
    const crypto::SecretBuffer* key = keys.epoch_key(epoch);
    if (key == nullptr) return make_error(Errc::locked, "this device lacks epoch key " + std::to_string(epoch));
    auto wrapped = crypto::seal_to(request->bundle.box_key, key->view());
    if (!wrapped) return wrapped.error();
    copies.push_back({request->device, std::move(wrapped).value()});
  }
  auto entry = next_entry(*state, registry::EntryKind::enrol, device_.now());
  entry.subject = request->device;
  entry.bundle = request->bundle;
  entry.role = role;
  entry.person = person ? *person : crypto::random_array<16>();
  entry.signer = (*me)->device_id();  // signed below; the MAC covers it too
  entry.pairing_mac = registry::pairing_mac(*secret, entry);
  auto posted = post_entry(device_, api, *unit, entry, copies);
  if (!posted) return posted.error();
  return request->device;
}

Result<std::string> Enrolment::safety_code() {
  auto unit = device_.unit();
  if (!unit) return unit.error();
  auto pinned = device_.vault().setting(settings::kAdminKey);
  if (!pinned) return pinned.error();
  auto key = *pinned ? array_from_hex<32>(**pinned) : std::nullopt;
  if (!key) return make_error(Errc::locked, "this device has not pinned its unit's admin key yet");
  return registry::unit_safety_code(*unit, *key);
}

}  // namespace varn::sync
