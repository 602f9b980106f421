#pragma once
//! Speaks docs/PROTOCOL.md for the server tests over any transport: the
//! handler called in-process, or HTTPS to the real server process.

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "varn/crypto/device_identity.hpp"
#include "varn/crypto/secret_buffer.hpp"
#include "varn/registry/entry.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::test {

struct TestResponse {
  unsigned status = 0;
  Bytes body;
  std::map<std::string, std::string> headers;  //!< names in lowercase
  [[nodiscard]] nlohmann::json json() const;
  [[nodiscard]] std::string error_code() const;  //!< the "error" field, or ""
};

using Transport = std::function<TestResponse(const std::string& method, const std::string& target,
                                             const Bytes& body, const std::string& token)>;

//! A device with its own hash chain of change sets.
struct TestDevice {
  crypto::DeviceIdentity identity = crypto::DeviceIdentity::generate();
  std::string token;
  std::uint64_t seq = 0;
  crypto::Hash32 last_hash{};
  //! The registry point its change sets claim to have seen (set once it is enrolled).
  std::uint64_t registry_seen = 0;

  [[nodiscard]] wire::DeviceId id() const { return identity.device_id(); }
  //! Seals the next envelope of this device's chain around `plaintext`.
  Bytes seal_next(const wire::UnitId& unit, std::uint32_t epoch, const crypto::SecretBuffer& key,
                  std::string_view plaintext, wire::ChangeSetClass change_class = wire::ChangeSetClass::field_work);
};

//! A unit with its admin enrolled (registry entry 0) and rotated to epoch 1.
struct TestUnit {
  wire::UnitId unit{};
  TestDevice admin;
  crypto::SecretBuffer epoch_key = crypto::SecretBuffer::random(32);
  std::uint64_t length = 0;  //!< registry entries posted
  crypto::Hash32 head{};     //!< entry_hash of the last
};

class ProtocolDriver {
 public:
  explicit ProtocolDriver(Transport transport) : transport_(std::move(transport)) {}

  TestResponse call(const std::string& method, const std::string& target, const Bytes& body = {},
                    const std::string& token = {});
  TestResponse call_json(const std::string& method, const std::string& target, const nlohmann::json& body,
                         const std::string& token = {});
  //! `unit_hint`: the unit part of a join address, sent as "unit".
  TestResponse enrol(const TestDevice& device, const std::optional<std::string>& code,
                     const std::optional<std::string>& unit_hint = std::nullopt);
  //! Challenge, sign, session; stores the token. Returns the session answer.
  TestResponse open_session(TestDevice& device);
  //! A challenge from this server, signed by the device: the body of POST /v1/session.
  nlohmann::json signed_challenge(const TestDevice& device);
  //! POST /v1/session with `answer`; stores the token on 200.
  TestResponse answer_challenge(TestDevice& device, const nlohmann::json& answer);
  //! Enrols the admin with the unit code, opens its session, posts entry 0
  //! and the rotation to epoch 1.
  TestUnit make_unit(const std::string& unit_code);
  //! Pending request, the admin's enrol entry with a copy of the epoch key, session.
  TestDevice add_member(TestUnit& unit, const std::string& role);
  //! An unsigned entry of `kind` at the unit's registry head.
  [[nodiscard]] static registry::Entry next_entry(const TestUnit& unit, registry::EntryKind kind);
  //! Signs `entry` with the admin key, posts it, moves the head on 200.
  TestResponse post_entry(TestUnit& unit, registry::Entry entry, const nlohmann::json& copies);
  TestResponse push(const TestDevice& device, const wire::UnitId& unit, const std::vector<Bytes>& envelopes);
  TestResponse pull(const TestDevice& device, const wire::UnitId& unit, std::uint64_t after, std::size_t limit,
                    int wait_seconds = 0);

 private:
  Transport transport_;
};

//! "/v1/units/<hex>".
std::string unit_path(const wire::UnitId& unit);

}  // namespace varn::test
