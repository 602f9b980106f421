#include "varn/server/handler_util.hpp"

#include <charconv>

#include "varn/registry/checkpoint.hpp"
#include "varn/server/log.hpp"

namespace varn::server {

namespace http = boost::beast::http;

Response json_response(unsigned status, const nlohmann::json& body) {
  Response r{static_cast<http::status>(status), 11};
  r.set(http::field::content_type, "application/json");
  const std::string text = body.dump();
  r.body().assign(text.begin(), text.end());
  return r;
}

Response error_response(unsigned status, const std::string& code, const std::string& message, nlohmann::json extra) {
  extra["error"] = code;
  extra["message"] = message;
  return json_response(status, extra);
}

Response revoked_response() {
  return error_response(403, "revoked", "this device is revoked", {{"wipe", true}});
}

Response storage_failure(const Error& error) {
  log_event("storage_error", {{"message", error.message}});
  if (error.code == Errc::unavailable) return error_response(503, "unavailable", "the server is shutting down");
  return error_response(500, "internal", "the server could not complete the request");
}

std::variant<Caller, Response> authenticate(const Request& request, Context& ctx) {
  const auto raw = request[http::field::authorization];
  const std::string_view header(raw.data(), raw.size());
  constexpr std::string_view prefix = "Bearer ";
  if (header.size() <= prefix.size() || header.substr(0, prefix.size()) != prefix) {
    return error_response(401, "unauthorized", "a bearer token is required");
  }
  auto owner = ctx.sessions.owner_of(std::string(header.substr(prefix.size())));
  if (!owner) return error_response(401, "unauthorized", "unknown or expired token");
  if (owner->revoked) return revoked_response();
  auto record = ctx.storage.find_device(owner->device);
  if (!record) return storage_failure(record.error());
  if (*record && (*record)->status == "revoked") {
    ctx.sessions.revoke_device(owner->device);
    return revoked_response();
  }
  return Caller{owner->device, *record};
}

std::variant<Caller, Response> authenticate_member(const Request& request, Context& ctx, const wire::UnitId& unit,
                                                   bool admin_only) {
  auto caller = authenticate(request, ctx);
  if (auto* c = std::get_if<Caller>(&caller)) {
    if (!c->record || c->record->unit != unit || c->record->status != "active") {
      return error_response(403, "forbidden", "not an active member of this unit");
    }
    if (admin_only && c->record->role != "admin") return error_response(403, "forbidden", "admins only");
  }
  return caller;
}

std::int64_t enrolment_not_before(const Context& ctx) {
  return ctx.unix_now() - std::chrono::duration_cast<std::chrono::seconds>(ctx.limits.enrolment_lifetime).count();
}

std::optional<std::uint64_t> query_number(std::string_view query, std::string_view name) {
  std::size_t pos = 0;
  while (pos <= query.size()) {
    const auto end = std::min(query.find('&', pos), query.size());
    const auto part = query.substr(pos, end - pos);
    if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=') {
      const auto digits = part.substr(name.size() + 1);
      std::uint64_t value = 0;
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
      if (ec != std::errc{} || ptr != digits.data() + digits.size() || digits.empty()) return std::nullopt;
      return value;
    }
    pos = end + 1;
  }
  return 0;  // absent: the default
}

Bytes signed_checkpoint(const crypto::SigningKeyPair& server_key, const wire::UnitId& unit, std::uint64_t head,
                        std::uint64_t registry_length, std::int64_t now) {
  registry::Checkpoint c;
  c.unit = unit;
  c.log_seq = head;
  c.registry_length = registry_length;
  c.time = now;
  c.sign_with(server_key);
  return c.encode();
}

}  // namespace varn::server
