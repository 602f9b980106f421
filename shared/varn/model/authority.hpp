#pragma once
//! Who may write what, op by op: the rules every replica checks on apply.
//! An op's authority is the signed author of the change set carrying it and
//! the role that author held at the registry point the change set names;
//! nothing inside the plaintext can claim another author. The rules depend
//! on the change set alone (entity ids name their creators), so every
//! replica decides the same whatever order change sets arrive in.
//!
//! - An entity is created only by the device its id names.
//! - Notes, addenda, sign-offs, reviews and access-log entries are written
//!   only by their creator: a colleague can neither edit, sign, delete nor
//!   take the credit for them.
//! - Staff members (who a device belongs to) and the unit's settings are
//!   written by admins only.
//! - Removing a person's protection (setting it to "none") needs a
//!   reviewer or an admin, except when the person is created in the same
//!   change set; any role may raise it.
//! - Changing who is responsible for a case needs a reviewer or an admin,
//!   except in the change set that opens the case (model/caseload.hpp).
//! - Restricting a case, and naming who may read it, needs a reviewer or
//!   an admin (model/case_vault.hpp).
//! - What an entity belongs to (a visit's case, a case's person, an
//!   addendum's note: is_pointer_field) is written only in the change set
//!   that creates it: nobody moves a visit out of a restricted case.
//! - An op stamped more than kMaxClockSkewMs ahead of the receiving
//!   device's clock is set aside until that time has come: a stamp cannot
//!   buy the future (the last writer of a field wins by stamp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "varn/model/operation.hpp"
#include "varn/registry/entry.hpp"

namespace varn::model {

inline constexpr std::uint64_t kMaxClockSkewMs = 5 * 60 * 1000;

enum class AuthorityVerdict { allowed, refused, too_early };

struct AuthorityCheck {
  AuthorityVerdict verdict = AuthorityVerdict::allowed;
  std::string reason;
  std::optional<Op> op;  //!< the first op at fault
};

//! `role`: the author's role at the change set's registry point (nullopt:
//! not known, which allows nothing that needs a role).
[[nodiscard]] AuthorityCheck check_authority(const std::vector<Op>& ops, const crypto::DeviceId& author,
                                             std::optional<registry::Role> role, std::uint64_t now_ms);

//! Whether `role` may set a person's protection to `level` on its own:
//! removing it ("none") is a reviewer's or an admin's. Clients ask this
//! before writing; check_authority holds every replica to it.
[[nodiscard]] bool may_set_protection(std::optional<registry::Role> role, std::string_view level);
//! The class a protection change is sealed in: a reviewer writes no field
//! work, so theirs travels as review (class_allows takes it in either).
[[nodiscard]] wire::ChangeSetClass protection_class(std::optional<registry::Role> role);

//! Fields that say which case, person, visit or note an entity belongs to.
[[nodiscard]] bool is_pointer_field(EntityKind kind, std::string_view field);

//! Kinds only their creator writes.
[[nodiscard]] bool is_creator_only(EntityKind kind);

}  // namespace varn::model
