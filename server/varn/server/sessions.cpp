#include "varn/server/sessions.hpp"

#include "varn/crypto/random.hpp"

namespace varn::server {
namespace {
// Bounds the memory an unauthenticated flood of challenge requests can take.
constexpr std::size_t kMaxLiveChallenges = 100000;
constexpr std::size_t kMaxLiveTokens = 100000;
}  // namespace

Sessions::Sessions(std::chrono::seconds challenge_lifetime, std::chrono::seconds token_lifetime, Clock clock)
    : challenge_lifetime_(challenge_lifetime), token_lifetime_(token_lifetime), clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return std::chrono::steady_clock::now(); };
}

void Sessions::purge_expired(std::chrono::steady_clock::time_point now) {
  std::erase_if(challenges_, [now](const auto& kv) { return kv.second.expires <= now; });
  std::erase_if(tokens_, [now](const auto& kv) { return kv.second.expires <= now; });
}

std::optional<Bytes> Sessions::issue_challenge(const wire::DeviceId& device) {
  const auto now = clock_();
  Bytes challenge(32);
  crypto::fill_random(challenge);
  const std::lock_guard lock(mutex_);
  if (challenges_.size() >= kMaxLiveChallenges) purge_expired(now);
  if (challenges_.size() >= kMaxLiveChallenges) return std::nullopt;
  challenges_[challenge] = Entry{device, now + challenge_lifetime_};
  return challenge;
}

bool Sessions::take_challenge(ByteView challenge, const wire::DeviceId& device) {
  const auto now = clock_();
  const std::lock_guard lock(mutex_);
  auto it = challenges_.find(Bytes(challenge.begin(), challenge.end()));
  if (it == challenges_.end()) return false;
  const Entry entry = it->second;
  challenges_.erase(it);  // spent even when the answer is wrong
  return entry.device == device && entry.expires > now;
}

std::string Sessions::issue_token(const wire::DeviceId& device) {
  const auto now = clock_();
  const std::string token = to_hex(crypto::random_array<32>());
  const std::lock_guard lock(mutex_);
  if (tokens_.size() >= kMaxLiveTokens) purge_expired(now);
  tokens_[token] = Entry{device, now + token_lifetime_};
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
  return TokenOwner{it->second.device, it->second.revoked};
}

void Sessions::revoke_device(const wire::DeviceId& device) {
  const std::lock_guard lock(mutex_);
  for (auto& [token, entry] : tokens_) {
    if (entry.device == device) entry.revoked = true;
  }
}

}  // namespace varn::server
