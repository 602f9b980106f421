#include "varn/server/sessions.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdlib>

#include "varn/crypto/hash.hpp"
#include "varn/crypto/random.hpp"

namespace varn::server {
namespace {

constexpr std::size_t kTimeBytes = 8;
constexpr std::size_t kNonceBytes = 8;
constexpr std::size_t kMacBytes = 16;
static_assert(kTimeBytes + kNonceBytes + kMacBytes == Sessions::kChallengeBytes);
constexpr std::string_view kChallengeLabel = "varn/challenge/v2";

// A token: version 1 || device 16 || flags 1 || issued 8 || expires 8 ||
// random id 16, then a 32-byte MAC over all of it; 82 bytes, 164 in hex.
constexpr std::uint8_t kTokenVersion = 1;
constexpr std::size_t kTokenBodyBytes = 1 + 16 + 1 + 8 + 8 + 16;
constexpr std::size_t kTokenBytes = kTokenBodyBytes + 32;
constexpr std::uint8_t kMemberFlag = 0x01;
constexpr std::string_view kTokenLabel = "varn/token/v1";

std::int64_t ms_of(std::chrono::seconds s) { return std::chrono::duration_cast<std::chrono::milliseconds>(s).count(); }

}  // namespace

Sessions::Sessions(crypto::SecretBuffer secret, std::chrono::seconds challenge_lifetime,
                   std::chrono::seconds token_lifetime, ChallengeLedger& ledger, Clock clock)
    : secret_(std::move(secret)),
      challenge_lifetime_(challenge_lifetime),
      token_lifetime_(token_lifetime),
      ledger_(ledger),
      clock_(std::move(clock)) {
  if (secret_.size() != kSecretBytes) std::abort();  // misuse: the caller loaded the wrong file
  if (!clock_) clock_ = [] { return std::chrono::system_clock::now(); };
}

std::int64_t Sessions::now_ms() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock_().time_since_epoch()).count();
}

ChallengeTag Sessions::challenge_mac(ByteView issued_and_nonce, const wire::DeviceId& device) const {
  ChallengeTag mac{};
  crypto_generichash_state state;
  crypto_generichash_init(&state, secret_.data(), secret_.size(), mac.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(kChallengeLabel.data()),
                            kChallengeLabel.size());
  crypto_generichash_update(&state, issued_and_nonce.data(), issued_and_nonce.size());
  crypto_generichash_update(&state, device.data(), device.size());
  crypto_generichash_final(&state, mac.data(), mac.size());
  sodium_memzero(&state, sizeof state);
  return mac;
}

crypto::Hash32 Sessions::token_mac(ByteView body) const { return crypto::keyed_hash(secret_.view(), kTokenLabel, {body}); }

Bytes Sessions::issue_challenge(const wire::DeviceId& device) {
  Bytes challenge;
  challenge.reserve(kChallengeBytes);
  put_u64(challenge, static_cast<std::uint64_t>(now_ms()));
  const auto nonce = crypto::random_array<kNonceBytes>();
  challenge.insert(challenge.end(), nonce.begin(), nonce.end());
  const auto mac = challenge_mac(challenge, device);
  challenge.insert(challenge.end(), mac.begin(), mac.end());
  return challenge;
}

std::optional<Sessions::ValidChallenge> Sessions::check_challenge(ByteView challenge,
                                                                  const wire::DeviceId& device) const {
  if (challenge.size() != kChallengeBytes) return std::nullopt;
  const auto expected = challenge_mac(challenge.first(kTimeBytes + kNonceBytes), device);
  if (sodium_memcmp(expected.data(), challenge.data() + kTimeBytes + kNonceBytes, kMacBytes) != 0) return std::nullopt;
  const auto issued = static_cast<std::int64_t>(get_u64(challenge.data()));
  const std::int64_t now = now_ms();
  const std::int64_t expires = issued + ms_of(challenge_lifetime_);
  if (issued > now || now >= expires) return std::nullopt;
  return ValidChallenge{expected, expires};
}

Result<bool> Sessions::spend_challenge(const ValidChallenge& challenge) {
  return ledger_.spend(challenge.tag, challenge.expires_ms, now_ms());
}

std::string Sessions::issue_token(const wire::DeviceId& device, bool member) {
  const auto issued = static_cast<std::uint64_t>(now_ms() / 1000);
  Bytes token;
  token.reserve(kTokenBytes);
  token.push_back(kTokenVersion);
  token.insert(token.end(), device.begin(), device.end());
  token.push_back(member ? kMemberFlag : 0);
  put_u64(token, issued);
  put_u64(token, issued + static_cast<std::uint64_t>(token_lifetime_.count()));
  const auto id = crypto::random_array<16>();
  token.insert(token.end(), id.begin(), id.end());
  const auto mac = token_mac(token);
  token.insert(token.end(), mac.begin(), mac.end());
  return to_hex(token);
}

std::optional<Sessions::TokenOwner> Sessions::owner_of(std::string_view text) {
  if (text.size() != 2 * kTokenBytes) return std::nullopt;
  auto token = from_hex(text);
  if (!token || token->size() != kTokenBytes || (*token)[0] != kTokenVersion) return std::nullopt;
  const ByteView bytes(*token);
  crypto::Hash32 mac{};
  std::copy(bytes.begin() + kTokenBodyBytes, bytes.end(), mac.begin());
  if (!crypto::hashes_equal(token_mac(bytes.first(kTokenBodyBytes)), mac)) return std::nullopt;
  TokenOwner owner;
  std::copy(bytes.begin() + 1, bytes.begin() + 17, owner.device.begin());
  owner.member = (bytes[17] & kMemberFlag) != 0;
  const auto issued = static_cast<std::int64_t>(get_u64(bytes.data() + 18));
  const auto expires = static_cast<std::int64_t>(get_u64(bytes.data() + 26));
  const std::int64_t now = now_ms() / 1000;
  if (now >= expires) return std::nullopt;
  const std::lock_guard lock(mutex_);
  if (auto it = revoked_at_.find(owner.device); it != revoked_at_.end()) owner.revoked = issued <= it->second;
  return owner;
}

void Sessions::revoke_device(const wire::DeviceId& device) {
  const std::int64_t now = now_ms() / 1000;
  const std::lock_guard lock(mutex_);
  if (revoked_at_.size() >= kMaxRevokedHints) {
    // Hints older than a token's lifetime mark no live token any more.
    std::erase_if(revoked_at_, [&](const auto& kv) { return kv.second + token_lifetime_.count() < now; });
    while (revoked_at_.size() >= kMaxRevokedHints) {
      revoked_at_.erase(std::min_element(revoked_at_.begin(), revoked_at_.end(),
                                         [](const auto& a, const auto& b) { return a.second < b.second; }));
    }
  }
  revoked_at_[device] = now;
}

std::size_t Sessions::revoked_hints() {
  const std::lock_guard lock(mutex_);
  return revoked_at_.size();
}

}  // namespace varn::server
