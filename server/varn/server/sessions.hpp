#pragma once
//! Challenges and bearer tokens, in memory only. A challenge is single use
//! and short-lived; a token names one device until it expires. Revoking a
//! device takes every right away from its tokens at once; they are kept until
//! they expire only so that their next use answers "revoked, wipe".

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
  struct TokenOwner {
    wire::DeviceId device{};
    bool revoked = false;  //!< the token grants nothing; answer 403 revoked
  };
  //! The device a live token names.
  std::optional<TokenOwner> owner_of(const std::string& token);
  //! Revokes every token of a device at once (revocation).
  void revoke_device(const wire::DeviceId& device);

  [[nodiscard]] std::chrono::seconds token_lifetime() const { return token_lifetime_; }

 private:
  struct Entry {
    wire::DeviceId device{};
    std::chrono::steady_clock::time_point expires;
    bool revoked = false;
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
