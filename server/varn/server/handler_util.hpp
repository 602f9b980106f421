#pragma once
//! Small helpers the route files share: JSON answers, errors in the
//! protocol's shape, the caller behind a bearer token and its standing.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

#include "varn/server/handler.hpp"

namespace varn::server {

//! A JSON answer with the given status.
Response json_response(unsigned status, const nlohmann::json& body);
//! {"error": code, "message": message, ...extra} with the given status.
Response error_response(unsigned status, const std::string& code, const std::string& message,
                        nlohmann::json extra = nlohmann::json::object());
//! 403 revoked with "wipe": true and the unit's registry, so the device can
//! verify the signed revoke entry itself before it wipes anything.
Response revoked_response(Context& ctx, const wire::UnitId& unit);
//! 500/503 for a storage failure; the detail goes to the log, not the client.
Response storage_failure(const Error& error);
//! 507 disk_full: what every writing route answers once the disk reserve is reached.
Response disk_full();
//! 429 rate_limited, with Retry-After: the device asked more than its rate.
Response rate_limited(std::chrono::seconds retry_after);

//! Who is calling: the device a live token names.
struct Caller {
  wire::DeviceId device{};
};

//! A caller that is an active member of the unit it asks about.
struct Member {
  wire::DeviceId device{};
  Standing standing;
  Membership::State registry;
};

//! The caller behind `Authorization: Bearer`, or the 401 answer to give.
std::variant<Caller, Response> authenticate(const Request& request, Context& ctx);
//! Like authenticate, and the caller must be an active member of `unit` by
//! its verified registry (an admin when `admin_only`): 403 forbidden, or
//! 403 revoked with the registry when the registry revoked it.
std::variant<Member, Response> authenticate_member(const Request& request, Context& ctx, const wire::UnitId& unit,
                                                   bool admin_only);

//! Pending enrolments older than this are gone.
std::int64_t enrolment_not_before(const Context& ctx);

//! The value of `name=` in a query string: 0 when absent, nullopt when not a number.
std::optional<std::uint64_t> query_number(std::string_view query, std::string_view name);
//! Whether `name=` appears in the query string at all.
bool query_has(std::string_view query, std::string_view name);

//! The unit's signed checkpoint (registry/checkpoint.hpp) at `seq` with the
//! running log hash there, and the registry as `unit` has it; encoded.
Bytes signed_checkpoint(const crypto::SigningKeyPair& server_key, const UnitRecord& unit, std::uint64_t seq,
                        const crypto::Hash32& log_hash, std::int64_t now);

}  // namespace varn::server
