// The unit's registry and the recovery key's sealed epoch-key copies, for a
// device that is not a member yet but proves it holds the recovery key: the
// first step of a recovery (docs/REGISTRY.md, "The recovery key"). The
// recover entry itself is posted like any entry (routes_registry.cpp).
#include "varn/registry/recovery_key.hpp"
#include "varn/server/handler_util.hpp"
#include "varn/server/log.hpp"
#include "varn/server/routes.hpp"
#include "varn/sync/json_fields.hpp"

namespace varn::server {

using nlohmann::json;

Response route_recovery_read(const Request& request, Context& ctx, const wire::UnitId& unit) {
  // Any session will do (a pending device's): the proof below is what counts.
  auto auth = authenticate(request, ctx);
  if (auto* answer = std::get_if<Response>(&auth)) return std::move(*answer);
  const Caller& caller = std::get<Caller>(auth);
  auto body = sync::parse_json(request.body());
  if (!body) return error_response(400, "malformed", body.error().message);
  auto proof = sync::field_base64(*body, "proof");
  if (!proof) return error_response(400, "malformed", proof.error().message);
  auto state = ctx.membership.state(unit);
  if (!state) {
    if (state.error().code == Errc::not_found) return error_response(404, "not_found", "no such unit");
    return storage_failure(state.error());
  }
  const auto& recovery = (*state)->recovery;
  // One answer for no recovery key and a wrong proof: a stranger learns
  // nothing of which units have one.
  if (!recovery || !crypto::verify_signature(recovery->sign_key, registry::recovery_read_digest(unit, caller.device), *proof)) {
    log_event("recovery_refused", {{"unit", to_hex(unit)}, {"by", to_hex(caller.device)}});
    return error_response(403, "forbidden", "no recovery key of this unit signed the request");
  }
  auto page = ctx.storage.registry_entries(unit, 0);
  if (!page) return storage_failure(page.error());
  auto copies = ctx.storage.keys_for(unit, recovery->device_id());
  if (!copies) return storage_failure(copies.error());
  json entries = json::array();
  for (const auto& e : page->entries) entries.push_back(to_base64(e));
  json keys = json::array();
  for (const auto& c : *copies) keys.push_back({{"epoch", c.epoch}, {"wrapped", to_base64(c.wrapped)}});
  log_event("recovery_read", {{"unit", to_hex(unit)}, {"by", to_hex(caller.device)}});
  return json_response(200, {{"entries", entries}, {"length", page->length}, {"keys", keys}});
}

}  // namespace varn::server
