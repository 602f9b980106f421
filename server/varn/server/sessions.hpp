#pragma once
//! Challenges and bearer tokens, in memory only.
//!
//! A challenge holds no server state until it is answered: it is
//! issue time || nonce || MAC(server secret, time || nonce || device), 32
//! bytes, so a flood of unauthenticated challenge requests fills no table.
//! The secret is random per process (a restart voids open challenges, which
//! live 60 s). A challenge is single use: an answered one is remembered
//! until it expires, in a set of at most kMaxSpentChallenges; past that (a
//! flood of answers), the oldest are forgotten early. Replaying one of those
//! inside its lifetime needs the device's signature over it, which only the
//! request that spent it carried; whoever saw that request also saw the
//! token the answer gave, valid far longer, so the replay adds nothing.
//!
//! A token names one device until it expires. Revoking a device takes every
//! right away from its tokens at once; they are kept until they expire only
//! so that their next use answers "revoked, wipe".

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>

#include "varn/crypto/secret_buffer.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::server {

class Sessions {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  //! Spent challenges remembered at most (16 bytes each, with their order).
  static constexpr std::size_t kMaxSpentChallenges = 65536;
  static constexpr std::size_t kChallengeBytes = 32;

  //! A device holds at most `tokens_per_device` live tokens: a new one
  //! beyond that ends its oldest (whose next use answers 401).
  Sessions(std::chrono::seconds challenge_lifetime, std::chrono::seconds token_lifetime,
           std::size_t tokens_per_device = 8, Clock clock = {});

  //! A fresh challenge for `device`. Never refused: it costs no state.
  std::optional<Bytes> issue_challenge(const wire::DeviceId& device);
  //! Spends a challenge: true only once, before expiry, for the device it was issued to.
  bool take_challenge(ByteView challenge, const wire::DeviceId& device);
  //! Spent challenges held now (the only state challenges take).
  [[nodiscard]] std::size_t spent_challenges();

  //! A new random token for `device`, ending its oldest past the cap.
  //! `member`: the device is active in a unit (a pending device's token only
  //! asks how its enrolment goes, and its connections count as strangers').
  std::string issue_token(const wire::DeviceId& device, bool member = true);
  struct TokenOwner {
    wire::DeviceId device{};
    bool revoked = false;  //!< the token grants nothing; answer 403 revoked
    bool member = true;    //!< issued to an active device of some unit
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
    bool member = true;
  };
  struct Spent {
    std::chrono::steady_clock::time_point expires;
    std::uint64_t tag = 0;
  };
  void forget_expired_spent(std::chrono::steady_clock::time_point now);
  void purge_expired_tokens(std::chrono::steady_clock::time_point now);
  [[nodiscard]] ByteArray<16> challenge_mac(ByteView issued_and_nonce, const wire::DeviceId& device) const;

  std::chrono::seconds challenge_lifetime_;
  std::chrono::seconds token_lifetime_;
  std::size_t tokens_per_device_;
  Clock clock_;
  crypto::SecretBuffer secret_ = crypto::SecretBuffer::random(32);
  std::mutex mutex_;
  std::deque<Spent> spent_order_;            // in the order they were spent
  std::unordered_set<std::uint64_t> spent_;  // a MAC's first 8 bytes
  std::map<std::string, Entry> tokens_;
  std::map<wire::DeviceId, std::deque<std::string>> tokens_by_device_;  // in the order issued
};

}  // namespace varn::server
