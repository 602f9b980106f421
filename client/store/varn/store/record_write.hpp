#pragma once
//! One Records mutation: a transaction around the merge path and the outbox.
//! It first moves the clock past every stamp the store has written or seen
//! (so a local write never loses to an op it already knows), merges each op
//! exactly like a received one, queues it for sealing, and on commit
//! persists the clock's last value.

#include <optional>
#include <string>
#include <string_view>

#include "varn/model/hlc.hpp"
#include "varn/store/database.hpp"
#include "varn/store/merge_writer.hpp"

namespace varn::store {

class LocalStore;

inline constexpr std::string_view kSignedNoteMessage = "the note is signed and can no longer change";
inline constexpr std::string_view kLoneVisitMessage =
    "a home visit alone to a case flagged for threats against staff or judged high risk needs a reviewer's override "
    "(plan two staff, or give the override)";
inline constexpr std::string_view kNoAddressMessage =
    "no address is recorded for a person with skyddad folkbokföring (protected registration)";

class RecordWrite {
 public:
  [[nodiscard]] static Result<RecordWrite> begin(LocalStore& store, model::HybridClock& clock,
                                                 const crypto::DeviceId& me);
  //! Merges one op with a fresh stamp and queues it. Errc::invalid_argument
  //! (naming the field) past the codec's limits or for an address the
  //! person's protection withholds; Errc::conflict if refused.
  [[nodiscard]] Result<void> put(model::EntityKind kind, const model::EntityId& id, std::string_view field,
                                 std::string value, std::optional<wire::ChangeSetClass> change_class = std::nullopt);
  [[nodiscard]] Result<void> commit();
  [[nodiscard]] Database& db() { return *db_; }
  [[nodiscard]] model::Hlc last_stamp() const { return clock_->last(); }
  //! A new entity's id, naming this device as its creator (model::entity_id_for).
  [[nodiscard]] model::EntityId new_id() { return model::entity_id_for(clock_->now(), me_); }

 private:
  RecordWrite(Database& db, Transaction tx, model::HybridClock& clock, const crypto::DeviceId& me)
      : db_(&db), tx_(std::move(tx)), merger_(db), clock_(&clock), me_(me), group_(clock.now().packed) {}
  Database* db_;
  Transaction tx_;
  Merger merger_;
  model::HybridClock* clock_;
  crypto::DeviceId me_;
  std::uint64_t group_;  // names this write's outbox ops (a stamp: unique on this device)
};

//! What writes need to know about a note (from its listing row).
struct NoteState {
  bool exists = false;
  bool is_signed = false;
  bool deleted = false;
  bool reviewed = false;
  crypto::DeviceId author{};
};
[[nodiscard]] Result<NoteState> note_state(Database& db, const model::EntityId& note);

}  // namespace varn::store
