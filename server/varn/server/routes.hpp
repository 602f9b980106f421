#pragma once
//! One function per call of docs/PROTOCOL.md; handler.cpp routes to them.

#include <string>
#include <string_view>

#include "varn/server/handler.hpp"

namespace varn::server {

Response route_enrol(const Request& request, Context& ctx);
Response route_challenge(const Request& request, Context& ctx);
Response route_session(const Request& request, Context& ctx);
Response route_me(const Request& request, Context& ctx);

Response route_devices(const Request& request, Context& ctx, const wire::UnitId& unit);
Response route_enrolment_get(const Request& request, Context& ctx, const wire::UnitId& unit, const std::string& code);
Response route_enrolments_list(const Request& request, Context& ctx, const wire::UnitId& unit);
Response route_keys_get(const Request& request, Context& ctx, const wire::UnitId& unit);

Response route_registry_get(const Request& request, Context& ctx, const wire::UnitId& unit, std::string_view query);
Response route_registry_post(const Request& request, Context& ctx, const wire::UnitId& unit);
Response route_epoch_copies(const Request& request, Context& ctx, const wire::UnitId& unit, std::string_view epoch);
Response route_checkpoint(const Request& request, Context& ctx, const wire::UnitId& unit, std::string_view query);
Response route_wipe(const Request& request, Context& ctx);
//! POST /v1/units/{u}/recovery: the registry and the recovery key's copies
//! for a device that signs its request with the unit's recovery key.
Response route_recovery_read(const Request& request, Context& ctx, const wire::UnitId& unit);

void route_push(Request request, Context& ctx, const wire::UnitId& unit, std::string_view query, Respond respond);
void route_pull(const Request& request, Context& ctx, const wire::UnitId& unit, std::string_view query,
                Respond respond);

}  // namespace varn::server
