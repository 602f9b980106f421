// Push and pull of change sets: the hot path. Stateless checks (parse,
// unit, the author's signature, its rights at the registry point the
// envelope claims) run here; the stateful ones run in the writer.
#include <boost/asio/post.hpp>
#include <chrono>
#include <map>

#include "varn/server/handler_util.hpp"
#include "varn/server/log.hpp"
#include "varn/server/routes.hpp"

namespace varn::server {
namespace {

using nlohmann::json;
namespace http = boost::beast::http;

Response refusal(unsigned status, const std::string& code, std::size_t index, const std::string& message) {
  return error_response(status, code, message, {{"index", index}});
}

//! Registry entries that narrowed the device's rights at or after `seen`.
std::vector<std::uint64_t> narrowings_since(const registry::DeviceState& d, std::uint64_t seen) {
  std::vector<std::uint64_t> out;
  for (std::size_t i = 1; i < d.roles.size(); ++i) {
    if (d.roles[i].first >= seen) out.push_back(d.roles[i].first);
  }
  if (d.revoked_at && *d.revoked_at >= seen) out.push_back(*d.revoked_at);
  return out;
}

//! Parses the batch and runs every check that needs no stored state but the
//! verified registry. Returns the items, or the answer that refuses the batch.
std::variant<std::vector<PushItem>, Response> check_batch(const Request& request, Context& ctx, const Member& pusher,
                                                          const wire::UnitId& unit) {
  const auto& body = request.body();
  if (body.size() >= 4 && get_u32(body.data()) > ctx.limits.max_push_envelopes) {
    return error_response(413, "too_large", "more envelopes than the server takes in one push");
  }
  auto envelopes = wire::decode_push_body(body, ctx.limits.max_push_envelopes);
  if (!envelopes) return error_response(400, "malformed", "push body: " + envelopes.error().message);
  const registry::RegistryState& reg = *pusher.registry;
  std::vector<PushItem> items;
  items.reserve(envelopes->size());
  for (std::size_t i = 0; i < envelopes->size(); ++i) {
    Bytes& bytes = (*envelopes)[i];
    auto envelope = wire::decode_envelope(bytes);
    if (!envelope) return refusal(400, "malformed", i, "envelope: " + envelope.error().message);
    const auto& h = envelope->header;
    if (h.unit != unit) return refusal(400, "wrong_unit", i, "the envelope names another unit");
    const auto* author = reg.find(h.author);
    if (author == nullptr) return refusal(403, "forbidden", i, "the author is not a device of this unit");
    if (!wire::verify_envelope(*envelope, author->bundle.sign_key)) {
      return refusal(400, "bad_signature", i, "the author's signature does not verify");
    }
    // Judged by the role the author held at the registry point it had seen
    // when it sealed, as every client judges it; a revoked author's earlier
    // change sets pass here and the writer's floors decide.
    if (h.registry_seen > reg.length) {
      return refusal(400, "authority", i, "the envelope claims a registry entry the unit does not have");
    }
    const auto role = reg.role_at(h.author, h.registry_seen);
    if (!role) return refusal(403, "forbidden", i, "the author was not an active device at the registry point it names");
    if (!registry::role_may_write(*role, h.change_class)) {
      return refusal(403, "role", i, "the author's role may not write this class of change set");
    }
    const auto hash = wire::envelope_hash(bytes);
    items.push_back(PushItem{std::move(bytes), h, hash, narrowings_since(*author, h.registry_seen)});
  }
  return items;
}

//! What a pull answer needs to sign its checkpoint; copied into long-polls.
struct CheckpointSigner {
  const crypto::SigningKeyPair& key;
  std::function<std::int64_t()> now;
};

Response pull_answer(const PullPage& page, const CheckpointSigner& signer) {
  Response r{http::status::ok, 11};
  r.set(http::field::content_type, "application/octet-stream");
  r.set("Varn-Head", std::to_string(page.unit.head));
  r.set("Varn-Checkpoint",
        to_base64(signed_checkpoint(signer.key, page.unit, page.unit.head, page.unit.log_hash, signer.now())));
  r.body() = wire::encode_pull_body(page.items);
  return r;
}

}  // namespace

void route_push(Request request, Context& ctx, const wire::UnitId& unit, std::string_view query, Respond respond) {
  const auto started = std::chrono::steady_clock::now();
  auto auth = authenticate_member(request, ctx, unit, false);
  if (auto* answer = std::get_if<Response>(&auth)) return respond(std::move(*answer));
  auto checked = check_batch(request, ctx, std::get<Member>(auth), unit);
  if (auto* answer = std::get_if<Response>(&checked)) {
    log_event("push_refused", {{"unit", to_hex(unit)}, {"status", answer->result_int()}});
    return respond(std::move(*answer));
  }
  auto items = std::get<std::vector<PushItem>>(std::move(checked));
  if (items.empty()) return respond(json_response(200, {{"results", json::array()}}));
  if (!ctx.disk.allows_writes()) return respond(disk_full());
  if (auto wait = ctx.quotas.admit_unit(unit, request.body().size())) {
    ctx.metrics.rate_limited.fetch_add(1);
    return respond(rate_limited(*wait));
  }
  const std::size_t count = items.size();
  std::vector<wire::ChangeSetId> ids;
  for (const auto& item : items) ids.push_back(item.header.id);
  const std::size_t bytes = request.body().size();
  Metrics& metrics = ctx.metrics;
  const PushKind kind = query_has(query, "heal") ? PushKind::heal : PushKind::fresh;
  const StoredBytesCaps caps{ctx.limits.max_device_bytes, ctx.limits.max_unit_bytes};
  ctx.storage.push(unit, kind, caps, std::move(items), [=, &metrics, respond = std::move(respond)](Result<PushResult> result) {
    if (!result) return respond(storage_failure(result.error()));
    if (result->refusal) {
      const auto& r = *result->refusal;
      log_event("push_refused", {{"unit", to_hex(unit)}, {"status", r.status}, {"code", r.code}});
      json extra = {{"index", r.index}};
      if (r.code == "conflict" && r.index < ids.size()) extra["id"] = to_hex(ids[r.index]);
      if (r.code == "chain") extra["author_head"] = r.author_head;
      return respond(error_response(r.status, r.code, r.message, extra));
    }
    json list = json::array();
    std::size_t fresh = 0;
    for (const auto& a : result->acks) {
      list.push_back({{"id", to_hex(a.id)}, {"seq", a.seq}, {"duplicate", a.duplicate}});
      if (!a.duplicate) ++fresh;
    }
    metrics.push_batches.fetch_add(1);
    metrics.changesets_stored.fetch_add(fresh);
    metrics.changesets_duplicate.fetch_add(count - fresh);
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
    log_event("push", {{"unit", to_hex(unit)}, {"count", count}, {"stored", fresh}, {"bytes", bytes},
                       {"latency_us", micros}, {"heal", kind == PushKind::heal}});
    respond(json_response(200, {{"results", list}}));
  });
}

void route_pull(const Request& request, Context& ctx, const wire::UnitId& unit, std::string_view query,
                Respond respond) {
  auto auth = authenticate_member(request, ctx, unit, false);
  if (auto* answer = std::get_if<Response>(&auth)) return respond(std::move(*answer));
  const auto after = query_number(query, "after");
  const auto limit_asked = query_number(query, "limit");
  const auto wait_asked = query_number(query, "wait");
  if (!after || !limit_asked || !wait_asked) {
    return respond(error_response(400, "malformed", "after, limit and wait must be whole numbers"));
  }
  const std::size_t limit = (*limit_asked == 0 || *limit_asked > ctx.limits.max_pull_limit)
                                ? ctx.limits.max_pull_limit
                                : static_cast<std::size_t>(*limit_asked);
  const auto wait = std::min(std::chrono::seconds(static_cast<std::int64_t>(std::min<std::uint64_t>(*wait_asked, 86400))),
                             ctx.limits.max_long_poll);
  const std::size_t max_bytes = ctx.limits.max_pull_bytes;
  auto page = ctx.storage.pull(unit, *after, limit, max_bytes);
  if (!page) return respond(storage_failure(page.error()));
  // Wait only when the client is exactly at the head; a head below its
  // cursor (a restored server) is answered at once so it can tell.
  const CheckpointSigner signer{ctx.server_key, ctx.unix_now};
  if (!page->items.empty() || wait.count() == 0 || page->unit.head != *after) return respond(pull_answer(*page, signer));
  Context* context = &ctx;
  const auto device = std::get<Member>(auth).device;
  auto slot = ctx.quotas.open_poll(device, unit);
  if (!slot) {
    return respond(error_response(429, "too_many", "this device or unit already holds as many long-polls as it may"));
  }
  ctx.waiters.wait(unit, *after, wait, ctx.executor,
                   [context, unit, device, after = *after, limit, max_bytes, respond, signer, slot = std::move(slot)]() mutable {
    slot.reset();
    // A device revoked while it waited gets nothing more.
    auto standing = context->membership.standing(unit, device);
    if (!standing) return respond(storage_failure(standing.error()));
    if (standing->status != registry::DeviceStatus::active) {
      context->sessions.revoke_device(device);
      return respond(revoked_response(*context, unit));
    }
    auto again = context->storage.pull(unit, after, limit, max_bytes);
    respond(again ? pull_answer(*again, signer) : storage_failure(again.error()));
  });
  // A commit between the pull above and the wait would not wake us: look again.
  if (auto u = ctx.storage.find_unit(unit); u && *u && (*u)->head > *after) ctx.waiters.notify(unit, (*u)->head);
}

}  // namespace varn::server
