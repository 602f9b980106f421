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

Response revoked_response(Context& ctx, const wire::UnitId& unit) {
  nlohmann::json entries = nlohmann::json::array();
  if (auto page = ctx.storage.registry_entries(unit, 0)) {
    for (const auto& e : page->entries) entries.push_back(to_base64(e));
  }
  return error_response(403, "revoked", "this device is revoked",
                        {{"wipe", true}, {"unit", to_hex(unit)}, {"registry", entries}});
}

Response storage_failure(const Error& error) {
  log_event("storage_error", {{"message", error.message}});
  // Errc::unavailable: shutting down, or the storage busy (every pooled
  // connection lent for longer than the pool's wait) or unreachable. The
  // answer does not say which: the log has the storage's own message.
  if (error.code == Errc::unavailable) {
    return error_response(503, "unavailable", "the server cannot take this request now (busy or shutting down); try again");
  }
  return error_response(500, "internal", "the server could not complete the request");
}

Response disk_full() {
  log_event("disk_reserve_reached", {});
  return error_response(507, "disk_full", "the server's disk is nearly full; it takes no new writes until space is freed");
}

Response rate_limited(std::chrono::seconds retry_after) {
  auto r = error_response(429, "rate_limited", "this device is sending faster than the server takes; try again later",
                          {{"retry_after", retry_after.count()}});
  r.set(http::field::retry_after, std::to_string(retry_after.count()));
  return r;
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
  return Caller{owner->device};
}

std::variant<Member, Response> authenticate_member(const Request& request, Context& ctx, const wire::UnitId& unit,
                                                   bool admin_only) {
  auto caller = authenticate(request, ctx);
  if (auto* answer = std::get_if<Response>(&caller)) return std::move(*answer);
  const auto device = std::get<Caller>(caller).device;
  auto registry = ctx.membership.state(unit);
  if (!registry) {
    if (registry.error().code == Errc::not_found) return error_response(403, "forbidden", "not an active member of this unit");
    return storage_failure(registry.error());
  }
  auto standing = ctx.membership.standing(unit, device);
  if (!standing) return storage_failure(standing.error());
  if (standing->status == registry::DeviceStatus::revoked) {
    ctx.sessions.revoke_device(device);
    return revoked_response(ctx, unit);
  }
  if (standing->status != registry::DeviceStatus::active) {
    return error_response(403, "forbidden", "not an active member of this unit");
  }
  if (admin_only && standing->role != registry::Role::admin) return error_response(403, "forbidden", "admins only");
  return Member{device, *standing, *registry};
}

std::int64_t enrolment_not_before(const Context& ctx) {
  return ctx.unix_now() - std::chrono::duration_cast<std::chrono::seconds>(ctx.limits.enrolment_lifetime).count();
}

namespace {
std::optional<std::string_view> query_value(std::string_view query, std::string_view name) {
  std::size_t pos = 0;
  while (pos <= query.size()) {
    const auto end = std::min(query.find('&', pos), query.size());
    const auto part = query.substr(pos, end - pos);
    if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=') {
      return part.substr(name.size() + 1);
    }
    pos = end + 1;
  }
  return std::nullopt;
}
}  // namespace

bool query_has(std::string_view query, std::string_view name) { return query_value(query, name).has_value(); }

std::optional<std::uint64_t> query_number(std::string_view query, std::string_view name) {
  const auto digits = query_value(query, name);
  if (!digits) return 0;  // absent: the default
  std::uint64_t value = 0;
  auto [ptr, ec] = std::from_chars(digits->data(), digits->data() + digits->size(), value);
  if (ec != std::errc{} || ptr != digits->data() + digits->size() || digits->empty()) return std::nullopt;
  return value;
}

Bytes signed_checkpoint(const crypto::SigningKeyPair& server_key, const UnitRecord& unit, std::uint64_t seq,
                        const crypto::Hash32& log_hash, std::int64_t now) {
  registry::Checkpoint c;
  c.unit = unit.id;
  c.log_seq = seq;
  c.log_hash = log_hash;
  c.registry_length = unit.registry_length;
  c.registry_head = unit.registry_head;
  c.time = now;
  c.sign_with(server_key);
  return c.encode();
}

}  // namespace varn::server
