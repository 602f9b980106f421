#include "varn/sync/device_client.hpp"

#include <algorithm>

#include "varn/crypto/box.hpp"
#include "varn/sync/vault_keys.hpp"

namespace varn::sync {
namespace {

std::string digits_only(const std::string& s) {
  std::string out;
  std::copy_if(s.begin(), s.end(), std::back_inserter(out), [](char c) { return c >= '0' && c <= '9'; });
  return out;
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

Result<void> DeviceClient::become_active(const SessionInfo& info) {
  if (!info.unit) return make_error(Errc::malformed, "server says active but names no unit");
  if (auto r = vault_.put_setting(settings::kUnit, to_hex(*info.unit)); !r) return r;
  if (auto r = vault_.put_setting(settings::kRole, info.role); !r) return r;
  return vault_.put_setting(settings::kStatus, "active");
}

Result<void> DeviceClient::create_first_epoch(ApiClient& api, const wire::UnitId& unit) {
  auto key = crypto::SecretBuffer::random(32);
  auto wrapped = crypto::seal_to(identity_->public_bundle().box_key, key.view());
  if (!wrapped) return wrapped.error();
  // Keep the key before telling the server, so a lost answer loses nothing.
  if (auto r = vault_.put_epoch_key(1, key); !r) return r;
  if (auto r = vault_.put_setting(settings::kCurrentEpoch, "1"); !r) return r;
  return api.put_keys(unit, 1, {KeyCopy{identity_->device_id(), std::move(wrapped).value()}});
}

Result<EnrolOutcome> DeviceClient::enrol(HttpExecutor& http, const std::optional<std::string>& unit_code) {
  auto me = identity();
  if (!me) return me.error();
  ApiClient api(http, **me);
  auto answer = api.enrol(unit_code);
  if (!answer) return answer.error();
  EnrolOutcome outcome{answer->status, answer->code, (*me)->public_bundle().fingerprint()};
  if (answer->status == "active") {
    if (auto r = become_active(SessionInfo{"active", answer->unit, answer->role}); !r) return r.error();
    if (auto r = create_first_epoch(api, *answer->unit); !r) return r.error();
    return outcome;
  }
  if (auto r = vault_.put_setting(settings::kStatus, "pending"); !r) return r.error();
  if (auto r = vault_.put_setting(settings::kEnrolCode, answer->code); !r) return r.error();
  return outcome;
}

Result<void> DeviceClient::approve(HttpExecutor& http, const std::string& code, const std::string& fingerprint,
                                   const std::string& role) {
  auto me = identity();
  if (!me) return me.error();
  auto unit_id = unit();
  if (!unit_id) return unit_id.error();
  ApiClient api(http, **me);
  auto request = api.enrolment(*unit_id, code);
  if (!request) return request.error();
  if (digits_only(request->bundle.fingerprint()) != digits_only(fingerprint) || digits_only(fingerprint).empty()) {
    return make_error(Errc::forbidden, "fingerprint does not match the requesting device: not approved");
  }
  VaultKeys keys(vault_, api, **me, *unit_id);
  std::vector<WrappedKey> copies;
  for (std::uint32_t epoch = 1; epoch <= keys.current_epoch(); ++epoch) {
    const crypto::SecretBuffer* key = keys.epoch_key(epoch);
    if (key == nullptr) return make_error(Errc::locked, "this device lacks epoch key " + std::to_string(epoch));
    auto wrapped = crypto::seal_to(request->bundle.box_key, key->view());
    if (!wrapped) return wrapped.error();
    copies.push_back({epoch, std::move(wrapped).value()});
  }
  return api.approve(*unit_id, code, role, copies);
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
  SyncEngine engine(store_, **me, *unit_id, keys, limits);
  return engine.sync(api);
}

Result<std::vector<DeviceEntry>> DeviceClient::devices(HttpExecutor& http) {
  auto me = identity();
  if (!me) return me.error();
  auto unit_id = unit();
  if (!unit_id) return unit_id.error();
  ApiClient api(http, **me);
  return api.devices(*unit_id);
}

}  // namespace varn::sync
