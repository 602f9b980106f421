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

  [[nodiscard]] wire::DeviceId id() const { return identity.device_id(); }
  //! Seals the next envelope of this device's chain around `plaintext`.
  Bytes seal_next(const wire::UnitId& unit, std::uint32_t epoch, const crypto::SecretBuffer& key,
                  std::string_view plaintext, wire::ChangeSetClass change_class = wire::ChangeSetClass::field_work);
};

//! A unit with its admin enrolled and epoch 1 uploaded.
struct TestUnit {
  wire::UnitId unit{};
  TestDevice admin;
  crypto::SecretBuffer epoch_key = crypto::SecretBuffer::random(32);
};

class ProtocolDriver {
 public:
  explicit ProtocolDriver(Transport transport) : transport_(std::move(transport)) {}

  TestResponse call(const std::string& method, const std::string& target, const Bytes& body = {},
                    const std::string& token = {});
  TestResponse call_json(const std::string& method, const std::string& target, const nlohmann::json& body,
                         const std::string& token = {});
  TestResponse enrol(const TestDevice& device, const std::optional<std::string>& code);
  //! Challenge, sign, session; stores the token. Returns the session answer.
  TestResponse open_session(TestDevice& device);
  //! Enrols the admin with the unit code, opens its session, uploads epoch 1.
  TestUnit make_unit(const std::string& unit_code);
  //! Pending request, admin approval with a copy of the epoch key, session.
  TestDevice add_member(TestUnit& unit, const std::string& role);
  TestResponse push(const TestDevice& device, const wire::UnitId& unit, const std::vector<Bytes>& envelopes);
  TestResponse pull(const TestDevice& device, const wire::UnitId& unit, std::uint64_t after, std::size_t limit,
                    int wait_seconds = 0);

 private:
  Transport transport_;
};

//! "/v1/units/<hex>".
std::string unit_path(const wire::UnitId& unit);

}  // namespace varn::test
