// Unit administration: members, pending enrolments, wrapped epoch keys.
#include "varn/server/codes.hpp"
#include "varn/server/handler_util.hpp"
#include "varn/server/log.hpp"
#include "varn/server/roles.hpp"
#include "varn/server/routes.hpp"
#include "varn/sync/json_fields.hpp"

namespace varn::server {
namespace {

using nlohmann::json;

#define VARN_MEMBER_OR_ANSWER(name, admin_only)                                    \
  auto name##_auth = authenticate_member(request, ctx, unit, admin_only);          \
  if (auto* answer = std::get_if<Response>(&name##_auth)) return std::move(*answer); \
  const Caller& name = std::get<Caller>(name##_auth)

//! Reads [{"epoch": n, "wrapped": b64}] or [{"device": hex, "wrapped": b64}].
Result<std::vector<KeyCopyRecord>> key_list(const json& body, const char* field, bool by_device) {
  if (!body.contains(field) || !body[field].is_array()) {
    return make_error(Errc::malformed, std::string("field '") + field + "' is missing or not a list");
  }
  std::vector<KeyCopyRecord> out;
  for (const auto& item : body[field]) {
    KeyCopyRecord k;
    auto wrapped = sync::field_base64(item, "wrapped");
    if (!wrapped) return wrapped.error();
    k.wrapped = std::move(wrapped).value();
    if (by_device) {
      auto device = sync::field_id<16>(item, "device");
      if (!device) return device.error();
      k.device = *device;
    } else {
      const auto epoch = sync::optional_u64(item, "epoch");
      if (epoch == 0 || epoch > UINT32_MAX) return make_error(Errc::malformed, "a key has no valid epoch");
      k.epoch = static_cast<std::uint32_t>(epoch);
    }
    out.push_back(std::move(k));
  }
  return out;
}

}  // namespace

Response route_devices(const Request& request, Context& ctx, const wire::UnitId& unit) {
  VARN_MEMBER_OR_ANSWER(caller, false);
  (void)caller;
  auto devices = ctx.storage.unit_devices(unit);
  if (!devices) return storage_failure(devices.error());
  json list = json::array();
  for (const auto& d : *devices) {
    list.push_back({{"device", to_hex(d.id)},
                    {"bundle", to_base64(d.bundle)},
                    {"role", d.role},
                    {"status", d.status},
                    {"last_seen", d.last_seen},
                    {"wiped_at", d.wiped_at ? json(*d.wiped_at) : json(nullptr)}});
  }
  return json_response(200, {{"devices", list}});
}

Response route_enrolment_get(const Request& request, Context& ctx, const wire::UnitId& unit,
                             const std::string& code) {
  VARN_MEMBER_OR_ANSWER(caller, true);
  (void)caller;
  auto pending = ctx.storage.find_pending_by_code(normalise_code(code), enrolment_not_before(ctx));
  if (!pending) return storage_failure(pending.error());
  if (!*pending) return error_response(404, "not_found", "no such enrolment request");
  return json_response(200, {{"code", (*pending)->code},
                             {"device", to_hex((*pending)->device)},
                             {"bundle", to_base64((*pending)->bundle)},
                             {"requested_at", (*pending)->requested_at}});
}

Response route_enrolment_approve(const Request& request, Context& ctx, const wire::UnitId& unit,
                                 const std::string& code) {
  VARN_MEMBER_OR_ANSWER(caller, true);
  auto body = sync::parse_json(request.body());
  if (!body) return error_response(400, "malformed", body.error().message);
  auto role = sync::field_string(*body, "role");
  if (!role) return error_response(400, "malformed", role.error().message);
  if (!is_known_role(*role)) return error_response(400, "malformed", "role must be worker, reviewer or admin");
  auto keys = key_list(*body, "keys", false);
  if (!keys) return error_response(400, "malformed", keys.error().message);
  auto approved = ctx.storage.approve_enrolment(unit, normalise_code(code), *role, *keys, ctx.unix_now(),
                                                enrolment_not_before(ctx));
  if (!approved) {
    const auto& e = approved.error();
    if (e.code == Errc::not_found) return error_response(404, "not_found", "no such enrolment request");
    if (e.code == Errc::invalid_argument) return error_response(400, "malformed", e.message);
    if (e.code == Errc::conflict) return error_response(409, "conflict", "the device is already enrolled");
    if (e.code == Errc::locked) return error_response(409, "registry", e.message);
    return storage_failure(e);
  }
  log_event("enrol_approved", {{"unit", to_hex(unit)}, {"device", to_hex(approved->id)},
                               {"by", to_hex(caller.device)}, {"role", approved->role}});
  return json_response(200, {{"device", to_hex(approved->id)}, {"role", approved->role}});
}

Response route_keys_put(const Request& request, Context& ctx, const wire::UnitId& unit) {
  VARN_MEMBER_OR_ANSWER(caller, true);
  auto body = sync::parse_json(request.body());
  if (!body) return error_response(400, "malformed", body.error().message);
  const auto epoch = sync::optional_u64(*body, "epoch");
  if (epoch == 0 || epoch > UINT32_MAX) return error_response(400, "malformed", "field 'epoch' is missing or invalid");
  auto copies = key_list(*body, "copies", true);
  if (!copies) return error_response(400, "malformed", copies.error().message);
  auto put = ctx.storage.put_epoch_keys(unit, static_cast<std::uint32_t>(epoch), *copies);
  if (!put) {
    const auto& e = put.error();
    if (e.code == Errc::conflict) return error_response(409, "epoch", "the epoch must be the current epoch + 1");
    if (e.code == Errc::invalid_argument) return error_response(400, "malformed", e.message);
    if (e.code == Errc::locked) return error_response(409, "registry", e.message);
    return storage_failure(e);
  }
  log_event("epoch_keys", {{"unit", to_hex(unit)}, {"epoch", epoch}, {"copies", copies->size()},
                           {"by", to_hex(caller.device)}});
  return json_response(200, {{"epoch", epoch}});
}

Response route_keys_get(const Request& request, Context& ctx, const wire::UnitId& unit) {
  VARN_MEMBER_OR_ANSWER(caller, false);
  auto u = ctx.storage.find_unit(unit);
  if (!u) return storage_failure(u.error());
  auto keys = ctx.storage.keys_for(caller.device);
  if (!keys) return storage_failure(keys.error());
  json list = json::array();
  for (const auto& k : *keys) list.push_back({{"epoch", k.epoch}, {"wrapped", to_base64(k.wrapped)}});
  return json_response(200, {{"current_epoch", *u ? (*u)->current_epoch : 0u}, {"keys", list}});
}

}  // namespace varn::server
