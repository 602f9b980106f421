#include "varn/model/operation.hpp"

#include <array>
#include <tuple>
#include <utility>

#include <algorithm>

namespace varn::model {
namespace {

// Indexed by the enum value; index 0 is not a kind.
constexpr std::array<std::string_view, kMaxEntityKind + 1> kKindNames = {
    "",           "person",     "case",   "visit",      "note",     "addendum", "task",
    "safety_plan", "placement", "child",  "assessment", "access_log", "review", "staff",
    "setting", "log_review", "case_sealed", "case_key", "child_decision",
};

}  // namespace

std::string_view kind_name(EntityKind kind) {
  const auto index = static_cast<std::size_t>(kind);
  return index < kKindNames.size() ? kKindNames[index] : std::string_view{};
}

std::optional<EntityKind> kind_from_name(std::string_view name) {
  if (name.empty()) return std::nullopt;
  for (std::size_t i = 1; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == name) return static_cast<EntityKind>(i);
  }
  return std::nullopt;
}

EntityId entity_id_for(Hlc stamp, const crypto::DeviceId& creator) {
  EntityId id{};
  for (std::size_t i = 0; i < 8; ++i) id[i] = static_cast<std::uint8_t>(stamp.packed >> (8 * (7 - i)));
  std::copy_n(creator.begin(), 8, id.begin() + 8);
  return id;
}

bool names_creator(const EntityId& id, const crypto::DeviceId& device) {
  return std::equal(id.begin() + 8, id.end(), device.begin());
}

bool op_less(const Op& a, const Op& b) {
  return std::tie(a.kind, a.id, a.field, a.hlc, a.device, a.value) <
         std::tie(b.kind, b.id, b.field, b.hlc, b.device, b.value);
}

bool class_allows(wire::ChangeSetClass change_class, const Op& op) {
  // A reviewer may change a person's protection level and who is
  // responsible for a case (docs: authority.hpp).
  if (op.kind == EntityKind::person && op.field == "protection") return true;
  if (op.kind == EntityKind::case_file && op.field == "responsible") return true;
  // A restriction, its keys and its blobs travel in the class of whoever
  // writes them; a blob's own ops are held to the class it came in.
  if (op.kind == EntityKind::case_file && (op.field == "restriction" || op.field == "restriction_key")) return true;
  switch (op.kind) {
    case EntityKind::review:
    case EntityKind::log_review:
      return change_class == wire::ChangeSetClass::review;
    case EntityKind::addendum:
    case EntityKind::access_log:
    case EntityKind::case_sealed:
    case EntityKind::case_key:
      return true;
    default:
      return change_class == wire::ChangeSetClass::field_work;
  }
}

wire::ChangeSetClass class_for(const Op& op) {
  return op.kind == EntityKind::review || op.kind == EntityKind::log_review ? wire::ChangeSetClass::review
                                                                             : wire::ChangeSetClass::field_work;
}

}  // namespace varn::model
