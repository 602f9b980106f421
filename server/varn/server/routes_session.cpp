// Enrolment, challenge-response sessions and /v1/me.
#include "varn/crypto/device_identity.hpp"
#include "varn/server/codes.hpp"
#include "varn/server/handler_util.hpp"
#include "varn/server/log.hpp"
#include "varn/server/routes.hpp"
#include "varn/sync/json_fields.hpp"

namespace varn::server {
namespace {

using nlohmann::json;

json unit_or_null(const std::optional<DeviceRecord>& record) {
  return record ? json(to_hex(record->unit)) : json(nullptr);
}

json role_or_null(const std::optional<DeviceRecord>& record) { return record ? json(record->role) : json(nullptr); }

std::string status_of(const std::optional<DeviceRecord>& record) { return record ? record->status : "pending"; }

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
    auto enrolled = ctx.storage.enrol_with_code(unit_code_hash(*code), device, *bundle_bytes, now);
    if (!enrolled) {
      if (enrolled.error().code == Errc::forbidden) return error_response(403, "bad_code", "unknown or used code");
      if (enrolled.error().code == Errc::conflict) return error_response(409, "conflict", "device already enrolled");
      return storage_failure(enrolled.error());
    }
    log_event("enrol_admin", {{"unit", to_hex(enrolled->unit)}, {"device", to_hex(device)}});
    return json_response(200, {{"status", "active"},
                               {"unit", to_hex(enrolled->unit)},
                               {"device", to_hex(device)},
                               {"role", enrolled->role},
                               {"server_key", server_key_hex}});
  }

  auto existing = ctx.storage.find_device(device);
  if (!existing) return storage_failure(existing.error());
  if (*existing) {  // already approved: answer what the device is
    return json_response(200, {{"status", (*existing)->status},
                               {"unit", to_hex((*existing)->unit)},
                               {"device", to_hex(device)},
                               {"role", (*existing)->role},
                               {"server_key", server_key_hex}});
  }
  auto pending = ctx.storage.request_enrolment(device, *bundle_bytes, random_code(2), now, enrolment_not_before(ctx));
  if (!pending) return storage_failure(pending.error());
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
  auto challenge = ctx.sessions.issue_challenge(*device);
  if (!challenge) return error_response(503, "busy", "too many open challenges; try again shortly");
  return json_response(200, {{"challenge", to_base64(*challenge)}});
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
  if (!ctx.sessions.take_challenge(*challenge, *device)) {
    return error_response(401, "unknown_challenge", "the challenge is unknown, spent, expired or for another device");
  }
  auto record = ctx.storage.find_device(*device);
  if (!record) return storage_failure(record.error());
  Bytes bundle_bytes;
  if (*record) {
    bundle_bytes = (*record)->bundle;
  } else {
    auto pending = ctx.storage.find_pending_by_device(*device, enrolment_not_before(ctx));
    if (!pending) return storage_failure(pending.error());
    if (*pending) bundle_bytes = (*pending)->bundle;
  }
  auto bundle = crypto::DevicePublicBundle::decode(bundle_bytes);
  // An unknown device gets the same answer as a wrong signature: no oracle.
  if (!bundle || !crypto::verify_signature(bundle->sign_key, crypto::labelled_hash("varn/session/v1", {*challenge}),
                                           *signature)) {
    return error_response(401, "bad_signature", "the challenge signature does not verify");
  }
  if (*record && (*record)->status == "revoked") {
    ctx.sessions.revoke_device(*device);
    return revoked_response();
  }
  if (*record) {
    if (auto touched = ctx.storage.touch_device(*device, ctx.unix_now()); !touched) {
      return storage_failure(touched.error());
    }
  }
  const std::string token = ctx.sessions.issue_token(*device);
  log_event("session_open", {{"device", to_hex(*device)}, {"status", status_of(*record)}});
  return json_response(200, {{"token", token},
                             {"expires_in", ctx.sessions.token_lifetime().count()},
                             {"status", status_of(*record)},
                             {"unit", unit_or_null(*record)},
                             {"role", role_or_null(*record)}});
}

Response route_me(const Request& request, Context& ctx) {
  auto caller = authenticate(request, ctx);
  if (auto* answer = std::get_if<Response>(&caller)) return std::move(*answer);
  const auto& c = std::get<Caller>(caller);
  return json_response(200, {{"device", to_hex(c.device)},
                             {"status", status_of(c.record)},
                             {"unit", unit_or_null(c.record)},
                             {"role", role_or_null(c.record)}});
}

}  // namespace varn::server
