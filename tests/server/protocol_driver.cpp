#include "protocol_driver.hpp"

#include "test_check.hpp"

#include "varn/crypto/box.hpp"
#include "varn/crypto/hash.hpp"
#include "varn/crypto/random.hpp"
#include "varn/wire/batch_codec.hpp"

namespace varn::test {

using nlohmann::json;

json TestResponse::json() const {
  auto j = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
  return j.is_discarded() ? nlohmann::json::object() : j;
}

std::string TestResponse::error_code() const {
  auto j = json();
  return j.is_object() && j.contains("error") && j["error"].is_string() ? j["error"].get<std::string>() : "";
}

Bytes TestDevice::seal_next(const wire::UnitId& unit, std::uint32_t epoch, const crypto::SecretBuffer& key,
                            std::string_view plaintext, wire::ChangeSetClass change_class) {
  wire::SealParams p;
  p.change_class = change_class;
  p.unit = unit;
  p.epoch = epoch;
  p.seq = seq + 1;
  p.prev_hash = last_hash;
  p.id = crypto::random_array<16>();
  p.registry_seen = registry_seen;
  auto sealed = wire::seal_envelope(p, key, identity.signing(), as_bytes(plaintext));
  REQUIRE(sealed.ok());
  seq += 1;
  last_hash = wire::envelope_hash(*sealed);
  return std::move(sealed).value();
}

std::string unit_path(const wire::UnitId& unit) { return "/v1/units/" + to_hex(unit); }

TestResponse ProtocolDriver::call(const std::string& method, const std::string& target, const Bytes& body,
                                  const std::string& token) {
  return transport_(method, target, body, token);
}

TestResponse ProtocolDriver::call_json(const std::string& method, const std::string& target, const json& body,
                                       const std::string& token) {
  const auto text = body.dump();
  return call(method, target, Bytes(text.begin(), text.end()), token);
}

TestResponse ProtocolDriver::enrol(const TestDevice& device, const std::optional<std::string>& code,
                                   const std::optional<std::string>& unit_hint) {
  const Bytes bundle = device.identity.public_bundle().encode();
  json body = {{"bundle", to_base64(bundle)}};
  if (code) {
    body["code"] = *code;
  } else {
    body["signature"] = to_base64(device.identity.signing().sign(crypto::labelled_hash("varn/enrol-request/v1", {bundle})));
  }
  if (unit_hint) body["unit"] = *unit_hint;
  return call_json("POST", "/v1/enrol", body);
}

registry::Entry ProtocolDriver::next_entry(const TestUnit& unit, registry::EntryKind kind) {
  registry::Entry e;
  e.index = unit.length;
  e.prev = unit.head;
  e.unit = unit.unit;
  e.kind = kind;
  e.time = 1700000000;
  return e;
}

TestResponse ProtocolDriver::post_entry(TestUnit& unit, registry::Entry entry, const json& copies) {
  entry.sign_with(unit.admin.identity.signing());
  auto r = call_json("POST", unit_path(unit.unit) + "/registry", {{"entry", to_base64(entry.encode())}, {"copies", copies}},
                     unit.admin.token);
  if (r.status == 200) {
    unit.length = entry.index + 1;
    unit.head = registry::entry_hash(entry);
  }
  return r;
}

nlohmann::json ProtocolDriver::signed_challenge(const TestDevice& device) {
  const auto id = to_hex(device.id());
  auto c = call_json("POST", "/v1/session/challenge", {{"device", id}});
  REQUIRE(c.status == 200);
  const auto challenge = from_base64(c.json()["challenge"].get<std::string>());
  REQUIRE(challenge);
  const auto signature = device.identity.signing().sign(crypto::labelled_hash("varn/session/v1", {*challenge}));
  return {{"device", id}, {"challenge", to_base64(*challenge)}, {"signature", to_base64(signature)}};
}

TestResponse ProtocolDriver::answer_challenge(TestDevice& device, const nlohmann::json& answer) {
  auto s = call_json("POST", "/v1/session", answer);
  if (s.status == 200) device.token = s.json()["token"].get<std::string>();
  return s;
}

TestResponse ProtocolDriver::open_session(TestDevice& device) { return answer_challenge(device, signed_challenge(device)); }

TestUnit ProtocolDriver::make_unit(const std::string& unit_code) {
  TestUnit u;
  auto e = enrol(u.admin, unit_code);
  REQUIRE(e.status == 200);
  u.unit = *array_from_hex<16>(e.json()["unit"].get<std::string>());
  REQUIRE(open_session(u.admin).status == 200);
  auto genesis = next_entry(u, registry::EntryKind::enrol);
  genesis.subject = u.admin.id();
  genesis.bundle = u.admin.identity.public_bundle();
  genesis.role = registry::Role::admin;
  REQUIRE(post_entry(u, genesis, json::array()).status == 200);
  auto wrapped = crypto::seal_to(u.admin.identity.box().public_key(), u.epoch_key.view());
  REQUIRE(wrapped.ok());
  auto rotate = next_entry(u, registry::EntryKind::rotate);
  rotate.epoch = 1;
  rotate.key_set = registry::key_set_hash(1, {{u.admin.id(), *wrapped}});
  rotate.key_commitment = registry::epoch_key_commitment(u.unit, 1, u.epoch_key.view());
  REQUIRE(post_entry(u, rotate, json::array({{{"device", to_hex(u.admin.id())}, {"wrapped", to_base64(*wrapped)}}}))
              .status == 200);
  u.admin.registry_seen = u.length;
  return u;
}

TestDevice ProtocolDriver::add_member(TestUnit& unit, const std::string& role) {
  TestDevice d;
  auto e = enrol(d, std::nullopt);
  REQUIRE(e.status == 202);
  auto wrapped = crypto::seal_to(d.identity.box().public_key(), unit.epoch_key.view());
  REQUIRE(wrapped.ok());
  auto entry = next_entry(unit, registry::EntryKind::enrol);
  entry.subject = d.id();
  entry.bundle = d.identity.public_bundle();
  entry.role = *registry::role_from_string(role);
  auto a = post_entry(unit, entry, json::array({{{"device", to_hex(d.id())}, {"wrapped", to_base64(*wrapped)}}}));
  REQUIRE(a.status == 200);
  d.registry_seen = unit.length;
  REQUIRE(open_session(d).status == 200);
  return d;
}

TestResponse ProtocolDriver::push(const TestDevice& device, const wire::UnitId& unit, const std::vector<Bytes>& envelopes) {
  return call("POST", unit_path(unit) + "/changesets", wire::encode_push_body(envelopes), device.token);
}

TestResponse ProtocolDriver::pull(const TestDevice& device, const wire::UnitId& unit, std::uint64_t after,
                                  std::size_t limit, int wait_seconds) {
  return call("GET",
              unit_path(unit) + "/changesets?after=" + std::to_string(after) + "&limit=" + std::to_string(limit) +
                  "&wait=" + std::to_string(wait_seconds),
              {}, device.token);
}

}  // namespace varn::test
