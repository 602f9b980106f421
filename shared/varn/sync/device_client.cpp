#include "varn/sync/device_client.hpp"

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>

#include "varn/crypto/box.hpp"
#include "varn/registry/checkpoint.hpp"
#include "varn/sync/registry_keeper.hpp"
#include "varn/sync/vault_keys.hpp"

namespace varn::sync {
namespace {

std::string digits_only(const std::string& s) {
  std::string out;
  std::copy_if(s.begin(), s.end(), std::back_inserter(out), [](char c) { return c >= '0' && c <= '9'; });
  return out;
}

registry::Entry next_entry(const registry::RegistryState& s, registry::EntryKind kind) {
  registry::Entry e;
  e.index = s.length;
  e.prev = s.head;
  e.unit = s.unit;
  e.kind = kind;
  e.time = static_cast<std::int64_t>(std::time(nullptr));
  return e;
}

std::uint64_t setting_u64(DeviceVault& vault, std::string_view key) {
  auto v = vault.setting(key);
  if (!v || !*v) return 0;
  return std::strtoull((*v)->c_str(), nullptr, 10);
}

}  // namespace

Result<const crypto::DeviceIdentity*> DeviceClient::identity() {
  if (identity_) return &*identity_;
  auto loaded = vault_.load_identity();
  if (!loaded) return loaded.error();
  if (*loaded) {
    identity_.emplace(std::move(**loaded));
  } else {
    identity_.emplace(crypto::DeviceIdentity::generate());
    if (auto saved = vault_.save_identity(*identity_); !saved) return saved.error();
  }
  return &*identity_;
}

Result<wire::UnitId> DeviceClient::unit() {
  auto hex = vault_.setting(settings::kUnit);
  if (!hex) return hex.error();
  if (!*hex) return make_error(Errc::locked, "this device is not enrolled in a unit yet");
  auto id = array_from_hex<16>(**hex);
  if (!id) return make_error(Errc::corrupt, "stored unit id is not valid");
  return *id;
}

std::string DeviceClient::alarm() {
  auto a = vault_.setting(settings::kAlarm);
  return a && *a ? **a : std::string();
}

Result<std::string> DeviceClient::acknowledge_alarm(std::int64_t now_unix) {
  const std::string text = alarm();
  if (text.empty()) return make_error(Errc::not_found, "there is no alarm to acknowledge");
  if (auto r = vault_.put_setting(settings::kAlarmAcknowledged, std::to_string(now_unix) + " " + text); !r) {
    return r.error();
  }
  if (auto r = vault_.put_setting(settings::kAlarm, ""); !r) return r.error();
  return text;
}

Result<void> DeviceClient::become_active(const SessionInfo& info) {
  if (!info.unit) return make_error(Errc::malformed, "server says active but names no unit");
  if (auto r = vault_.put_setting(settings::kUnit, to_hex(*info.unit)); !r) return r;
  if (auto r = vault_.put_setting(settings::kRole, info.role); !r) return r;
  return vault_.put_setting(settings::kStatus, "active");
}

Result<void> DeviceClient::post_entry(ApiClient& api, const wire::UnitId& unit, registry::Entry entry,
                                      const std::vector<KeyCopy>& copies) {
  entry.sign_with(identity_->signing());
  // Keep what was posted so an admin can re-post it after a server restore.
  nlohmann::json kept = nlohmann::json::array();
  for (const auto& c : copies) kept.push_back({{"device", to_hex(c.device)}, {"wrapped", to_base64(c.wrapped)}});
  const nlohmann::json record = {{"entry", to_base64(entry.encode())}, {"copies", kept}};
  if (auto r = vault_.put_setting(std::string(settings::kPostedCopies) + std::to_string(entry.index), record.dump()); !r) {
    return r;
  }
  return api.post_registry(unit, entry.encode(), copies);
}

Result<void> DeviceClient::bootstrap_unit(ApiClient& api, const wire::UnitId& unit) {
  registry::RegistryState empty;
  empty.unit = unit;
  auto genesis = next_entry(empty, registry::EntryKind::enrol);
  genesis.subject = identity_->device_id();
  genesis.bundle = identity_->public_bundle();
  genesis.role = registry::Role::admin;
  if (auto r = vault_.put_setting(settings::kAdminKey, to_hex(identity_->signing().public_key())); !r) return r;
  if (auto r = post_entry(api, unit, genesis, {}); !r) return r;
  genesis.sign_with(identity_->signing());
  empty.length = 1;
  empty.head = registry::entry_hash(genesis);
  // Keep the key before telling the server, so a lost answer loses nothing.
  auto key = crypto::SecretBuffer::random(32);
  if (auto r = vault_.put_epoch_key(1, key); !r) return r;
  auto wrapped = crypto::seal_to(identity_->public_bundle().box_key, key.view());
  if (!wrapped) return wrapped.error();
  std::vector<KeyCopy> copies{{identity_->device_id(), std::move(wrapped).value()}};
  auto rotate = next_entry(empty, registry::EntryKind::rotate);
  rotate.epoch = 1;
  rotate.key_set = registry::key_set_hash(1, {{copies[0].device, copies[0].wrapped}});
  return post_entry(api, unit, rotate, copies);
}

Result<EnrolOutcome> DeviceClient::enrol(HttpExecutor& http, const std::optional<std::string>& unit_code) {
  auto me = identity();
  if (!me) return me.error();
  ApiClient api(http, **me);
  auto answer = api.enrol(unit_code);
  if (!answer) return answer.error();
  if (answer->server_key) {
    if (auto r = vault_.put_setting(settings::kServerKey, to_hex(*answer->server_key)); !r) return r.error();
  }
  EnrolOutcome outcome{answer->status, answer->code, (*me)->public_bundle().fingerprint()};
  if (answer->status == "active") {
    if (auto r = become_active(SessionInfo{"active", answer->unit, answer->role}); !r) return r.error();
    if (auto r = bootstrap_unit(api, *answer->unit); !r) return r.error();
    RegistryKeeper keeper(vault_);
    if (auto s = keeper.refresh(api, *answer->unit); !s) return s.error();
    return outcome;
  }
  if (auto r = vault_.put_setting(settings::kStatus, "pending"); !r) return r.error();
  if (auto r = vault_.put_setting(settings::kEnrolCode, answer->code); !r) return r.error();
  return outcome;
}

Result<registry::RegistryState> DeviceClient::fresh_state(ApiClient& api, const wire::UnitId& unit) {
  RegistryKeeper keeper(vault_);
  auto state = keeper.refresh(api, unit);
  if (!state) return state;
  // The verified registry, not the server's word, says which role this
  // device has now; the store seals access-log entries and addenda by it.
  auto me = identity();
  if (!me) return me.error();
  if (const auto* mine = state->active((*me)->device_id()); mine != nullptr) {
    if (auto r = vault_.put_setting(settings::kRole, registry::to_string(mine->role)); !r) return r.error();
  }
  return state;
}

Result<void> DeviceClient::approve(HttpExecutor& http, const std::string& code, const std::string& fingerprint,
                                   registry::Role role) {
  auto me = identity();
  if (!me) return me.error();
  auto unit_id = unit();
  if (!unit_id) return unit_id.error();
  ApiClient api(http, **me);
  auto request = api.enrolment(*unit_id, code);
  if (!request) return request.error();
  if (digits_only(fingerprint).empty() || digits_only(request->bundle.fingerprint()) != digits_only(fingerprint)) {
    return make_error(Errc::forbidden, "fingerprint does not match the requesting device: not approved");
  }
  VaultKeys keys(vault_, api, **me, *unit_id);
  if (auto r = keys.refresh(); !r) return r;
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
  auto entry = next_entry(*state, registry::EntryKind::enrol);
  entry.subject = request->device;
  entry.bundle = request->bundle;
  entry.role = role;
  return post_entry(api, *unit_id, entry, copies);
}

Result<void> DeviceClient::change_role(HttpExecutor& http, const crypto::DeviceId& device, registry::Role role) {
  auto me = identity();
  if (!me) return me.error();
  auto unit_id = unit();
  if (!unit_id) return unit_id.error();
  ApiClient api(http, **me);
  auto state = fresh_state(api, *unit_id);
  if (!state) return state.error();
  if (state->active(device) == nullptr) return make_error(Errc::not_found, "no active device with that id");
  auto entry = next_entry(*state, registry::EntryKind::change_role);
  entry.subject = device;
  entry.role = role;
  return post_entry(api, *unit_id, entry, {});
}

Result<void> DeviceClient::rotate(HttpExecutor& http) {
  auto me = identity();
  if (!me) return me.error();
  auto unit_id = unit();
  if (!unit_id) return unit_id.error();
  ApiClient api(http, **me);
  auto state = fresh_state(api, *unit_id);
  if (!state) return state.error();
  const std::uint32_t epoch = state->epoch + 1;
  auto key = crypto::SecretBuffer::random(32);
  if (auto r = vault_.put_epoch_key(epoch, key); !r) return r;
  std::vector<KeyCopy> copies;
  std::vector<registry::KeyCopy> audited;
  for (const auto& [id, device] : state->devices) {
    if (device.revoked) continue;
    auto wrapped = crypto::seal_to(device.bundle.box_key, key.view());
    if (!wrapped) return wrapped.error();
    copies.push_back({id, *wrapped});
    audited.push_back({id, std::move(wrapped).value()});
  }
  auto entry = next_entry(*state, registry::EntryKind::rotate);
  entry.epoch = epoch;
  entry.key_set = registry::key_set_hash(epoch, audited);
  return post_entry(api, *unit_id, entry, copies);
}

Result<void> DeviceClient::revoke(HttpExecutor& http, const crypto::DeviceId& device) {
  auto me = identity();
  if (!me) return me.error();
  if (device == (*me)->device_id()) return make_error(Errc::invalid_argument, "an admin cannot revoke its own device");
  auto unit_id = unit();
  if (!unit_id) return unit_id.error();
  ApiClient api(http, **me);
  auto state = fresh_state(api, *unit_id);
  if (!state) return state.error();
  if (state->active(device) == nullptr) return make_error(Errc::not_found, "no active device with that id");
  auto entry = next_entry(*state, registry::EntryKind::revoke);
  entry.subject = device;
  if (auto r = post_entry(api, *unit_id, entry, {}); !r) return r;
  // Everything written from now on is under a key the revoked device never gets.
  return rotate(http);
}

Result<CheckpointOutcome> DeviceClient::check_checkpoint(ApiClient& api, SyncEngine& engine, const wire::UnitId& unit,
                                                         std::uint64_t registry_length) {
  auto pinned = vault_.setting(settings::kServerKey);
  if (!pinned) return pinned.error();
  auto server_key = *pinned ? array_from_hex<32>(**pinned) : std::nullopt;
  if (!server_key) return make_error(Errc::corrupt, "no pinned server key: enrol again");
  auto bytes = api.checkpoint(unit);
  if (!bytes) return bytes.error();
  auto cp = registry::Checkpoint::decode(*bytes);
  if (!cp) return cp.error();
  RegistryKeeper keeper(vault_);
  if (!cp->verify(*server_key) || cp->unit != unit) {
    (void)keeper.raise_alarm("the server's checkpoint is not signed by the pinned server key");
    return make_error(Errc::corrupt, "checkpoint signature does not verify");
  }
  const std::uint64_t highest_seq = setting_u64(vault_, settings::kCheckpointSeq);
  CheckpointOutcome outcome;
  // A registry rollback is caught by RegistryKeeper against the head it
  // remembers; here the log is what counts.
  (void)registry_length;
  auto verdict = registry::compare_checkpoint(*cp, highest_seq, 0);
  if (verdict == registry::CheckpointVerdict::rolled_back) {
    // Attack or honest restore from backup: say so, then heal by giving the
    // server back every signed change set it lost.
    outcome.rolled_back = true;
    (void)keeper.raise_alarm("the server was behind what this device had seen (change set " +
                             std::to_string(cp->log_seq) + " < " + std::to_string(highest_seq) +
                             "): it may have been restored from a backup; lost change sets were pushed again");
    auto held = store_.held_envelopes_after(cp->log_seq);
    if (!held) return held.error();
    auto pushed = engine.repush(api, *held);
    if (!pushed) return pushed.error();
    outcome.repushed = *pushed;
    if (auto r = store_.rewind_cursor(cp->log_seq); !r) return r.error();
    SyncReport ignored;
    if (auto pulled = engine.pull_all(api, ignored); !pulled) return pulled.error();
    auto again = api.checkpoint(unit);
    if (!again) return again.error();
    cp = registry::Checkpoint::decode(*again);
    if (!cp || !cp->verify(*server_key)) return make_error(Errc::corrupt, "checkpoint after re-push does not verify");
  }
  if (auto r = vault_.put_setting(settings::kCheckpointSeq, std::to_string(std::max(cp->log_seq, outcome.rolled_back ? 0 : highest_seq))); !r) {
    return r.error();
  }
  return outcome;
}

Result<SyncReport> DeviceClient::sync(HttpExecutor& http, SyncLimits limits) {
  auto me = identity();
  if (!me) return me.error();
  ApiClient api(http, **me);
  auto status = vault_.setting(settings::kStatus);
  if (!status) return status.error();
  if (!*status) return make_error(Errc::locked, "this device is not enrolled: run enrol first");
  if (**status == "pending") {
    auto info = api.open_session();
    if (!info) return info.error();
    if (info->status != "active") return make_error(Errc::locked, "waiting for the admin to approve this device");
    if (auto r = become_active(*info); !r) return r.error();
  }
  auto unit_id = unit();
  if (!unit_id) return unit_id.error();
  VaultKeys keys(vault_, api, **me, *unit_id);
  if (auto r = keys.refresh(); !r) return r.error();
  auto state = keys.state();
  if (!state) return state.error();
  if (state->active((*me)->device_id()) == nullptr) {
    return make_error(Errc::revoked, "the registry says this device is revoked");
  }
  SyncEngine engine(store_, **me, *unit_id, keys, limits);
  auto report = engine.sync(api);
  if (!report) return report.error();
  auto checkpoint = check_checkpoint(api, engine, *unit_id, state->length);
  if (!checkpoint) return checkpoint.error();
  if (auto r = vault_.put_setting(settings::kLastSync, std::to_string(std::time(nullptr))); !r) return r.error();
  return report;
}

Result<std::vector<DeviceEntry>> DeviceClient::devices(HttpExecutor& http) {
  auto me = identity();
  if (!me) return me.error();
  auto unit_id = unit();
  if (!unit_id) return unit_id.error();
  ApiClient api(http, **me);
  return api.devices(*unit_id);
}

Result<std::vector<registry::Entry>> DeviceClient::registry(HttpExecutor& http) {
  auto me = identity();
  if (!me) return me.error();
  auto unit_id = unit();
  if (!unit_id) return unit_id.error();
  ApiClient api(http, **me);
  if (auto s = fresh_state(api, *unit_id); !s) return s.error();
  RegistryKeeper keeper(vault_);
  return keeper.cached_entries();
}

Result<void> DeviceClient::confirm_wipe(HttpExecutor& http, std::int64_t now_unix) {
  auto me = identity();
  if (!me) return me.error();
  ApiClient api(http, **me);
  return api.confirm_wipe(now_unix);
}

}  // namespace varn::sync
