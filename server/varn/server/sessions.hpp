#pragma once
//! Challenges and bearer tokens, in memory only. A challenge is single use
//! and short-lived; a token names one device until it expires or the device
//! is revoked (drop_device takes all its tokens away at once).

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "varn/wire/envelope.hpp"

namespace varn::server {

class Sessions {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  Sessions(std::chrono::seconds challenge_lifetime, std::chrono::seconds token_lifetime, Clock clock = {});

  //! A fresh 32-byte challenge for `device`; nullopt when too many are live.
  std::optional<Bytes> issue_challenge(const wire::DeviceId& device);
  //! Spends a challenge: true only once, before expiry, for the same device.
  bool take_challenge(ByteView challenge, const wire::DeviceId& device);

  //! A new random token for `device`.
  std::string issue_token(const wire::DeviceId& device);
  //! The device a live token names.
  std::optional<wire::DeviceId> device_of(const std::string& token);
  //! Drops every token of a device (revocation).
  void drop_device(const wire::DeviceId& device);

  [[nodiscard]] std::chrono::seconds token_lifetime() const { return token_lifetime_; }

 private:
  struct Entry {
    wire::DeviceId device{};
    std::chrono::steady_clock::time_point expires;
  };
  void purge_expired(std::chrono::steady_clock::time_point now);

  std::chrono::seconds challenge_lifetime_;
  std::chrono::seconds token_lifetime_;
  Clock clock_;
  std::mutex mutex_;
  std::map<Bytes, Entry> challenges_;
  std::map<std::string, Entry> tokens_;
};

}  // namespace varn::server
