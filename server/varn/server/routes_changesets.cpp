// Push and pull of change sets: the hot path. Stateless checks (parse, unit,
// author's signature) run here; the stateful ones run in the writer.
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

//! Parses the batch and runs every check that needs no stored state but the
//! authors' keys. Returns the items, or the answer that refuses the batch.
std::variant<std::vector<PushItem>, Response> check_batch(const Request& request, Context& ctx,
                                                          const wire::UnitId& unit) {
  const auto& body = request.body();
  if (body.size() >= 4 && get_u32(body.data()) > ctx.limits.max_push_envelopes) {
    return error_response(413, "too_large", "more envelopes than the server takes in one push");
  }
  auto envelopes = wire::decode_push_body(body, ctx.limits.max_push_envelopes);
  if (!envelopes) return error_response(400, "malformed", "push body: " + envelopes.error().message);
  // A batch usually has one author: look it up and decode its key once.
  struct Author {
    std::optional<DeviceRecord> record;
    std::optional<crypto::SignPublicKey> sign_key;
  };
  std::map<wire::DeviceId, Author> authors;
  std::vector<PushItem> items;
  items.reserve(envelopes->size());
  for (std::size_t i = 0; i < envelopes->size(); ++i) {
    Bytes& bytes = (*envelopes)[i];
    auto envelope = wire::decode_envelope(bytes);
    if (!envelope) return refusal(400, "malformed", i, "envelope: " + envelope.error().message);
    const auto& h = envelope->header;
    if (h.unit != unit) return refusal(400, "wrong_unit", i, "the envelope names another unit");
    auto known = authors.find(h.author);
    if (known == authors.end()) {
      auto record = ctx.storage.find_device(h.author);
      if (!record) return storage_failure(record.error());
      known = authors.emplace(h.author, Author{*record, std::nullopt}).first;
    }
    // A revoked author passes here: its change sets may come back in a
    // re-push, which the writer decides (sqlite_push.cpp).
    auto& [author, sign_key] = known->second;
    if (!author || author->unit != unit || (author->status != "active" && author->status != "revoked")) {
      return refusal(403, "forbidden", i, "the author is not a device of this unit");
    }
    if (!sign_key) {
      auto bundle = crypto::DevicePublicBundle::decode(author->bundle);
      if (!bundle) return storage_failure(bundle.error());
      sign_key = bundle->sign_key;
    }
    if (!wire::verify_envelope(*envelope, *sign_key)) {
      return refusal(400, "bad_signature", i, "the author's signature does not verify");
    }
    const auto hash = wire::envelope_hash(bytes);
    items.push_back(PushItem{std::move(bytes), h, hash});
  }
  return items;
}

//! What a pull answer needs to sign its checkpoint; copied into long-polls.
struct CheckpointSigner {
  const crypto::SigningKeyPair& key;
  std::function<std::int64_t()> now;
};

Response pull_answer(const PullPage& page, const wire::UnitId& unit, const CheckpointSigner& signer) {
  Response r{http::status::ok, 11};
  r.set(http::field::content_type, "application/octet-stream");
  r.set("Varn-Head", std::to_string(page.head));
  r.set("Varn-Checkpoint", to_base64(signed_checkpoint(signer.key, unit, page.head, page.registry_length, signer.now())));
  r.body() = wire::encode_pull_body(page.items);
  return r;
}

}  // namespace

void route_push(Request request, Context& ctx, const wire::UnitId& unit, Respond respond) {
  const auto started = std::chrono::steady_clock::now();
  auto auth = authenticate_member(request, ctx, unit, false);
  if (auto* answer = std::get_if<Response>(&auth)) return respond(std::move(*answer));
  auto checked = check_batch(request, ctx, unit);
  if (auto* answer = std::get_if<Response>(&checked)) {
    log_event("push_refused", {{"unit", to_hex(unit)}, {"status", answer->result_int()}});
    return respond(std::move(*answer));
  }
  auto items = std::get<std::vector<PushItem>>(std::move(checked));
  if (items.empty()) return respond(json_response(200, {{"results", json::array()}}));
  const std::size_t count = items.size();
  std::vector<wire::ChangeSetId> ids;
  for (const auto& item : items) ids.push_back(item.header.id);
  const std::size_t bytes = request.body().size();
  Metrics& metrics = ctx.metrics;
  const auto pusher = std::get<Caller>(auth).device;
  ctx.storage.push(unit, pusher, std::move(items), [=, &metrics, respond = std::move(respond)](Result<PushResult> result) {
    if (!result) return respond(storage_failure(result.error()));
    if (result->refusal) {
      const auto& r = *result->refusal;
      log_event("push_refused", {{"unit", to_hex(unit)}, {"status", r.status}, {"code", r.code}});
      json extra = {{"index", r.index}};
      if (r.code == "conflict" && r.index < ids.size()) extra["id"] = to_hex(ids[r.index]);
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
                       {"latency_us", micros}});
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
  if (!page->items.empty() || wait.count() == 0 || page->head != *after) return respond(pull_answer(*page, unit, signer));
  Storage& storage = ctx.storage;
  Sessions& sessions = ctx.sessions;
  const auto device = std::get<Caller>(auth).device;
  ctx.waiters.wait(unit, *after, wait, ctx.executor,
                   [&storage, &sessions, unit, device, after = *after, limit, max_bytes, respond, signer] {
    // A device revoked while it waited gets nothing more.
    auto record = storage.find_device(device);
    if (!record) return respond(storage_failure(record.error()));
    if (!*record || (*record)->status != "active") {
      sessions.revoke_device(device);
      return respond(revoked_response());
    }
    auto again = storage.pull(unit, after, limit, max_bytes);
    respond(again ? pull_answer(*again, unit, signer) : storage_failure(again.error()));
  });
  // A commit between the pull above and the wait would not wake us: look again.
  if (auto u = ctx.storage.find_unit(unit); u && *u && (*u)->head > *after) ctx.waiters.notify(unit, (*u)->head);
}

}  // namespace varn::server
