#include "varn/model/authority.hpp"

#include <algorithm>

#include "varn/model/case_vault.hpp"
#include "varn/model/caseload.hpp"
#include "varn/model/domain.hpp"

namespace varn::model {

bool is_creator_only(EntityKind kind) {
  return kind == EntityKind::note || kind == EntityKind::addendum || kind == EntityKind::review ||
         kind == EntityKind::access_log || kind == EntityKind::log_review || kind == EntityKind::child_decision;
}

bool is_pointer_field(EntityKind kind, std::string_view field) {
  switch (kind) {
    case EntityKind::case_file: return field == domain::kCasePerson;
    case EntityKind::visit:
    case EntityKind::task:
    case EntityKind::safety_plan:
    case EntityKind::placement:
    case EntityKind::child:
    case EntityKind::assessment:
    case EntityKind::access_log: return field == "case";
    case EntityKind::note: return field == domain::kNoteCase || field == domain::kNoteVisit;
    case EntityKind::addendum:
    case EntityKind::review: return field == "note";
    case EntityKind::child_decision: return field == domain::kChildDecisionChild;
    default: return false;
  }
}

bool may_set_protection(std::optional<registry::Role> role, std::string_view level) {
  return level != "none" || role == registry::Role::reviewer || role == registry::Role::admin;
}

wire::ChangeSetClass protection_class(std::optional<registry::Role> role) {
  return role == registry::Role::reviewer ? wire::ChangeSetClass::review : wire::ChangeSetClass::field_work;
}

AuthorityCheck check_authority(const std::vector<Op>& ops, const crypto::DeviceId& author,
                               std::optional<registry::Role> role, std::uint64_t now_ms) {
  auto fault = [](AuthorityVerdict v, const Op& op, std::string why) { return AuthorityCheck{v, std::move(why), op}; };
  // What a change set creates, its author sets freely in the same change set.
  auto creates = [&](const Op& op) {
    return std::any_of(ops.begin(), ops.end(),
                       [&](const Op& o) { return o.kind == op.kind && o.id == op.id && o.field == fields::kCreated; });
  };
  for (const Op& op : ops) {
    if (op.hlc.wall_ms() > now_ms + kMaxClockSkewMs) {
      return fault(AuthorityVerdict::too_early, op, "it is stamped ahead of this device's clock; it waits until then");
    }
    if (op.field == fields::kCreated && !names_creator(op.id, author)) {
      return fault(AuthorityVerdict::refused, op, "it claims to create a " + std::string(kind_name(op.kind)) +
                                                      " that another device created");
    }
    if (is_creator_only(op.kind) && !names_creator(op.id, author)) {
      return fault(AuthorityVerdict::refused, op, "only its author writes a " + std::string(kind_name(op.kind)));
    }
    // What an entity belongs to decides who may read it (a restricted
    // case's key, model/case_vault.hpp): it is set once, when it is made.
    if (is_pointer_field(op.kind, op.field) && !creates(op)) {
      return fault(AuthorityVerdict::refused, op, "the case, person or note a " + std::string(kind_name(op.kind)) +
                                                      " belongs to is set when it is made and never moved");
    }
    if (op.kind == EntityKind::staff && role != registry::Role::admin) {
      return fault(AuthorityVerdict::refused, op, "only an admin writes who a device belongs to");
    }
    if (op.kind == EntityKind::setting && role != registry::Role::admin) {
      return fault(AuthorityVerdict::refused, op, "only an admin changes the unit's settings");
    }
    if (op.kind == EntityKind::person && op.field == domain::kPersonProtection && !may_set_protection(role, op.value) &&
        !creates(op)) {
      return fault(AuthorityVerdict::refused, op, "only a reviewer or an admin removes a person's protection");
    }
    if (op.kind == EntityKind::case_file && op.field == domain::kCaseResponsible && !may_assign_case(role) &&
        !creates(op)) {
      return fault(AuthorityVerdict::refused, op, "only a reviewer or an admin changes who is responsible for a case");
    }
    if (op.kind == EntityKind::case_file && (op.field == kCaseRestriction || op.field == kCaseRestrictionKey) &&
        !may_restrict_case(role)) {
      return fault(AuthorityVerdict::refused, op, "only a reviewer or an admin restricts a case or names its staff");
    }
  }
  return {};
}

}  // namespace varn::model
