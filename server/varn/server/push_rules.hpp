#pragma once
//! What a push decides from what is already stored, for every backend: the
//! idempotency by change-set id, the epoch, the author's chain and registry
//! point, the authority floors, the stored-byte caps, and the sequence
//! numbers with the running log hash. A backend gives the rows (PushRows),
//! inside the one transaction it holds for the push, so that sequence
//! numbers commit in order.

#include <cstdint>
#include <optional>
#include <vector>

#include "varn/server/storage.hpp"

namespace varn::server {

//! An author's last change set as stored, for its chain and its quota.
struct AuthorHead {
  std::uint64_t seq = 0;
  Bytes hash = Bytes(32, 0);
  std::uint64_t registry_seen = 0;
  std::uint64_t bytes = 0;  //!< change-set bytes stored from this author
};

//! A change set already stored under an id.
struct StoredChangeSet {
  std::uint64_t seq = 0;
  Bytes hash;
};

//! One unit's rows, read and written inside the backend's push transaction.
class PushRows {
 public:
  virtual ~PushRows() = default;
  virtual Result<std::optional<StoredChangeSet>> find(const ChangeSetId& id) = 0;
  virtual Result<AuthorHead> author_head(const DeviceId& author) = 0;
  //! How far `author`'s chain had reached when registry entry `index`
  //! narrowed its rights; nullopt when no floor is recorded.
  virtual Result<std::optional<std::uint64_t>> floor(const DeviceId& author, std::uint64_t index) = 0;
  virtual Result<void> insert(std::uint64_t seq, const PushItem& item, const crypto::Hash32& log_hash) = 0;
  virtual Result<void> set_author_head(const PushItem& item, std::uint64_t author_bytes) = 0;
  virtual Result<void> set_unit(std::uint64_t head, const crypto::Hash32& log_hash, std::uint64_t bytes) = 0;
};

//! Decides and writes a push of `items` to `unit`, as its row was read
//! (locked) in the transaction. A refusal names the first envelope at
//! fault; the caller then rolls the transaction back, so nothing of the
//! batch stays.
[[nodiscard]] Result<PushResult> decide_push(PushRows& rows, const UnitRecord& unit, PushKind kind,
                                             StoredBytesCaps caps, const std::vector<PushItem>& items);
//! The answer to a push for a unit the storage does not hold.
[[nodiscard]] PushResult refuse_unknown_unit();

}  // namespace varn::server
