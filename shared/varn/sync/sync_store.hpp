#pragma once
//! What the socket-free sync engine needs from a device's local store. The
//! SQLCipher store in client/store implements it; tests use an in-memory one.
//! Every method that changes more than one thing does so in one transaction,
//! so a crash at any point neither loses nor double-applies a change set.

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "varn/crypto/hash.hpp"
#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::sync {

//! Unsent outbox operations, encoded as one change-set plaintext.
struct OutgoingBatch {
  std::vector<std::int64_t> op_ids;  //!< outbox row ids; empty when nothing waits
  Bytes plaintext;                   //!< the model's change-set encoding of those ops
  //! Sealed into the envelope header; a batch never mixes classes.
  wire::ChangeSetClass change_class = wire::ChangeSetClass::field_work;
};

//! A change set this device sealed; kept until the server acknowledges it
//! (and afterwards, so it can be pushed again after a server restore).
struct SealedChangeSet {
  wire::ChangeSetId id{};
  std::uint64_t author_seq = 0;
  crypto::Hash32 hash{};  //!< wire::envelope_hash of `envelope`
  Bytes envelope;
  std::uint64_t server_seq = 0;  //!< 0 until acknowledged
};

//! The head of this device's own hash chain.
struct ChainHead {
  std::uint64_t seq = 0;     //!< 0 when nothing was sealed yet
  crypto::Hash32 hash{};     //!< zeros when nothing was sealed yet
};

//! A change set from the server, already verified and decrypted by the engine.
struct ReceivedChangeSet {
  std::uint64_t server_seq = 0;
  wire::ChangeSetId id{};
  crypto::DeviceId author{};
  //! From the signed header; the engine checked the author's role allows it,
  //! the store refuses any op inside that the class does not allow.
  wire::ChangeSetClass change_class = wire::ChangeSetClass::field_work;
  Bytes envelope;   //!< kept so the device holds every change set it has seen
  Bytes plaintext;  //!< the model's change-set encoding
  //! The author's chain position, from the signed header (0: not known). The
  //! store finds a change set it has seen by it: an author's numbers grow, so
  //! that index takes appends, where one on the random id took a page write
  //! per change set.
  std::uint64_t author_seq = 0;
};

//! Hands out received change sets in server order; nullopt after the last.
using ReceivedSource = std::function<Result<std::optional<ReceivedChangeSet>>()>;

class SyncStore {
 public:
  virtual ~SyncStore() = default;

  //! Up to `max_ops` outbox operations not yet inside a sealed change set.
  [[nodiscard]] virtual Result<OutgoingBatch> next_outgoing(std::size_t max_ops) = 0;
  //! In one transaction: marks the batch's ops as sealed into `sealed` and
  //! keeps `sealed` (which also advances the chain head).
  [[nodiscard]] virtual Result<void> record_sealed(const OutgoingBatch& batch, const SealedChangeSet& sealed) = 0;
  [[nodiscard]] virtual Result<ChainHead> chain_head() = 0;
  //! Sealed change sets the server has not acknowledged, in author_seq order.
  [[nodiscard]] virtual Result<std::vector<SealedChangeSet>> unacknowledged() = 0;
  [[nodiscard]] virtual Result<void> mark_acknowledged(const wire::ChangeSetId& id, std::uint64_t server_seq) = 0;

  //! The highest server sequence number applied.
  [[nodiscard]] virtual Result<std::uint64_t> pull_cursor() = 0;
  //! In one transaction: merges the plaintext's operations (refusing what the
  //! merge rules refuse, recording conflicts), keeps the envelope, and moves
  //! the cursor to `server_seq`. A change set id seen before only moves the
  //! cursor. An own change set coming back is acknowledged, not re-applied.
  [[nodiscard]] virtual Result<void> apply_received(const ReceivedChangeSet& received) = 0;
  //! Every envelope this device holds (own and received) that the server
  //! numbered above `after`, in that order: what it re-pushes after the
  //! server was restored from an older backup.
  [[nodiscard]] virtual Result<std::vector<Bytes>> held_envelopes_after(std::uint64_t after) {
    (void)after;
    return make_error(Errc::unavailable, "this store cannot list the change sets it holds");
  }
  //! Moves the pull cursor back to `to` (after a restore), so re-pushed
  //! change sets come round again and are recognised by id.
  [[nodiscard]] virtual Result<void> rewind_cursor(std::uint64_t to) {
    (void)to;
    return make_error(Errc::unavailable, "this store cannot rewind its cursor");
  }
  //! The same for a page of change sets in one transaction (initial sync of
  //! 100k change sets must not pay one commit each), taken from `next` in
  //! server order until it answers nullopt. An error from `next` or from a
  //! change set applies nothing of the page. `next` may block while the
  //! engine still verifies; stores that apply as they go overlap with it.
  [[nodiscard]] virtual Result<void> apply_received_stream(const ReceivedSource& next) {
    std::vector<ReceivedChangeSet> page;
    for (;;) {
      auto r = next();
      if (!r) return r.error();
      if (!*r) break;
      page.push_back(std::move(**r));
    }
    for (const auto& r : page) {
      if (auto applied = apply_received(r); !applied) return applied;
    }
    return {};
  }
  //! apply_received_stream over a page already opened.
  [[nodiscard]] Result<void> apply_received_batch(const std::vector<ReceivedChangeSet>& page) {
    std::size_t i = 0;
    return apply_received_stream([&]() -> Result<std::optional<ReceivedChangeSet>> {
      if (i == page.size()) return std::optional<ReceivedChangeSet>{};
      return std::optional<ReceivedChangeSet>(page[i++]);
    });
  }
};

}  // namespace varn::sync
