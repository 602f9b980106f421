// The signed registry (issue 5): entries, the epoch key sets the box audit
// reads, the server's checkpoint, and a revoked device's wipe confirmation.
#include <charconv>

#include "varn/registry/entry.hpp"
#include "varn/server/handler_util.hpp"
#include "varn/server/log.hpp"
#include "varn/server/routes.hpp"
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

//! The bytes a revoked device signs to confirm its wipe (docs/PROTOCOL.md).
crypto::Hash32 wipe_digest(const wire::DeviceId& device, std::uint64_t time) {
  Bytes t;
  put_u64(t, time);
  return crypto::labelled_hash("varn/wipe-confirm/v1", {device, t});
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

Response route_registry_post(const Request& request, Context& ctx, const wire::UnitId& unit) {
  auto auth = authenticate_member(request, ctx, unit, true);
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
  if (entry->unit != unit) return error_response(400, "wrong_unit", "the entry names another unit");
  if (entry->signer != caller.device) return error_response(403, "forbidden", "the entry's signer is not the caller");
  auto bundle = crypto::DevicePublicBundle::decode(caller.record->bundle);
  if (!bundle) return storage_failure(bundle.error());
  if (!crypto::verify_signature(bundle->sign_key, registry::entry_signature_digest(*entry), entry->signature)) {
    return error_response(400, "bad_signature", "the entry's signature does not verify");
  }
  RegistryPost post{*entry, *encoded, registry::entry_hash(*entry), std::move(copies).value(), ctx.unix_now(),
                    enrolment_not_before(ctx)};
  auto appended = ctx.storage.append_registry(unit, post);
  if (!appended) return storage_failure(appended.error());
  if (*appended) {
    const auto& r = **appended;
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
  std::uint32_t epoch = 0;
  auto [ptr, ec] = std::from_chars(epoch_text.data(), epoch_text.data() + epoch_text.size(), epoch);
  if (ec != std::errc{} || ptr != epoch_text.data() + epoch_text.size()) {
    return error_response(400, "malformed", "the epoch must be a whole number");
  }
  auto u = ctx.storage.find_unit(unit);
  if (!u) return storage_failure(u.error());
  if (!*u || epoch == 0 || epoch > (*u)->current_epoch) return error_response(404, "not_found", "no such epoch");
  auto copies = ctx.storage.rotation_copies(unit, epoch);
  if (!copies) return storage_failure(copies.error());
  json list = json::array();
  for (const auto& c : *copies) list.push_back({{"device", to_hex(c.device)}, {"wrapped", to_base64(c.wrapped)}});
  return json_response(200, {{"epoch", epoch}, {"copies", list}});
}

Response route_checkpoint(const Request& request, Context& ctx, const wire::UnitId& unit) {
  auto auth = authenticate_member(request, ctx, unit, false);
  if (auto* answer = std::get_if<Response>(&auth)) return std::move(*answer);
  auto u = ctx.storage.find_unit(unit);
  if (!u) return storage_failure(u.error());
  if (!*u) return error_response(404, "not_found", "no such unit");
  const auto cp = signed_checkpoint(ctx.server_key, unit, (*u)->head, (*u)->registry_length, ctx.unix_now());
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
  auto record = ctx.storage.find_device(*device);
  if (!record) return storage_failure(record.error());
  // An unknown device gets the same answer as a wrong signature: no oracle.
  auto bundle = *record ? crypto::DevicePublicBundle::decode((*record)->bundle)
                        : Result<crypto::DevicePublicBundle>(make_error(Errc::not_found, "unknown device"));
  if (!bundle || !crypto::verify_signature(bundle->sign_key, wipe_digest(*device, time), *signature)) {
    return error_response(401, "bad_signature", "the wipe confirmation does not verify");
  }
  auto recorded = ctx.storage.record_wipe(*device, static_cast<std::int64_t>(time));
  if (!recorded) {
    if (recorded.error().code == Errc::forbidden) return error_response(403, "forbidden", "this device is not revoked");
    return storage_failure(recorded.error());
  }
  log_event("wipe_confirmed", {{"device", to_hex(*device)}});
  return json_response(200, {{"device", to_hex(*device)}, {"wiped_at", *recorded}});
}

}  // namespace varn::server
