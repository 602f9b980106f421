// The signed registry: entries, the epoch key sets the box audit reads,
// the server's checkpoints, and a revoked device's wipe confirmation.
#include <charconv>

#include "varn/registry/entry.hpp"
#include "varn/server/handler_util.hpp"
#include "varn/server/log.hpp"
#include "varn/server/routes.hpp"
#include "varn/sync/api_client.hpp"
#include "varn/sync/json_fields.hpp"

namespace varn::server {
namespace {

using nlohmann::json;

//! Reads [{"device": hex, "wrapped": b64, "epoch"?: n}]; a missing list is empty.
Result<std::vector<KeyCopyRecord>> copy_list(const json& body) {
  std::vector<KeyCopyRecord> out;
  if (!body.contains("copies")) return out;
  if (!body["copies"].is_array()) return make_error(Errc::malformed, "field 'copies' is not a list");
  for (const auto& item : body["copies"]) {
    auto device = sync::field_id<16>(item, "device");
    if (!device) return device.error();
    auto wrapped = sync::field_base64(item, "wrapped");
    if (!wrapped) return wrapped.error();
    const auto epoch = sync::optional_u64(item, "epoch");
    if (epoch > UINT32_MAX) return make_error(Errc::malformed, "a copy names an impossible epoch");
    out.push_back(KeyCopyRecord{*device, static_cast<std::uint32_t>(epoch), std::move(wrapped).value()});
  }
  return out;
}

}  // namespace

Response route_registry_get(const Request& request, Context& ctx, const wire::UnitId& unit, std::string_view query) {
  auto auth = authenticate_member(request, ctx, unit, false);
  if (auto* answer = std::get_if<Response>(&auth)) return std::move(*answer);
  const auto after = query_number(query, "after");
  if (!after) return error_response(400, "malformed", "after must be a whole number");
  auto page = ctx.storage.registry_entries(unit, *after);
  if (!page) return storage_failure(page.error());
  json list = json::array();
  for (const auto& e : page->entries) list.push_back(to_base64(e));
  return json_response(200, {{"entries", list}, {"length", page->length}});
}

// Entries are self-authenticating: any device with a session may post one
// (an admin its new entry, any member what a restore lost); the registry
// decides whether its signer could sign it.
Response route_registry_post(const Request& request, Context& ctx, const wire::UnitId& unit) {
  auto auth = authenticate(request, ctx);
  if (auto* answer = std::get_if<Response>(&auth)) return std::move(*answer);
  const Caller& caller = std::get<Caller>(auth);
  auto body = sync::parse_json(request.body());
  if (!body) return error_response(400, "malformed", body.error().message);
  auto encoded = sync::field_base64(*body, "entry");
  if (!encoded) return error_response(400, "malformed", encoded.error().message);
  auto entry = registry::Entry::decode(*encoded);
  if (!entry) return error_response(400, "malformed", "entry: " + entry.error().message);
  auto copies = copy_list(*body);
  if (!copies) return error_response(400, "malformed", copies.error().message);
  auto posted = ctx.membership.post(unit, *entry, *encoded, std::move(copies).value());
  if (!posted) {
    if (posted.error().code == Errc::not_found) return error_response(404, "not_found", "no such unit");
    return storage_failure(posted.error());
  }
  if (*posted) {
    const auto& r = **posted;
    log_event("registry_refused", {{"unit", to_hex(unit)}, {"index", entry->index}, {"code", r.code}});
    return error_response(r.status, r.code, r.message);
  }
  // The revoked device's tokens grant nothing from now on.
  if (entry->kind == registry::EntryKind::revoke) ctx.sessions.revoke_device(entry->subject);
  json fields = {{"unit", to_hex(unit)}, {"index", entry->index}, {"kind", registry::to_string(entry->kind)},
                 {"by", to_hex(caller.device)}};
  if (entry->kind == registry::EntryKind::rotate) {
    fields["epoch"] = entry->epoch;
  } else {
    fields["subject"] = to_hex(entry->subject);
  }
  log_event("registry_entry", fields);
  return json_response(200, {{"index", entry->index}, {"length", entry->index + 1}});
}

Response route_epoch_copies(const Request& request, Context& ctx, const wire::UnitId& unit, std::string_view epoch_text) {
  auto auth = authenticate_member(request, ctx, unit, false);
  if (auto* answer = std::get_if<Response>(&auth)) return std::move(*answer);
  const Member& caller = std::get<Member>(auth);
  std::uint32_t epoch = 0;
  auto [ptr, ec] = std::from_chars(epoch_text.data(), epoch_text.data() + epoch_text.size(), epoch);
  if (ec != std::errc{} || ptr != epoch_text.data() + epoch_text.size()) {
    return error_response(400, "malformed", "the epoch must be a whole number");
  }
  if (epoch == 0 || epoch > caller.registry->epoch) return error_response(404, "not_found", "no such epoch");
  auto copies = ctx.storage.rotation_copies(unit, epoch);
  if (!copies) return storage_failure(copies.error());
  json list = json::array();
  for (const auto& c : *copies) list.push_back({{"device", to_hex(c.device)}, {"wrapped", to_base64(c.wrapped)}});
  return json_response(200, {{"epoch", epoch}, {"copies", list}});
}

Response route_checkpoint(const Request& request, Context& ctx, const wire::UnitId& unit, std::string_view query) {
  auto auth = authenticate_member(request, ctx, unit, false);
  if (auto* answer = std::get_if<Response>(&auth)) return std::move(*answer);
  const auto at = query_number(query, "at");
  if (!at) return error_response(400, "malformed", "at must be a whole number");
  auto u = ctx.storage.find_unit(unit);
  if (!u) return storage_failure(u.error());
  if (!*u) return error_response(404, "not_found", "no such unit");
  std::uint64_t seq = (*u)->head;
  crypto::Hash32 log_hash = (*u)->log_hash;
  // ?at=N: the log hash after change set N, so a device can find where its
  // history and the server's part (after a restore).
  if (query_has(query, "at") && *at != seq) {
    if (*at > seq) return error_response(404, "not_found", "the log does not reach that number");
    auto hash = ctx.storage.log_hash_at(unit, *at);
    if (!hash) {
      if (hash.error().code == Errc::not_found) return error_response(404, "not_found", "no change set with that number");
      return storage_failure(hash.error());
    }
    seq = *at;
    log_hash = *hash;
  }
  const auto cp = signed_checkpoint(ctx.server_key, **u, seq, log_hash, ctx.unix_now());
  return json_response(200, {{"checkpoint", to_base64(cp)}});
}

Response route_wipe(const Request& request, Context& ctx) {
  auto body = sync::parse_json(request.body());
  if (!body) return error_response(400, "malformed", body.error().message);
  auto device = sync::field_id<16>(*body, "device");
  if (!device) return error_response(400, "malformed", device.error().message);
  auto signature = sync::field_base64(*body, "signature");
  if (!signature) return error_response(400, "malformed", signature.error().message);
  const auto time = sync::optional_u64(*body, "time");
  if (time == 0 || time > INT64_MAX) return error_response(400, "malformed", "field 'time' is missing or invalid");
  auto standings = ctx.membership.standings(*device);
  if (!standings) return storage_failure(standings.error());
  // An unknown device gets the same answer as a wrong signature: no oracle.
  const auto digest = sync::wipe_confirmation_digest(*device, static_cast<std::int64_t>(time));
  if (standings->empty() || !crypto::verify_signature(standings->front().bundle.sign_key, digest, *signature)) {
    return error_response(401, "bad_signature", "the wipe confirmation does not verify");
  }
  // A revoked device confirms the wipe its revocation asked for; an active
  // one was wiped by its user (panic delete). Either way its keys are gone.
  bool revoked = false;
  for (const auto& s : *standings) revoked = revoked || s.status == registry::DeviceStatus::revoked;
  auto recorded = ctx.storage.record_wipe(*device, static_cast<std::int64_t>(time));
  if (!recorded) return storage_failure(recorded.error());
  log_event("wipe_confirmed", {{"device", to_hex(*device)}, {"by", revoked ? "revocation" : "user"}});
  return json_response(200, {{"device", to_hex(*device)}, {"wiped_at", *recorded}});
}

}  // namespace varn::server
