#include "fake_server.hpp"

#include <nlohmann/json.hpp>

#include "varn/crypto/random.hpp"
#include "varn/sync/json_fields.hpp"

namespace varn::test {
namespace {

sync::HttpResponse json_answer(int status, const nlohmann::json& body) {
  sync::HttpResponse r;
  r.status = status;
  const auto text = body.dump();
  r.body.assign(text.begin(), text.end());
  return r;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

void FakeServer::add_wrapped_key(const crypto::DeviceId& device, std::uint32_t epoch, Bytes wrapped) {
  keys_[device].emplace_back(epoch, std::move(wrapped));
}

Result<sync::HttpResponse> FakeServer::execute(const sync::HttpRequest& request) {
  const std::string units = "/v1/units/" + to_hex(unit_);
  if (request.target == "/v1/session/challenge") {
    last_challenge_ = Bytes(32);
    crypto::fill_random(last_challenge_);
    return json_answer(200, {{"challenge", to_base64(last_challenge_)}});
  }
  if (request.target == "/v1/session") {
    ++sessions_opened;
    return json_answer(200, {{"token", "t"}, {"expires_in", 900}, {"status", "active"}, {"unit", to_hex(unit_)},
                             {"role", "worker"}});
  }
  if (request.target == units + "/devices") {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [id, bundle] : devices_) {
      list.push_back({{"device", to_hex(id)}, {"bundle", to_base64(bundle.encode())}, {"role", "worker"},
                      {"status", "active"}});
    }
    return json_answer(200, {{"devices", list}});
  }
  if (starts_with(request.target, units + "/changesets?")) return pull(request.target);
  if (request.target == units + "/changesets") {
    auto answer = push(request);
    if (drop_next_push_answer) {
      drop_next_push_answer = false;
      return make_error(Errc::unavailable, "connection dropped after the server stored the batch");
    }
    return answer;
  }
  return json_answer(404, {{"error", "not_found"}, {"message", request.target}});
}

sync::HttpResponse FakeServer::push(const sync::HttpRequest& request) {
  auto envelopes = wire::decode_push_body(request.body, 256);
  if (!envelopes) return json_answer(400, {{"error", "malformed"}, {"message", envelopes.error().message}});
  nlohmann::json results = nlohmann::json::array();
  for (auto& bytes : *envelopes) {
    auto env = wire::decode_envelope(bytes);
    if (!env) return json_answer(400, {{"error", "malformed"}, {"message", env.error().message}});
    auto known = by_id_.find(env->header.id);
    if (known != by_id_.end()) {
      if (log[known->second].envelope != bytes) return json_answer(409, {{"error", "conflict"}, {"message", "id reused"}});
      results.push_back({{"id", to_hex(env->header.id)}, {"seq", log[known->second].seq}, {"duplicate", true}});
      continue;
    }
    log.push_back({log.size() + 1, bytes});
    by_id_[env->header.id] = log.size() - 1;
    results.push_back({{"id", to_hex(env->header.id)}, {"seq", log.size()}, {"duplicate", false}});
  }
  return json_answer(200, {{"results", results}});
}

sync::HttpResponse FakeServer::pull(const std::string& target) {
  auto after_pos = target.find("after=");
  auto limit_pos = target.find("limit=");
  const std::uint64_t after = std::stoull(target.substr(after_pos + 6));
  const std::uint64_t limit = std::stoull(target.substr(limit_pos + 6));
  std::vector<wire::SequencedEnvelope> page;
  for (const auto& item : log) {
    if (item.seq > after && page.size() < limit) page.push_back(item);
  }
  sync::HttpResponse r;
  r.status = 200;
  r.body = wire::encode_pull_body(page);
  r.headers["varn-head"] = std::to_string(log.size());
  return r;
}

}  // namespace varn::test
