#pragma once
//! Where answered challenges are remembered until they expire, so that each
//! opens one session only. One process (SQLite storage) keeps them in
//! memory; processes that share a PostgreSQL database share its table of
//! them (PgStorage), so a challenge answered at one cannot be answered again
//! at another.

#include <cstdint>
#include <deque>
#include <mutex>
#include <unordered_set>

#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

namespace varn::server {

//! A challenge's MAC: unique to it and unforgeable without the secret.
using ChallengeTag = ByteArray<16>;

class ChallengeLedger {
 public:
  virtual ~ChallengeLedger() = default;
  //! Records `tag` as answered until `expires_ms` (unix milliseconds): true
  //! the first time, false for a tag answered before on any process that
  //! shares this ledger.
  [[nodiscard]] virtual Result<bool> spend(const ChallengeTag& tag, std::int64_t expires_ms, std::int64_t now_ms) = 0;
};

//! The ledger of one process. Only challenges whose signature verified are
//! spent, so strangers cannot fill it; still it holds at most
//! kMaxSpentChallenges and forgets the oldest early past that. Replaying one
//! of those needs the device's signature over it, which only the request
//! that spent it carried; whoever saw that request also saw the token the
//! answer gave, valid far longer, so the replay adds nothing.
class MemoryChallengeLedger final : public ChallengeLedger {
 public:
  //! 16 bytes each, with their order.
  static constexpr std::size_t kMaxSpentChallenges = 65536;

  Result<bool> spend(const ChallengeTag& tag, std::int64_t expires_ms, std::int64_t now_ms) override;
  //! Spent challenges held now.
  [[nodiscard]] std::size_t held();

 private:
  struct Spent {
    std::int64_t expires_ms = 0;
    std::uint64_t key = 0;
  };
  std::mutex mutex_;
  std::deque<Spent> order_;                // in the order they were spent
  std::unordered_set<std::uint64_t> set_;  // a tag's first 8 bytes
};

}  // namespace varn::server
