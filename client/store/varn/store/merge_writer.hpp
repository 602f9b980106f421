#pragma once
//! The one path every op takes into the tables, written locally or received:
//! dedup by op digest, model::decide against the field's winner and the
//! note's sign op, then field_value / note_sign / conflict. When a sign op
//! wins, every op already logged for that note is re-checked with
//! model::conflicts_with_sign, so the result depends only on the set of ops.
//! Callers hold a transaction open around merge() ... finish().

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "varn/crypto/hash.hpp"
#include "varn/model/merge.hpp"
#include "varn/util/result.hpp"

namespace varn::store {

class Database;

//! Stable identity of an op (every field, the value included), for dedup.
[[nodiscard]] crypto::Hash32 op_digest(const model::Op& op);
//! Ids in ref fields ("person", "case", "visit", "note", "child") are also kept as blobs, for lookups.
[[nodiscard]] std::optional<model::EntityId> ref_target(std::string_view field, std::string_view value);

// Why the merge path writes with UPDATE/INSERT OR FAIL and never INSERT OR
// REPLACE: SQLite keeps a statement journal for a statement that writes
// twice and may abort, and SQLCipher encrypts every page that journal
// holds (measured: ~30 page encryptions per received change set, most of
// the initial-sync time). OR FAIL statements keep none; any failure rolls
// the caller's whole transaction back, so nothing half-done survives.

inline constexpr std::string_view kSignedConflictReason = "the note was already signed";
inline constexpr std::string_view kMetaFieldConflictReason = "only notes can be deleted or signed";
inline constexpr std::string_view kDisplacedOwnEditReason = "your edit was replaced by a later one from another device";

class Merger {
 public:
  //! `me`: this device, told (by a conflict row outside the merge state)
  //! when someone else's later edit displaces one of its own.
  explicit Merger(Database& db, std::optional<crypto::DeviceId> me = std::nullopt) : db_(db), me_(me) {}
  [[nodiscard]] Result<model::Verdict> merge(const model::Op& op);
  //! Recomputes the listing row (note_index) of every note touched; call before commit.
  [[nodiscard]] Result<void> finish();

 private:
  using EntityKey = std::pair<model::EntityKind, model::EntityId>;
  using FieldSet = std::set<std::string, std::less<>>;
  //! Whether the op's field is known to be empty: no winner, nothing
  //! logged, no sign (see entities_).
  Result<bool> field_untouched(const model::Op& op);
  //! Keeps entities_ true after `op` was merged (`logged`: into op_log).
  void note_merged(const model::Op& op, bool logged);
  [[nodiscard]] bool is_new_entity(model::EntityKind kind, const model::EntityId& id) const;
  //! The field's winner and the note's sign; nullopt when the op is logged already.
  Result<std::optional<model::TargetState>> read_target(const model::Op& op, const crypto::Hash32& hash);
  Result<std::optional<model::Op>> field_winner(const model::Op& op);
  Result<model::Verdict> merge_field(const model::Op& op);
  Result<bool> address_withheld(const model::EntityId& person);
  Result<void> remove_address(const model::EntityId& person);
  Result<void> log_op(const model::Op& op, const crypto::Hash32& hash, model::Verdict verdict);
  Result<void> write_winner(const model::Op& op, const std::optional<model::Op>& displaced);
  Result<void> apply_sign(const model::Op& sign, const crypto::Hash32& sign_hash);
  Result<void> record_conflict(const model::Op& op, const crypto::Hash32& hash);
  Result<void> refresh_note(const model::EntityId& note);

  Database& db_;
  std::optional<crypto::DeviceId> me_;
  std::set<model::EntityId> touched_notes_;
  // Every entity this transaction touched. Those that had no row in
  // field_value or op_log when first touched (most of a received page: new
  // visits and notes) hold the fields merged into them since, while each op
  // on them was the first on its field and took it. Then their only rows
  // are those winners: an op on another field meets an empty target and
  // needs none of the three reads a merge otherwise takes, and refresh_note
  // has no op_log or sign to read. nullopt: read from the tables.
  std::map<EntityKey, std::optional<FieldSet>> entities_;
};

//! The note's winning sign op, if it is signed.
[[nodiscard]] Result<std::optional<model::Op>> load_note_sign(Database& db, const model::EntityId& note);
//! Queues a locally written op for sealing (its class from model::class_for).
//! `change_class`: the class to seal it in, when the writer's role decides it (model::protection_class).
//! `write_group`: the Records write it belongs to; a change set holds a write whole.
[[nodiscard]] Result<void> append_to_outbox(Database& db, const model::Op& op,
                                            std::optional<wire::ChangeSetClass> change_class = std::nullopt,
                                            std::optional<std::uint64_t> write_group = std::nullopt);

}  // namespace varn::store
