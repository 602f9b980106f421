#pragma once
//! Which roles exist and what each may write (the envelope's signed class).

#include <string_view>

#include "varn/wire/envelope.hpp"

namespace varn::server {

//! "admin", "worker" and "reviewer"; anything else is refused.
[[nodiscard]] inline bool is_known_role(std::string_view role) {
  return role == "admin" || role == "worker" || role == "reviewer";
}

//! Admins write both classes, workers field work, reviewers reviews.
[[nodiscard]] inline bool role_may_write(std::string_view role, wire::ChangeSetClass change_class) {
  if (role == "admin") return true;
  if (change_class == wire::ChangeSetClass::field_work) return role == "worker";
  return role == "reviewer";
}

}  // namespace varn::server
