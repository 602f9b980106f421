#pragma once
//! Small reads over the merge tables shared by the merge writer and Records.
//! A signed note's visible fields come from its snapshot, never from the
//! field winners (those depend on arrival order once the note is signed).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "varn/model/operation.hpp"
#include "varn/util/result.hpp"

namespace varn::store {

class Database;

//! The winning value of a field, as stored.
[[nodiscard]] Result<std::optional<std::string>> stored_field(Database& db, model::EntityKind kind,
                                                              const model::EntityId& id, std::string_view field);
//! What readers see: the snapshot's value for a signed note, else the stored one.
[[nodiscard]] Result<std::optional<std::string>> visible_field(Database& db, model::EntityKind kind,
                                                               const model::EntityId& id, std::string_view field);
//! Whether any op for this entity was ever merged here.
[[nodiscard]] Result<bool> entity_exists(Database& db, model::EntityKind kind, const model::EntityId& id);
//! Entities of `kind` whose ref field `field` points at `target`, oldest first.
[[nodiscard]] Result<std::vector<model::EntityId>> referring(Database& db, model::EntityKind kind,
                                                             std::string_view field, const model::EntityId& target);
//! Every id of `kind` that has a winner for `field`, in id order.
[[nodiscard]] Result<std::vector<model::EntityId>> ids_with_field(Database& db, model::EntityKind kind,
                                                                  std::string_view field);
//! The winning op of a field (value, stamp and device), as stored.
[[nodiscard]] Result<std::optional<model::Op>> stored_op(Database& db, model::EntityKind kind,
                                                         const model::EntityId& id, std::string_view field);

//! Whether a visit of `kind` in this case keeps a place: a home visit's place
//! is the person's address, kept nowhere under skyddad folkbokföring.
[[nodiscard]] Result<bool> place_kept(Database& db, const model::EntityId& case_id, const std::string& kind);

}  // namespace varn::store
