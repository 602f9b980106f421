#pragma once
//! Whose a case is: its responsible staff (staff entity ids). Opening a case
//! makes the opener's staff member responsible; afterwards only a reviewer
//! or an admin changes who is (checked on every replica: authority.cpp).
//! A worker's lists ("Idag", "Mina ärenden", `varn-cli list cases --mine`)
//! hold their own cases and the ones nobody is responsible for yet;
//! reviewers' and admins' hold the unit's. Reading a case outside one's
//! caseload is allowed and logged, and the monthly log review flags it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "varn/registry/entry.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::model {

//! The field's value: the staff ids (32 hex each), sorted, unique, comma-separated.
[[nodiscard]] std::string join_responsible(std::vector<std::string> staff_hex);
[[nodiscard]] std::vector<std::string> split_responsible(std::string_view value);

//! Whether `role` may change a case's responsible staff once it is open.
[[nodiscard]] bool may_assign_case(std::optional<registry::Role> role);
//! The class an assignment is sealed in: a reviewer's travels as review.
[[nodiscard]] wire::ChangeSetClass assignment_class(std::optional<registry::Role> role);

//! Whether a device of `role` lists the whole unit's cases (reviewers, admins).
[[nodiscard]] bool lists_whole_unit(std::optional<registry::Role> role);
//! Whether a case with these responsible staff is in `staff_hex`'s caseload
//! (nobody responsible: in everyone's, so an unassigned case is not lost).
[[nodiscard]] bool in_caseload(const std::vector<std::string>& responsible, std::string_view staff_hex);
//! Whether a device of `role` whose person is `staff_hex` ("" for nobody
//! named) lists the case: the one rule the app and varn-cli both ask.
[[nodiscard]] bool lists_case(std::optional<registry::Role> role, std::string_view staff_hex,
                              const std::vector<std::string>& responsible);

//! A staff record's casework field and back (unknown words are ignored).
[[nodiscard]] registry::Casework parse_casework(std::string_view value);
[[nodiscard]] std::string casework_value(registry::Casework casework);

}  // namespace varn::model
