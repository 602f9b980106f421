#pragma once
//! The merge rules (last writer wins per field, signed notes fixed), as pure functions, so that the
//! SQLCipher store and the in-memory reference replica (used by the
//! convergence tests) decide identically.
//!
//! - Plain fields: last writer wins by (hlc, device, value).
//! - "Ordered after" between ops of one note compares (hlc, device, field,
//!   value): time first, the rest only breaks ties between forged stamps.
//! - A note is signed by an op on fields::kSigned whose value is the signed
//!   snapshot. The earliest sign op (by op order) wins. Every other op on a
//!   signed note ordered after that sign op (field edits, later signs,
//!   deletes) is refused and kept as a conflict; ops ordered before it are
//!   superseded by the snapshot. So the result depends only on the set of
//!   ops, never on the order they arrive in.
//! - A signed note's state is its snapshot plus its conflicts; the field
//!   winners of a signed note are not part of the canonical state.
//! - Tombstones (fields::kDeleted) only for notes, and only while unsigned.
//!   A kDeleted or kSigned op on any other kind is refused as a conflict.
//! - An op whose device is not the change set's author is refused outright.
//! - Skyddad folkbokföring: once any op in the set gives a person the
//!   protection "protected_registration", no address op of that person is
//!   kept anywhere, whether it came before or after (Verdict::withheld), and
//!   an address already stored is removed. Lowering the level later does
//!   not let an address back in: the rule depends on the set of ops only.

#include <optional>
#include <string_view>

#include "varn/crypto/hash.hpp"

#include "varn/model/operation.hpp"

namespace varn::model {

enum class Verdict {
  apply,       //!< becomes the field's value
  superseded,  //!< older than what the field holds (or than the signing): kept in the log only
  conflict,    //!< touches a signed note after its signing: kept for review, never applied
  duplicate,   //!< this exact op was applied before
  withheld,    //!< a person's address under skyddad folkbokföring: kept nowhere
};

//! What the merge needs to know about the op's target.
struct TargetState {
  std::optional<Op> field_winner;  //!< current winning op of (kind, id, field), if any
  std::optional<Op> note_sign;     //!< the winning sign op of the note (kind note only)
};

//! `duplicate` only when `op` is the field winner or the note's sign itself:
//! a replica that keeps superseded or conflicting ops must drop repeats of
//! those by itself (the verdict for them repeats, so the result is the same).
//! `apply` of a kSigned op means it becomes the note's sign (the earliest so
//! far): the caller then re-checks the note's ops with conflicts_with_sign,
//! and a previous sign op becomes a conflict.
[[nodiscard]] Verdict decide(const Op& op, const TargetState& target);

//! The person's address field.
[[nodiscard]] bool is_person_address(const Op& op);
//! Sets a person's protection to skyddad folkbokföring: every address op
//! of that person is withheld from then on and removed where stored.
[[nodiscard]] bool withholds_address(const Op& op);

//! BLAKE2b-256 of a note's sign op value (its signed snapshot): what a
//! sign-off binds, so it counts for that exact text only.
[[nodiscard]] crypto::Hash32 signed_note_hash(std::string_view snapshot);

//! The time-like order of ops on one note: (hlc, device, field, value).
[[nodiscard]] bool ordered_before(const Op& a, const Op& b);

//! After a sign op `sign` wins a note, an op already applied to that note is
//! a conflict when this returns true (it is ordered after the signing).
[[nodiscard]] bool conflicts_with_sign(const Op& applied, const Op& sign);

}  // namespace varn::model
