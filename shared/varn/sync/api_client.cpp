#include "varn/sync/api_client.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "varn/crypto/hash.hpp"
#include "varn/sync/json_fields.hpp"

namespace varn::sync {
namespace {

using nlohmann::json;

std::string unit_path(const wire::UnitId& unit) { return "/v1/units/" + to_hex(unit); }

HttpRequest json_request(std::string method, std::string target, const json& body) {
  HttpRequest r;
  r.method = std::move(method);
  r.target = std::move(target);
  r.content_type = "application/json";
  const std::string text = body.dump();
  r.body.assign(text.begin(), text.end());
  return r;
}

HttpRequest get_request(std::string target) {
  HttpRequest r;
  r.method = "GET";
  r.target = std::move(target);
  return r;
}

Result<SessionInfo> session_info_from(const json& j) {
  SessionInfo info;
  auto status = field_string(j, "status");
  if (!status) return status.error();
  info.status = *status;
  if (j.contains("unit") && !j["unit"].is_null()) {
    auto unit = field_id<16>(j, "unit");
    if (!unit) return unit.error();
    info.unit = *unit;
  }
  info.role = optional_string(j, "role");
  if (j.contains("units") && j["units"].is_array()) {
    for (const auto& u : j["units"]) {
      auto unit = field_id<16>(u, "unit");
      if (!unit) return unit.error();
      info.units.push_back({*unit, optional_string(u, "status"), optional_string(u, "role")});
    }
  }
  return info;
}

}  // namespace

Error answer_too_large(std::size_t cap) {
  return make_error(Errc::malformed,
                    "the server's answer is larger than this call takes (" + std::to_string(cap) + " bytes)");
}

crypto::Hash32 session_challenge_digest(ByteView challenge) {
  return crypto::labelled_hash("varn/session/v1", {challenge});
}

crypto::Hash32 enrol_request_digest(ByteView bundle) {
  return crypto::labelled_hash("varn/enrol-request/v1", {bundle});
}

crypto::Hash32 wipe_confirmation_digest(const crypto::DeviceId& device, std::int64_t time) {
  Bytes t;
  put_u64(t, static_cast<std::uint64_t>(time));
  return crypto::labelled_hash("varn/wipe-confirm/v1", {device, t});
}

Error error_from_response(const HttpResponse& response) {
  std::string code, message;
  auto parsed = parse_json(response.body);
  if (parsed && parsed->is_object()) {
    if (auto c = field_string(*parsed, "error")) code = *c;
    if (auto m = field_string(*parsed, "message")) message = *m;
  }
  if (message.empty()) message = "server answered HTTP " + std::to_string(response.status);
  if (!code.empty()) message = code + ": " + message;
  switch (response.status) {
    case 400: return make_error(Errc::malformed, message);
    case 401: return make_error(Errc::unavailable, message);
    case 403: return make_error(code == "revoked" ? Errc::revoked : Errc::forbidden, message);
    case 404: return make_error(Errc::not_found, message);
    case 409: return make_error(Errc::conflict, message);
    case 413: return make_error(Errc::invalid_argument, message);
    case 507: return make_error(Errc::server_full, message);
    default: return make_error(Errc::unavailable, message);
  }
}

Result<HttpResponse> ApiClient::call_once(const HttpRequest& request) {
  auto response = http_.execute(request);
  if (!response) return response.error();
  // Whatever the transport did: nothing larger reaches the parsers.
  if (response->body.size() > request.max_answer_bytes) return answer_too_large(request.max_answer_bytes);
  return response;
}

// Keeps what a "revoked" answer carried, for the device to verify itself.
Error ApiClient::refused(const HttpResponse& response) {
  Error error = error_from_response(response);
  if (error.code == Errc::revoked) {
    revocation_ = RevocationClaim{};
    auto j = parse_json(response.body);
    if (j && j->is_object()) {
      if (auto unit = field_id<16>(*j, "unit")) revocation_.unit = *unit;
      if (j->contains("registry") && (*j)["registry"].is_array()) {
        for (const auto& e : (*j)["registry"]) {
          if (!e.is_string()) continue;
          if (auto bytes = from_base64(e.get<std::string>())) revocation_.registry.push_back(std::move(*bytes));
        }
      }
    }
  }
  return error;
}

Result<HttpResponse> ApiClient::call(HttpRequest request) {
  if (token_.empty()) {
    if (auto s = open_session(); !s) return s.error();
  }
  request.bearer_token = token_;
  auto response = call_once(request);
  if (response && response->status == 401) {  // token expired: one fresh session, one retry
    token_.clear();
    if (auto s = open_session(); !s) return s.error();
    request.bearer_token = token_;
    response = call_once(request);
  }
  if (!response) return response.error();
  if (response->status < 200 || response->status >= 300) {
    last_body_ = response->body;
    return refused(*response);
  }
  return response;
}

Result<EnrolAnswer> ApiClient::enrol(const std::optional<std::string>& unit_code, const std::string& unit_hint) {
  const Bytes bundle = me_.public_bundle().encode();
  json body = {{"bundle", to_base64(bundle)}};
  if (unit_code) {
    body["code"] = *unit_code;
  } else {
    body["signature"] = to_base64(me_.signing().sign(enrol_request_digest(bundle)));
    if (!unit_hint.empty()) body["unit"] = unit_hint;
  }
  auto response = call_once(json_request("POST", "/v1/enrol", body));
  if (!response) return response.error();
  if (response->status != 200 && response->status != 202) return error_from_response(*response);
  auto j = parse_json(response->body);
  if (!j) return j.error();
  EnrolAnswer answer;
  auto status = field_string(*j, "status");
  if (!status) return status.error();
  answer.status = *status;
  answer.code = optional_string(*j, "code");
  if (j->contains("server_key")) {
    auto key = field_id<32>(*j, "server_key");
    if (!key) return key.error();
    answer.server_key = *key;
  }
  answer.role = optional_string(*j, "role");
  if (j->contains("unit")) {
    auto unit = field_id<16>(*j, "unit");
    if (!unit) return unit.error();
    answer.unit = *unit;
  }
  return answer;
}

Result<SessionInfo> ApiClient::open_session() {
  const std::string device = to_hex(me_.device_id());
  auto challenge_response = call_once(json_request("POST", "/v1/session/challenge", {{"device", device}}));
  if (!challenge_response) return challenge_response.error();
  if (challenge_response->status != 200) return error_from_response(*challenge_response);
  auto cj = parse_json(challenge_response->body);
  if (!cj) return cj.error();
  auto challenge = field_base64(*cj, "challenge");
  if (!challenge) return challenge.error();
  const auto signature = me_.signing().sign(session_challenge_digest(*challenge));
  json body = {{"device", device}, {"challenge", to_base64(*challenge)}, {"signature", to_base64(signature)}};
  auto response = call_once(json_request("POST", "/v1/session", body));
  if (!response) return response.error();
  if (response->status != 200) return refused(*response);
  auto j = parse_json(response->body);
  if (!j) return j.error();
  auto token = field_string(*j, "token");
  if (!token) return token.error();
  token_ = *token;
  return session_info_from(*j);
}

Result<SessionInfo> ApiClient::me() {
  auto response = call(get_request("/v1/me"));
  if (!response) return response.error();
  auto j = parse_json(response->body);
  if (!j) return j.error();
  return session_info_from(*j);
}

Result<std::vector<DeviceEntry>> ApiClient::devices(const wire::UnitId& unit) {
  auto response = call(get_request(unit_path(unit) + "/devices"));
  if (!response) return response.error();
  auto j = parse_json(response->body);
  if (!j) return j.error();
  if (!j->contains("devices") || !(*j)["devices"].is_array()) return make_error(Errc::malformed, "devices: missing list");
  std::vector<DeviceEntry> out;
  for (const auto& d : (*j)["devices"]) {
    DeviceEntry e;
    auto id = field_id<16>(d, "device");
    auto bundle_bytes = field_base64(d, "bundle");
    if (!id) return id.error();
    if (!bundle_bytes) return bundle_bytes.error();
    auto bundle = crypto::DevicePublicBundle::decode(*bundle_bytes);
    if (!bundle) return bundle.error();
    if (bundle->device_id() != *id) return make_error(Errc::malformed, "devices: id does not match bundle");
    e.device = *id;
    e.bundle = *bundle;
    e.role = optional_string(d, "role");
    e.status = optional_string(d, "status");
    if (auto person = field_id<16>(d, "person")) e.person = *person;
    e.last_seen = static_cast<std::int64_t>(optional_u64(d, "last_seen"));
    e.wiped_at = static_cast<std::int64_t>(optional_u64(d, "wiped_at"));
    out.push_back(std::move(e));
  }
  return out;
}

namespace {

Result<EnrolmentRequest> parse_enrolment(const json& j) {
  EnrolmentRequest r;
  auto code = field_string(j, "code");
  auto id = field_id<16>(j, "device");
  auto bundle_bytes = field_base64(j, "bundle");
  if (!code) return code.error();
  if (!id) return id.error();
  if (!bundle_bytes) return bundle_bytes.error();
  auto bundle = crypto::DevicePublicBundle::decode(*bundle_bytes);
  if (!bundle) return bundle.error();
  if (bundle->device_id() != *id) return make_error(Errc::malformed, "enrolment: id does not match bundle");
  r.code = *code;
  r.device = *id;
  r.bundle = *bundle;
  r.requested_at = static_cast<std::int64_t>(optional_u64(j, "requested_at"));
  return r;
}

}  // namespace

Result<EnrolmentRequest> ApiClient::enrolment(const wire::UnitId& unit, const std::string& code) {
  auto response = call(get_request(unit_path(unit) + "/enrolments/" + code));
  if (!response) return response.error();
  auto j = parse_json(response->body);
  if (!j) return j.error();
  return parse_enrolment(*j);
}

Result<std::vector<EnrolmentRequest>> ApiClient::enrolments(const wire::UnitId& unit) {
  auto response = call(get_request(unit_path(unit) + "/enrolments"));
  if (!response) return response.error();
  auto j = parse_json(response->body);
  if (!j) return j.error();
  if (!j->contains("enrolments") || !(*j)["enrolments"].is_array()) {
    return make_error(Errc::malformed, "enrolments: missing list");
  }
  std::vector<EnrolmentRequest> out;
  for (const auto& item : (*j)["enrolments"]) {
    auto r = parse_enrolment(item);
    if (!r) return r.error();
    out.push_back(std::move(*r));
  }
  return out;
}

Result<KeysAnswer> ApiClient::keys(const wire::UnitId& unit) {
  auto response = call(get_request(unit_path(unit) + "/keys"));
  if (!response) return response.error();
  auto j = parse_json(response->body);
  if (!j) return j.error();
  KeysAnswer answer;
  answer.current_epoch = static_cast<std::uint32_t>(optional_u64(*j, "current_epoch"));
  if (!j->contains("keys") || !(*j)["keys"].is_array()) return make_error(Errc::malformed, "keys: missing list");
  for (const auto& k : (*j)["keys"]) {
    auto wrapped = field_base64(k, "wrapped");
    if (!wrapped) return wrapped.error();
    answer.keys.push_back({static_cast<std::uint32_t>(optional_u64(k, "epoch")), *wrapped});
  }
  return answer;
}

Result<PushOutcome> ApiClient::push(const wire::UnitId& unit, const std::vector<Bytes>& envelopes, bool heal) {
  HttpRequest r;
  r.method = "POST";
  r.target = unit_path(unit) + "/changesets" + (heal ? "?heal=1" : "");
  r.content_type = "application/octet-stream";
  r.body = wire::encode_push_body(envelopes);
  r.deadline = kTransferDeadline;
  auto response = call(std::move(r));
  PushOutcome outcome;
  if (!response) {
    const auto& e = response.error();
    // A refusal names the envelope at fault; the engine decides what to do.
    if (e.code == Errc::malformed || e.code == Errc::forbidden || e.code == Errc::conflict) {
      auto j = parse_json(last_body_);
      if (j && j->is_object() && j->contains("index")) {
        outcome.refusal = PushRefusal{optional_string(*j, "error"), static_cast<std::size_t>(optional_u64(*j, "index")),
                                      optional_u64(*j, "author_head"), e.message};
        return outcome;
      }
    }
    return e;
  }
  auto j = parse_json(response->body);
  if (!j) return j.error();
  if (!j->contains("results") || !(*j)["results"].is_array()) return make_error(Errc::malformed, "push: missing results");
  for (const auto& item : (*j)["results"]) {
    auto id = field_id<16>(item, "id");
    if (!id) return id.error();
    outcome.acks.push_back({*id, optional_u64(item, "seq"), optional_bool(item, "duplicate")});
  }
  if (outcome.acks.size() != envelopes.size()) return make_error(Errc::malformed, "push: answer count differs from batch");
  return outcome;
}

Result<PullPage> ApiClient::pull(const wire::UnitId& unit, std::uint64_t after, std::size_t limit, int wait_seconds) {
  HttpRequest r = get_request(unit_path(unit) + "/changesets?after=" + std::to_string(after) +
                               "&limit=" + std::to_string(limit) + "&wait=" + std::to_string(wait_seconds));
  r.max_answer_bytes = kMaxPullAnswerBytes;
  r.deadline = kTransferDeadline + std::chrono::seconds(std::max(wait_seconds, 0));
  auto response = call(std::move(r));
  if (!response) return response.error();
  auto items = wire::decode_pull_body(response->body, limit);
  if (!items) return items.error();
  PullPage page;
  page.items = std::move(items).value();
  if (auto it = response->headers.find("varn-head"); it != response->headers.end()) {
    page.head = std::strtoull(it->second.c_str(), nullptr, 10);
  }
  if (auto it = response->headers.find("varn-checkpoint"); it != response->headers.end()) {
    if (auto cp = from_base64(it->second)) page.checkpoint = *cp;
  }
  return page;
}

namespace {
Result<std::vector<KeyCopy>> copies_from(const json& list) {
  std::vector<KeyCopy> out;
  if (!list.is_array()) return make_error(Errc::malformed, "copies: not a list");
  for (const auto& c : list) {
    auto device = field_id<16>(c, "device");
    auto wrapped = field_base64(c, "wrapped");
    if (!device) return device.error();
    if (!wrapped) return wrapped.error();
    out.push_back({*device, *wrapped});
  }
  return out;
}
}  // namespace

Result<std::vector<Bytes>> ApiClient::registry(const wire::UnitId& unit, std::uint64_t after) {
  auto response = call(get_request(unit_path(unit) + "/registry?after=" + std::to_string(after)));
  if (!response) return response.error();
  auto j = parse_json(response->body);
  if (!j) return j.error();
  if (!j->contains("entries") || !(*j)["entries"].is_array()) return make_error(Errc::malformed, "registry: missing entries");
  std::vector<Bytes> out;
  for (const auto& e : (*j)["entries"]) {
    if (!e.is_string()) return make_error(Errc::malformed, "registry: entry is not a string");
    auto bytes = from_base64(e.get<std::string>());
    if (!bytes) return make_error(Errc::malformed, "registry: entry is not base64");
    out.push_back(std::move(*bytes));
  }
  return out;
}

Result<void> ApiClient::post_registry(const wire::UnitId& unit, ByteView entry, const std::vector<KeyCopy>& copies) {
  json list = json::array();
  for (const auto& c : copies) list.push_back({{"device", to_hex(c.device)}, {"wrapped", to_base64(c.wrapped)}});
  auto response = call(json_request("POST", unit_path(unit) + "/registry", {{"entry", to_base64(entry)}, {"copies", list}}));
  if (!response) return response.error();
  return {};
}

Result<std::vector<KeyCopy>> ApiClient::key_copies(const wire::UnitId& unit, std::uint32_t epoch) {
  auto response = call(get_request(unit_path(unit) + "/keys/" + std::to_string(epoch) + "/copies"));
  if (!response) return response.error();
  auto j = parse_json(response->body);
  if (!j) return j.error();
  if (!j->contains("copies")) return make_error(Errc::malformed, "copies: missing list");
  return copies_from((*j)["copies"]);
}

Result<RecoveryRead> ApiClient::recovery_read(const wire::UnitId& unit, const crypto::Signature& proof) {
  auto response = call(json_request("POST", unit_path(unit) + "/recovery", {{"proof", to_base64(proof)}}));
  if (!response) return response.error();
  auto j = parse_json(response->body);
  if (!j) return j.error();
  if (!j->contains("entries") || !(*j)["entries"].is_array() || !j->contains("keys") || !(*j)["keys"].is_array()) {
    return make_error(Errc::malformed, "recovery: missing entries or keys");
  }
  RecoveryRead out;
  for (const auto& e : (*j)["entries"]) {
    if (!e.is_string()) return make_error(Errc::malformed, "recovery: entry is not a string");
    auto bytes = from_base64(e.get<std::string>());
    if (!bytes) return make_error(Errc::malformed, "recovery: entry is not base64");
    out.entries.push_back(std::move(*bytes));
  }
  for (const auto& k : (*j)["keys"]) {
    auto wrapped = field_base64(k, "wrapped");
    if (!wrapped) return wrapped.error();
    out.keys.push_back({static_cast<std::uint32_t>(optional_u64(k, "epoch")), *wrapped});
  }
  return out;
}

Result<Bytes> ApiClient::checkpoint(const wire::UnitId& unit, std::optional<std::uint64_t> at) {
  auto response = call(get_request(unit_path(unit) + "/checkpoint" + (at ? "?at=" + std::to_string(*at) : "")));
  if (!response) return response.error();
  auto j = parse_json(response->body);
  if (!j) return j.error();
  return field_base64(*j, "checkpoint");
}

Result<void> ApiClient::confirm_wipe(std::int64_t now_unix) { return send_wipe_notice(http_, sign_wipe_notice(me_, now_unix)); }

WipeNotice sign_wipe_notice(const crypto::DeviceIdentity& me, std::int64_t time) {
  WipeNotice notice;
  notice.device = me.device_id();
  notice.time = time;
  notice.signature = me.signing().sign(wipe_confirmation_digest(notice.device, time));
  return notice;
}

Result<void> send_wipe_notice(HttpExecutor& http, const WipeNotice& notice) {
  auto request = json_request("POST", "/v1/wipe",
                              {{"device", to_hex(notice.device)},
                               {"time", notice.time},
                               {"signature", to_base64(notice.signature)}});
  auto response = http.execute(request);
  if (!response) return response.error();
  if (response->status != 200) return error_from_response(*response);
  return {};
}

}  // namespace varn::sync
