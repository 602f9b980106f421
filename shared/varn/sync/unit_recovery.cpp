#include "varn/sync/unit_recovery.hpp"

#include <sodium.h>

#include "varn/crypto/box.hpp"
#include "varn/crypto/random.hpp"
#include "varn/registry/pairing.hpp"
#include "varn/sync/alarm.hpp"
#include "varn/sync/enrolment.hpp"
#include "varn/sync/kept_copies.hpp"
#include "varn/sync/registry_admin.hpp"
#include "varn/sync/registry_keeper.hpp"

namespace varn::sync {
namespace {

// Each epoch's key from the copy sealed to the recovery key, used only if
// it is the key the admin committed to in the registry: a copy the server
// swapped either does not open or opens to a key it knows, and is refused.
Result<std::vector<crypto::SecretBuffer>> open_recovery_copies(DeviceVault& vault, const registry::RegistryState& state,
                                                               const registry::RecoveryKey& recovery,
                                                               const std::vector<WrappedKey>& copies) {
  std::vector<crypto::SecretBuffer> keys;
  for (std::uint32_t epoch = 1; epoch <= state.epoch; ++epoch) {
    const WrappedKey* copy = nullptr;
    for (const auto& c : copies) copy = c.epoch == epoch ? &c : copy;
    if (copy == nullptr) {
      return make_error(Errc::corrupt, "the server holds no copy of epoch key " + std::to_string(epoch) +
                                           " for the recovery key: notes of that epoch cannot be read");
    }
    auto key = crypto::open_sealed(recovery.box(), copy->wrapped);
    if (!key || !registry::key_matches_commitment(state, epoch, key->view())) {
      const std::string message = "the recovery key's copy of epoch key " + std::to_string(epoch) +
                                  " is not the key the admin committed to; nothing was enrolled";
      (void)raise_alarm(vault, message);
      return make_error(Errc::corrupt, message);
    }
    keys.push_back(std::move(key).value());
  }
  return keys;
}

}  // namespace

Result<CommittedRecovery> commit_recovery_key(DeviceContext& device, ApiClient& api, const wire::UnitId& unit,
                                                  const registry::RegistryState& state, VaultKeys* keys) {
  auto recovery = registry::RecoveryKey::generate();
  std::vector<KeyCopy> copies;
  for (std::uint32_t epoch = 1; epoch <= state.epoch; ++epoch) {
    const crypto::SecretBuffer* key = keys != nullptr ? keys->epoch_key(epoch) : nullptr;
    if (key == nullptr) return make_error(Errc::locked, "this device lacks epoch key " + std::to_string(epoch));
    auto wrapped = crypto::seal_to(recovery.box().public_key(), key->view());
    if (!wrapped) return wrapped.error();
    copies.push_back({recovery.id(), std::move(wrapped).value()});
  }
  auto entry = next_entry(state, registry::EntryKind::set_recovery, device.now());
  entry.bundle = recovery.public_bundle();
  auto posted = post_entry(device, api, unit, entry, copies);
  if (!posted) return posted.error();
  return CommittedRecovery{std::move(recovery), std::move(posted).value()};
}

Result<RecoveryOutcome> UnitRecovery::recover(HttpExecutor& http, const wire::UnitId& unit, std::string_view code) {
  // Parsed first: a mistyped code sends nothing anywhere.
  auto recovery = registry::RecoveryKey::from_code(code);
  if (!recovery) return recovery.error();
  auto me = device_.identity();
  if (!me) return me.error();
  auto& vault = device_.vault();
  if (device_.status() == registry::DeviceStatus::active) return make_error(Errc::conflict, "this device is already enrolled");
  ApiClient api(http, **me);
  // A filed request gives this device a session; the recovery key's
  // signature is what then lets it read the unit's registry.
  auto filed = api.enrol(std::nullopt, to_hex(unit));
  if (!filed) return filed.error();
  if (filed->server_key) {
    if (auto r = vault.put_setting(settings::kServerKey, to_hex(*filed->server_key)); !r) return r.error();
  }
  const auto proof = recovery->signing().sign(registry::recovery_read_digest(unit, (*me)->device_id()));
  auto read = api.recovery_read(unit, proof);
  if (!read) return read.error();
  auto chain = registry::decode_entries(read->entries);
  if (!chain) return chain.error();
  if (chain->empty()) return make_error(Errc::corrupt, "the unit's registry is empty");
  // Rooted in its own entry 0, as a pending device pins its admin; what
  // ties it to this unit is the recovery key it commits to, which only the
  // unit's admin could have signed in. The safety code shows it to people.
  auto state = registry::verify_chain(*chain, chain->front().bundle.sign_key);
  if (!state) {
    (void)raise_alarm(vault, "the unit's registry offered for recovery does not verify: " + state.error().message);
    return state.error();
  }
  if (state->unit != unit) return make_error(Errc::corrupt, "the server answered another unit's registry");
  if (!state->recovery || *state->recovery != recovery->public_bundle()) {
    return make_error(Errc::forbidden, "this code is not the unit's recovery key (was it replaced?): nothing was enrolled");
  }
  auto keys = open_recovery_copies(vault, *state, *recovery, read->keys);
  if (!keys) return keys.error();

  // Every epoch key sealed to this device, as an admin's approval would.
  std::vector<KeyCopy> copies;
  for (std::uint32_t epoch = 1; epoch <= state->epoch; ++epoch) {
    const auto& key = (*keys)[epoch - 1];
    auto wrapped = crypto::seal_to((*me)->box().public_key(), key.view());
    if (!wrapped) return wrapped.error();
    copies.push_back({(*me)->device_id(), std::move(wrapped).value()});
    // Kept before the server hears of it, so a lost answer loses nothing.
    if (auto r = vault.put_epoch_key(epoch, key); !r) return r.error();
  }
  auto entry = next_entry(*state, registry::EntryKind::recover, device_.now());
  entry.subject = (*me)->device_id();
  entry.bundle = (*me)->public_bundle();
  entry.role = registry::Role::admin;
  entry.person = crypto::random_array<16>();
  entry.signer = recovery->id();
  entry.signature = recovery->signing().sign(registry::entry_signature_digest(entry));
  if (auto r = KeptCopies(vault).keep_posted(entry, copies); !r) return r.error();
  if (auto r = api.post_registry(unit, entry.encode(), copies); !r) return r.error();
  if (auto r = state->append(entry); !r) return r.error();
  chain->push_back(entry);
  if (auto r = become_member(device_, unit, *state, *chain, (*me)->device_id()); !r) return r.error();

  RecoveryOutcome outcome;
  outcome.device = (*me)->device_id();
  outcome.epochs = state->epoch;
  outcome.safety_code = registry::unit_safety_code(unit, state->root);
  // A new session: the one before was a pending device's.
  ApiClient member(http, **me);
  VaultKeys vault_keys(vault, member, **me, unit);
  if (auto r = vault_keys.refresh(); !r) return r.error();
  auto now_state = vault_keys.state();
  if (!now_state) return now_state.error();
  auto replacement = commit_recovery_key(device_, member, unit, *now_state, &vault_keys);
  if (!replacement) return replacement.error();
  outcome.new_code = replacement->key.code();
  return outcome;
}

}  // namespace varn::sync
