#pragma once
//! Small helpers the route files share: JSON answers, errors in the
//! protocol's shape, the caller behind a bearer token.

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
//! 403 revoked with "wipe": true: the device must wipe itself.
Response revoked_response();
//! 500/503 for a storage failure; the detail goes to the log, not the client.
Response storage_failure(const Error& error);

//! Who is calling: the device a token names and its row (absent: pending).
struct Caller {
  wire::DeviceId device{};
  std::optional<DeviceRecord> record;
};

//! The caller behind `Authorization: Bearer`, or the 401/403 answer to give.
std::variant<Caller, Response> authenticate(const Request& request, Context& ctx);
//! Like authenticate, and the caller must be an active member of `unit`
//! (with role `admin` when `admin_only`); 403 forbidden otherwise.
std::variant<Caller, Response> authenticate_member(const Request& request, Context& ctx, const wire::UnitId& unit,
                                                   bool admin_only);

//! Pending enrolments older than this are gone.
std::int64_t enrolment_not_before(const Context& ctx);

//! The value of `name=` in a query string: 0 when absent, nullopt when not a number.
std::optional<std::uint64_t> query_number(std::string_view query, std::string_view name);

//! The unit's signed checkpoint (registry/checkpoint.hpp), encoded.
Bytes signed_checkpoint(const crypto::SigningKeyPair& server_key, const wire::UnitId& unit, std::uint64_t head,
                        std::uint64_t registry_length, std::int64_t now);

}  // namespace varn::server
