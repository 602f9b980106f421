// Enrolment, challenge-response sessions and /v1/me.
#include "varn/crypto/device_identity.hpp"
#include "varn/server/codes.hpp"
#include "varn/server/handler_util.hpp"
#include "varn/server/log.hpp"
#include "varn/server/routes.hpp"
#include "varn/sync/api_client.hpp"
#include "varn/sync/join_address.hpp"
#include "varn/sync/json_fields.hpp"

namespace varn::server {
namespace {

using nlohmann::json;
using registry::DeviceStatus;

constexpr const char* kUnknownChallenge = "the challenge is unknown, spent, expired or for another device";

//! What a device is overall: active in some unit, revoked in every unit
//! that names it, or pending.
DeviceStatus overall(const std::vector<Standing>& standings) {
  bool revoked = false;
  for (const auto& s : standings) {
    if (s.status == DeviceStatus::active) return DeviceStatus::active;
    if (s.status == DeviceStatus::revoked) revoked = true;
  }
  return revoked ? DeviceStatus::revoked : DeviceStatus::pending;
}

//! {"status", "units": [...], "unit", "role"}: `unit` and `role` name the
//! first unit the device is active in (most devices are in one).
json describe(const wire::DeviceId& device, const std::vector<Standing>& standings) {
  json units = json::array();
  json first_unit = nullptr, first_role = nullptr;
  for (const auto& s : standings) {
    units.push_back({{"unit", to_hex(s.unit)},
                     {"status", registry::to_string(s.status)},
                     {"role", s.role ? json(registry::to_string(*s.role)) : json(nullptr)}});
    if (s.status == DeviceStatus::active && first_unit.is_null()) {
      first_unit = to_hex(s.unit);
      first_role = s.role ? json(registry::to_string(*s.role)) : json(nullptr);
    }
  }
  return {{"device", to_hex(device)},
          {"status", registry::to_string(overall(standings))},
          {"units", units},
          {"unit", first_unit},
          {"role", first_role}};
}

//! The optional "unit" of a pending request: where the device was told to
//! join, so that unit's admins see it listed. "" when absent.
Result<std::string> parse_unit_hint(const json& body) {
  if (!body.contains("unit")) return std::string();
  auto hint = sync::field_string(body, "unit");
  if (!hint) return hint.error();
  return sync::normalise_unit_hint(*hint);
}

const Standing* first_revoked(const std::vector<Standing>& standings) {
  for (const auto& s : standings) {
    if (s.status == DeviceStatus::revoked) return &s;
  }
  return nullptr;
}

}  // namespace

Response route_enrol(const Request& request, Context& ctx) {
  auto body = sync::parse_json(request.body());
  if (!body) return error_response(400, "malformed", body.error().message);
  auto bundle_bytes = sync::field_base64(*body, "bundle");
  if (!bundle_bytes) return error_response(400, "malformed", bundle_bytes.error().message);
  auto bundle = crypto::DevicePublicBundle::decode(*bundle_bytes);
  if (!bundle) return error_response(400, "malformed", "bundle: " + bundle.error().message);
  const auto device = bundle->device_id();
  const auto now = ctx.unix_now();
  // Devices pin this at enrolment and check every checkpoint against it.
  const std::string server_key_hex = to_hex(ctx.server_key.public_key());

  if (body->contains("code")) {
    auto code = sync::field_string(*body, "code");
    if (!code) return error_response(400, "malformed", code.error().message);
    auto unit = ctx.storage.spend_unit_code(unit_code_hash(*code), device, *bundle_bytes);
    if (!unit) {
      if (unit.error().code == Errc::forbidden) return error_response(403, "bad_code", "unknown or used code");
      return storage_failure(unit.error());
    }
    log_event("enrol_admin", {{"unit", to_hex(*unit)}, {"device", to_hex(device)}});
    return json_response(200, {{"status", "active"},
                               {"unit", to_hex(*unit)},
                               {"device", to_hex(device)},
                               {"role", "admin"},
                               {"server_key", server_key_hex}});
  }

  // The request proves the device holds the bundle's signing key, so no one
  // can file (and squat) a request in another device's name.
  auto signature = sync::field_base64(*body, "signature");
  if (!signature) return error_response(400, "malformed", signature.error().message);
  if (!crypto::verify_signature(bundle->sign_key, sync::enrol_request_digest(*bundle_bytes), *signature)) {
    return error_response(400, "bad_signature", "the enrolment request is not signed by the bundle's key");
  }
  auto standings = ctx.membership.standings(device);
  if (!standings) return storage_failure(standings.error());
  if (!standings->empty()) {  // already in a unit: answer what the device is
    auto answer = describe(device, *standings);
    answer["server_key"] = server_key_hex;
    return json_response(200, answer);
  }
  auto unit_hint = parse_unit_hint(*body);
  if (!unit_hint) return error_response(400, "malformed", unit_hint.error().message);
  if (!ctx.disk.allows_writes()) return disk_full();
  const auto peer_field = request[kPeerField];
  const std::string peer(peer_field.data(), peer_field.size());
  auto pending = ctx.storage.request_enrolment(device, *bundle_bytes, random_code(2), *unit_hint, now,
                                               enrolment_not_before(ctx),
                                               peer, ctx.limits.max_pending_enrolments, ctx.limits.max_pending_per_peer);
  if (!pending) {
    if (pending.error().code == Errc::forbidden) return error_response(429, "too_many", pending.error().message);
    if (pending.error().code == Errc::unavailable) return error_response(503, "busy", pending.error().message);
    return storage_failure(pending.error());
  }
  log_event("enrol_request", {{"device", to_hex(device)}});
  return json_response(202, {{"status", "pending"},
                             {"code", pending->code},
                             {"device", to_hex(device)},
                             {"server_key", server_key_hex}});
}

Response route_challenge(const Request& request, Context& ctx) {
  auto body = sync::parse_json(request.body());
  if (!body) return error_response(400, "malformed", body.error().message);
  auto device = sync::field_id<16>(*body, "device");
  if (!device) return error_response(400, "malformed", device.error().message);
  return json_response(200, {{"challenge", to_base64(ctx.sessions.issue_challenge(*device))}});
}

Response route_session(const Request& request, Context& ctx) {
  auto body = sync::parse_json(request.body());
  if (!body) return error_response(400, "malformed", body.error().message);
  auto device = sync::field_id<16>(*body, "device");
  auto challenge = sync::field_base64(*body, "challenge");
  auto signature = sync::field_base64(*body, "signature");
  if (!device) return error_response(400, "malformed", device.error().message);
  if (!challenge) return error_response(400, "malformed", challenge.error().message);
  if (!signature) return error_response(400, "malformed", signature.error().message);
  const auto valid = ctx.sessions.check_challenge(*challenge, *device);
  if (!valid) return error_response(401, "unknown_challenge", kUnknownChallenge);
  auto standings = ctx.membership.standings(*device);
  if (!standings) return storage_failure(standings.error());
  std::optional<crypto::DevicePublicBundle> bundle;
  if (!standings->empty()) {
    bundle = standings->front().bundle;
  } else {
    auto pending = ctx.storage.find_pending_by_device(*device, enrolment_not_before(ctx));
    if (!pending) return storage_failure(pending.error());
    if (*pending) {
      if (auto b = crypto::DevicePublicBundle::decode((*pending)->bundle)) bundle = *b;
    }
  }
  // An unknown device gets the same answer as a wrong signature: no oracle.
  if (!bundle || !crypto::verify_signature(bundle->sign_key, sync::session_challenge_digest(*challenge), *signature)) {
    return error_response(401, "bad_signature", "the challenge signature does not verify");
  }
  // Spent only once its answer verified, so strangers cannot fill the
  // ledger; spent before anything else, so a replay opens nothing.
  auto fresh = ctx.sessions.spend_challenge(*valid);
  if (!fresh) return storage_failure(fresh.error());
  if (!*fresh) return error_response(401, "unknown_challenge", kUnknownChallenge);
  if (overall(*standings) == DeviceStatus::revoked) {
    ctx.sessions.revoke_device(*device);
    return revoked_response(ctx, first_revoked(*standings)->unit);
  }
  // Opening sessions spends the device's request rate like any call.
  if (auto wait = ctx.quotas.admit(*device, 0)) return rate_limited(*wait);
  if (!standings->empty()) {
    if (auto touched = ctx.storage.touch_device(*device, ctx.unix_now()); !touched) {
      return storage_failure(touched.error());
    }
  }
  const std::string token = ctx.sessions.issue_token(*device, overall(*standings) == DeviceStatus::active);
  auto answer = describe(*device, *standings);
  log_event("session_open", {{"device", to_hex(*device)}, {"status", answer["status"]}});
  answer["token"] = token;
  answer["expires_in"] = ctx.sessions.token_lifetime().count();
  auto response = json_response(200, answer);
  if (overall(*standings) == DeviceStatus::active) response.set(kMemberField, "1");
  return response;
}

Response route_me(const Request& request, Context& ctx) {
  auto caller = authenticate(request, ctx);
  if (auto* answer = std::get_if<Response>(&caller)) return std::move(*answer);
  const auto device = std::get<Caller>(caller).device;
  auto standings = ctx.membership.standings(device);
  if (!standings) return storage_failure(standings.error());
  if (overall(*standings) == DeviceStatus::revoked) {
    ctx.sessions.revoke_device(device);
    return revoked_response(ctx, first_revoked(*standings)->unit);
  }
  return json_response(200, describe(device, *standings));
}

}  // namespace varn::server
