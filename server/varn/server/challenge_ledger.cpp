#include "varn/server/challenge_ledger.hpp"

#include <cstring>

namespace varn::server {

Result<bool> MemoryChallengeLedger::spend(const ChallengeTag& tag, std::int64_t expires_ms, std::int64_t now_ms) {
  std::uint64_t key = 0;
  std::memcpy(&key, tag.data(), sizeof key);
  const std::lock_guard lock(mutex_);
  // Spent in order, so expiring nearly in order: the front is the oldest
  // but for challenges answered later in their life.
  while (!order_.empty() && order_.front().expires_ms <= now_ms) {
    set_.erase(order_.front().key);
    order_.pop_front();
  }
  if (!set_.insert(key).second) return false;
  order_.push_back({expires_ms, key});
  if (order_.size() > kMaxSpentChallenges) {  // a flood of answers: forget the oldest early
    set_.erase(order_.front().key);
    order_.pop_front();
  }
  return true;
}

std::size_t MemoryChallengeLedger::held() {
  const std::lock_guard lock(mutex_);
  return set_.size();
}

}  // namespace varn::server
