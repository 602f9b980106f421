#pragma once
//! What the socket-free sync engine needs from a device's local store. The
//! SQLCipher store in client/store implements it; tests use an in-memory one.
//! Every method that changes more than one thing does so in one transaction,
//! so a crash at any point neither loses nor double-applies a change set.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "varn/crypto/hash.hpp"
#include "varn/registry/chain.hpp"
#include "varn/registry/entry.hpp"
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

//! The head of one author's hash chain as this device holds it.
struct ChainHead {
  std::uint64_t seq = 0;           //!< 0 when nothing is held yet
  crypto::Hash32 hash{};           //!< zeros when nothing is held yet
  std::uint64_t registry_seen = 0; //!< what the last of them claimed to have seen
};

//! Where this device is in the unit's log: the server sequence applied up
//! to and the running log hash there (registry::next_log_hash), which the
//! server's signed checkpoints must match.
struct LogPosition {
  std::uint64_t cursor = 0;
  crypto::Hash32 log_hash{};
  friend bool operator==(const LogPosition&, const LogPosition&) = default;
};

//! What the engine decided about a received change set before the store sees it.
enum class Disposition : std::uint8_t {
  apply,       //!< in its author's chain; merged
  refuse,      //!< in its author's chain, its content refused (kept and listed as a conflict)
  hold,        //!< after a gap in its author's chain: kept until the gap fills
  quarantine,  //!< outside any chain (unknown author, bad signature, fork): kept, never merged
};

//! A change set from the server, verified and decrypted by the engine.
struct ReceivedChangeSet {
  std::uint64_t server_seq = 0;
  wire::ChangeSetId id{};
  crypto::DeviceId author{};
  //! From the signed header; the engine checked the author's role allows it,
  //! the store refuses any op inside that the class does not allow.
  wire::ChangeSetClass change_class = wire::ChangeSetClass::field_work;
  Bytes envelope;   //!< kept so the device holds every change set it has seen
  Bytes plaintext;  //!< the model's change-set encoding (apply only)
  //! The author's chain position, from the signed header. The store finds a
  //! change set it has seen by it: an author's numbers grow, so that index
  //! takes appends, where one on the random id took a page write per change set.
  std::uint64_t author_seq = 0;
  crypto::Hash32 hash{};           //!< envelope_hash(envelope)
  std::uint64_t registry_seen = 0; //!< from the signed header
  Disposition disposition = Disposition::apply;
  std::string reason;              //!< why, for refuse / hold / quarantine
  bool from_pending = false;       //!< a held or quarantined change set now taken up
  //! The author's role at the registry point it names (nullopt: own, or
  //! not active then): what the store's authority rules allow it.
  std::optional<registry::Role> role;
};

//! A received change set kept aside (held behind a gap, or quarantined).
struct PendingChangeSet {
  std::uint64_t server_seq = 0;
  Bytes envelope;
  Disposition disposition = Disposition::hold;
  std::string reason;
};

//! What applying a batch found that people must hear of.
struct ApplySummary {
  std::size_t forks = 0;  //!< another change set at a chain position already held
};

//! What the upkeep of restricted cases' keys wrote before a push.
struct TendOutcome {
  std::size_t sealed = 0;   //!< keys sealed to devices of named staff that lacked them
  std::size_t rotated = 0;  //!< cases given a new key: a device it reached is no longer active
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
  //! Replaces an unacknowledged change set sealed again (same id and author
  //! number; new epoch, registry point and chain link).
  [[nodiscard]] virtual Result<void> replace_sealed(const SealedChangeSet& sealed) = 0;
  [[nodiscard]] virtual Result<ChainHead> chain_head() = 0;
  //! Sealed change sets the server has not acknowledged, in author_seq order.
  [[nodiscard]] virtual Result<std::vector<SealedChangeSet>> unacknowledged() = 0;
  [[nodiscard]] virtual Result<void> mark_acknowledged(const wire::ChangeSetId& id, std::uint64_t server_seq) = 0;
  //! The server refused own change set `author_seq` for good (the role this
  //! device holds now may not write it): in one transaction its ops are
  //! withdrawn (kept and listed as a conflict with `reason`, never sealed
  //! again), the unacknowledged change sets after it go back to the outbox,
  //! and the chain head moves back before it.
  [[nodiscard]] virtual Result<void> withdraw_unsent(std::uint64_t author_seq, const std::string& reason) = 0;
  //! Own change sets the server acknowledged whose echo never came back in
  //! a pull: after a pull that reached the head, ones the server lost.
  [[nodiscard]] virtual Result<std::vector<SealedChangeSet>> unechoed() = 0;

  [[nodiscard]] virtual Result<LogPosition> log_position() = 0;
  //! Where the log stood after each applied batch, oldest first (with
  //! {0, zeros} first): the points a device can rewind to.
  [[nodiscard]] virtual Result<std::vector<LogPosition>> log_marks() = 0;
  //! The head of every other author's chain this device holds.
  [[nodiscard]] virtual Result<std::map<crypto::DeviceId, ChainHead>> author_heads() = 0;
  [[nodiscard]] virtual Result<std::vector<PendingChangeSet>> pending_received() = 0;

  //! In one transaction: takes change sets from `next` until nullopt and
  //! handles each by its disposition (merge refusing what the merge rules
  //! refuse, keep its envelope, move its author's head; or keep it aside),
  //! then sets the log position to `end` and remembers it as a mark (if it
  //! moved). A change set seen before only takes its new server number. An
  //! error from `next` or from a change set applies nothing. `next` may
  //! block while the engine still verifies; stores that apply as they go
  //! overlap with it.
  [[nodiscard]] virtual Result<ApplySummary> apply_received_stream(const ReceivedSource& next,
                                                                   const LogPosition& end) = 0;
  //! Every envelope in an author chain this device holds (own and received,
  //! refused content included) that the server numbered above `after`, in
  //! that order: what it pushes back after the server lost them.
  [[nodiscard]] virtual Result<std::vector<Bytes>> held_envelopes_after(std::uint64_t after) = 0;
  //! Moves the log position back to a mark (after a restore), dropping the
  //! marks after it, so the change sets after it come round again and are
  //! recognised by author and number.
  [[nodiscard]] virtual Result<void> rewind(const LogPosition& to) = 0;

  //! Before sealing: keys of restricted cases this device holds go to the
  //! named staff's devices that lack them, and a reviewer's or an admin's
  //! device gives a case a new key when one it reached is no longer active
  //! in `state` (model/case_vault.hpp). Stores without restricted cases do nothing.
  [[nodiscard]] virtual Result<TendOutcome> tend_restricted(const registry::RegistryState& state) = 0;

  //! The highest server sequence number applied.
  [[nodiscard]] Result<std::uint64_t> pull_cursor();
  //! apply_received_stream over change sets already opened, the log
  //! position moving over each in turn.
  [[nodiscard]] Result<ApplySummary> apply_received_batch(const std::vector<ReceivedChangeSet>& page);
  [[nodiscard]] Result<ApplySummary> apply_received(const ReceivedChangeSet& received) {
    return apply_received_batch({received});
  }
};

}  // namespace varn::sync
