#include "varn/server/sessions.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>

#include "varn/crypto/random.hpp"

namespace varn::server {
namespace {
// Tokens exist only for devices whose signature verified: a flood cannot make them.
constexpr std::size_t kMaxLiveTokens = 100000;
constexpr std::size_t kTimeBytes = 8;
constexpr std::size_t kNonceBytes = 8;
constexpr std::size_t kMacBytes = 16;
static_assert(kTimeBytes + kNonceBytes + kMacBytes == Sessions::kChallengeBytes);
constexpr std::string_view kMacLabel = "varn/challenge/v1";

std::uint64_t ticks_of(std::chrono::steady_clock::time_point t) {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count());
}

}  // namespace

Sessions::Sessions(std::chrono::seconds challenge_lifetime, std::chrono::seconds token_lifetime,
                   std::size_t tokens_per_device, Clock clock)
    : challenge_lifetime_(challenge_lifetime),
      token_lifetime_(token_lifetime),
      tokens_per_device_(std::max<std::size_t>(1, tokens_per_device)),
      clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return std::chrono::steady_clock::now(); };
}

ByteArray<16> Sessions::challenge_mac(ByteView issued_and_nonce, const wire::DeviceId& device) const {
  ByteArray<kMacBytes> mac{};
  crypto_generichash_state state;
  crypto_generichash_init(&state, secret_.data(), secret_.size(), mac.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(kMacLabel.data()), kMacLabel.size());
  crypto_generichash_update(&state, issued_and_nonce.data(), issued_and_nonce.size());
  crypto_generichash_update(&state, device.data(), device.size());
  crypto_generichash_final(&state, mac.data(), mac.size());
  sodium_memzero(&state, sizeof state);
  return mac;
}

void Sessions::forget_expired_spent(std::chrono::steady_clock::time_point now) {
  // Spent in order, so expiring nearly in order: the front is the oldest
  // but for challenges answered later in their life.
  while (!spent_order_.empty() && spent_order_.front().expires <= now) {
    spent_.erase(spent_order_.front().tag);
    spent_order_.pop_front();
  }
}

void Sessions::purge_expired_tokens(std::chrono::steady_clock::time_point now) {
  std::erase_if(tokens_, [now](const auto& kv) { return kv.second.expires <= now; });
  for (auto it = tokens_by_device_.begin(); it != tokens_by_device_.end();) {
    std::erase_if(it->second, [this](const std::string& t) { return !tokens_.contains(t); });
    it = it->second.empty() ? tokens_by_device_.erase(it) : std::next(it);
  }
}

std::optional<Bytes> Sessions::issue_challenge(const wire::DeviceId& device) {
  Bytes challenge;
  challenge.reserve(kChallengeBytes);
  put_u64(challenge, ticks_of(clock_()));
  const auto nonce = crypto::random_array<kNonceBytes>();
  challenge.insert(challenge.end(), nonce.begin(), nonce.end());
  const auto mac = challenge_mac(challenge, device);
  challenge.insert(challenge.end(), mac.begin(), mac.end());
  return challenge;
}

bool Sessions::take_challenge(ByteView challenge, const wire::DeviceId& device) {
  if (challenge.size() != kChallengeBytes) return false;
  const auto expected = challenge_mac(challenge.first(kTimeBytes + kNonceBytes), device);
  if (sodium_memcmp(expected.data(), challenge.data() + kTimeBytes + kNonceBytes, kMacBytes) != 0) return false;
  const auto now = clock_();
  const std::uint64_t issued = get_u64(challenge.data());
  const std::uint64_t lifetime =
      static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(challenge_lifetime_).count());
  const std::uint64_t at = ticks_of(now);
  if (issued > at || at - issued >= lifetime) return false;
  std::uint64_t tag = 0;
  std::memcpy(&tag, expected.data(), sizeof tag);
  const std::lock_guard lock(mutex_);
  forget_expired_spent(now);
  if (!spent_.insert(tag).second) return false;  // spent even when the answer is wrong
  spent_order_.push_back({now + (challenge_lifetime_ - std::chrono::nanoseconds(at - issued)), tag});
  if (spent_order_.size() > kMaxSpentChallenges) {  // a flood of answers: forget the oldest early
    spent_.erase(spent_order_.front().tag);
    spent_order_.pop_front();
  }
  return true;
}

std::size_t Sessions::spent_challenges() {
  const std::lock_guard lock(mutex_);
  return spent_.size();
}

std::string Sessions::issue_token(const wire::DeviceId& device, bool member) {
  const auto now = clock_();
  const std::string token = to_hex(crypto::random_array<32>());
  const std::lock_guard lock(mutex_);
  if (tokens_.size() >= kMaxLiveTokens) purge_expired_tokens(now);
  auto& mine = tokens_by_device_[device];
  std::erase_if(mine, [this, now](const std::string& t) {
    auto it = tokens_.find(t);
    return it == tokens_.end() || it->second.expires <= now;
  });
  while (mine.size() >= tokens_per_device_) {
    tokens_.erase(mine.front());
    mine.pop_front();
  }
  mine.push_back(token);
  tokens_[token] = Entry{device, now + token_lifetime_, false, member};
  return token;
}

std::optional<Sessions::TokenOwner> Sessions::owner_of(const std::string& token) {
  const auto now = clock_();
  const std::lock_guard lock(mutex_);
  auto it = tokens_.find(token);
  if (it == tokens_.end()) return std::nullopt;
  if (it->second.expires <= now) {
    tokens_.erase(it);
    return std::nullopt;
  }
  return TokenOwner{it->second.device, it->second.revoked, it->second.member};
}

void Sessions::revoke_device(const wire::DeviceId& device) {
  const std::lock_guard lock(mutex_);
  for (auto& [token, entry] : tokens_) {
    if (entry.device == device) entry.revoked = true;
  }
}

}  // namespace varn::server
