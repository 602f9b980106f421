// Unit administration: members (as the verified registry has them),
// pending enrolments, the caller's wrapped epoch keys.
#include "varn/server/codes.hpp"
#include "varn/server/handler_util.hpp"
#include "varn/server/routes.hpp"

namespace varn::server {
namespace {

using nlohmann::json;

#define VARN_MEMBER_OR_ANSWER(name, admin_only)                                    \
  auto name##_auth = authenticate_member(request, ctx, unit, admin_only);          \
  if (auto* answer = std::get_if<Response>(&name##_auth)) return std::move(*answer); \
  const Member& name = std::get<Member>(name##_auth)

// A screenful: a stranger who files requests naming the unit cannot make
// the answer large (the per-address and total caps bound them anyway).
constexpr std::size_t kListedEnrolments = 50;

}  // namespace

Response route_devices(const Request& request, Context& ctx, const wire::UnitId& unit) {
  VARN_MEMBER_OR_ANSWER(caller, false);
  json list = json::array();
  for (const auto& [id, d] : caller.registry->devices) {
    auto activity = ctx.storage.activity(id);
    if (!activity) return storage_failure(activity.error());
    list.push_back({{"device", to_hex(id)},
                    {"bundle", to_base64(d.bundle.encode())},
                    {"role", registry::to_string(d.role)},
                    {"status", registry::to_string(d.revoked ? registry::DeviceStatus::revoked
                                                             : registry::DeviceStatus::active)},
                    {"person", to_hex(d.person)},
                    {"last_seen", activity->last_seen},
                    {"wiped_at", activity->wiped_at ? json(*activity->wiped_at) : json(nullptr)}});
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

Response route_enrolments_list(const Request& request, Context& ctx, const wire::UnitId& unit) {
  VARN_MEMBER_OR_ANSWER(caller, true);
  (void)caller;
  auto pending = ctx.storage.pending_for_unit(unit, enrolment_not_before(ctx), kListedEnrolments);
  if (!pending) return storage_failure(pending.error());
  json list = json::array();
  for (const auto& p : *pending) {
    list.push_back({{"code", p.code},
                    {"device", to_hex(p.device)},
                    {"bundle", to_base64(p.bundle)},
                    {"requested_at", p.requested_at}});
  }
  return json_response(200, {{"enrolments", list}});
}

Response route_keys_get(const Request& request, Context& ctx, const wire::UnitId& unit) {
  VARN_MEMBER_OR_ANSWER(caller, false);
  auto keys = ctx.storage.keys_for(unit, caller.device);
  if (!keys) return storage_failure(keys.error());
  json list = json::array();
  for (const auto& k : *keys) list.push_back({{"epoch", k.epoch}, {"wrapped", to_base64(k.wrapped)}});
  return json_response(200, {{"current_epoch", caller.registry->epoch}, {"keys", list}});
}

}  // namespace varn::server
