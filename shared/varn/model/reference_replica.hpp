#pragma once
//! An in-memory replica that applies ops with the merge rules: the reference
//! the convergence tests check, and what the SQLCipher store must agree with.

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "varn/crypto/hash.hpp"
#include "varn/model/merge.hpp"

namespace varn::model {

class ReferenceReplica {
 public:
  //! Applies ops in the given order (duplicates allowed).
  void apply(const std::vector<Op>& ops);
  //! BLAKE2b over the canonical state: every field's winning op (except
  //! those of signed notes, see merge.hpp), every note's winning sign op and
  //! the set of conflicts sorted by op_less. Equal for equal sets of ops.
  [[nodiscard]] crypto::Hash32 state_hash() const;
  //! The visible value of a field (a signed note's fields come from its
  //! snapshot; a deleted draft note shows only its kDeleted field).
  [[nodiscard]] std::optional<std::string> value(EntityKind kind, const EntityId& id, std::string_view field) const;
  [[nodiscard]] std::size_t conflict_count() const { return conflicts_.size(); }

 private:
  using FieldKey = std::tuple<EntityKind, EntityId, std::string>;
  void apply_one(const Op& op);
  std::map<FieldKey, Op> winners_;
  std::map<EntityId, Op> signs_;
  std::map<EntityId, std::vector<Op>> note_ops_;  //!< every applied op per note, to re-check on a late sign
  std::set<std::vector<std::uint8_t>> seen_;      //!< encoded ops, for duplicates
  std::set<EntityId> address_withheld_;           //!< persons with skyddad folkbokföring (merge.hpp)
  std::vector<Op> conflicts_;
};

//! The state a signed note presents: parsed from its snapshot JSON.
[[nodiscard]] std::optional<std::string> snapshot_field(const std::string& snapshot_json, std::string_view field);

}  // namespace varn::model
