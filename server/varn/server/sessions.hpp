#pragma once
//! Challenges and bearer tokens that any server process can check: both
//! carry what they claim and a MAC under the session secret, a random
//! 32-byte key every process of one deployment shares (session_key.bin in
//! the data directory, beside the server key). No table of sessions exists
//! anywhere, so no device sticks to one process and an idle session costs
//! no memory.
//!
//! A challenge is issue time (unix ms) || nonce || MAC over both and the
//! device, 32 bytes: a flood of challenge requests fills no table. It is
//! valid for its lifetime (60 s) and single use: the challenge ledger
//! (challenge_ledger.hpp) remembers an answered one until it expires, on
//! every process that shares the storage.
//!
//! A token is version || device || flags || issued || expires || random id
//! || MAC, in hex. It names one device until it expires. It grants nothing
//! on its own: every route checks the device's standing in the verified
//! registry on every request, so a revoked device is refused at once by
//! every process. A process also remembers, for the tokens' lifetime, the
//! devices it saw revoked, so their tokens keep no connection over
//! strangers' at the caps (another process learns it at the first request
//! its routes refuse).
//!
//! The processes' clocks must agree to well within the lifetimes (NTP).

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "varn/crypto/secret_buffer.hpp"
#include "varn/server/challenge_ledger.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::server {

class Sessions {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;
  static constexpr std::size_t kSecretBytes = 32;
  static constexpr std::size_t kChallengeBytes = 32;
  //! Devices remembered as revoked at most; past it the oldest go first.
  static constexpr std::size_t kMaxRevokedHints = 100000;

  //! `secret`: the session secret, kSecretBytes. `ledger` outlives this.
  Sessions(crypto::SecretBuffer secret, std::chrono::seconds challenge_lifetime, std::chrono::seconds token_lifetime,
           ChallengeLedger& ledger, Clock clock = {});

  //! A fresh challenge for `device`. Never refused: it costs no state.
  [[nodiscard]] Bytes issue_challenge(const wire::DeviceId& device);
  //! A challenge this deployment issued to `device`, still in its lifetime.
  struct ValidChallenge {
    ChallengeTag tag{};
    std::int64_t expires_ms = 0;
  };
  //! Checks MAC, device and lifetime; spends nothing.
  [[nodiscard]] std::optional<ValidChallenge> check_challenge(ByteView challenge, const wire::DeviceId& device) const;
  //! Spends it in the ledger: true only the first time, on any process
  //! sharing the ledger. Called once the answer's signature verified.
  [[nodiscard]] Result<bool> spend_challenge(const ValidChallenge& challenge);

  //! A new token for `device`. `member`: the device is active in a unit (a
  //! pending device's token only asks how its enrolment goes, and its
  //! connections count as strangers').
  [[nodiscard]] std::string issue_token(const wire::DeviceId& device, bool member = true);
  struct TokenOwner {
    wire::DeviceId device{};
    bool revoked = false;  //!< this process saw the device revoked since the token was issued
    bool member = true;    //!< issued to an active device of some unit
  };
  //! The device an unexpired, untampered token names.
  [[nodiscard]] std::optional<TokenOwner> owner_of(std::string_view token);
  //! Remembers that the device was revoked now: tokens issued until now
  //! are marked revoked in owner_of.
  void revoke_device(const wire::DeviceId& device);
  //! Devices remembered as revoked now.
  [[nodiscard]] std::size_t revoked_hints();

  [[nodiscard]] std::chrono::seconds token_lifetime() const { return token_lifetime_; }

 private:
  [[nodiscard]] std::int64_t now_ms() const;
  [[nodiscard]] ChallengeTag challenge_mac(ByteView issued_and_nonce, const wire::DeviceId& device) const;
  [[nodiscard]] crypto::Hash32 token_mac(ByteView body) const;

  crypto::SecretBuffer secret_;
  std::chrono::seconds challenge_lifetime_;
  std::chrono::seconds token_lifetime_;
  ChallengeLedger& ledger_;
  Clock clock_;
  std::mutex mutex_;
  std::map<wire::DeviceId, std::int64_t> revoked_at_;  // unix seconds
};

}  // namespace varn::server
