#include "varn/model/operation.hpp"

#include <array>
#include <tuple>
#include <utility>

#include "varn/crypto/random.hpp"

namespace varn::model {
namespace {

// Indexed by the enum value; index 0 is not a kind.
constexpr std::array<std::string_view, kMaxEntityKind + 1> kKindNames = {
    "",           "person",     "case",   "visit",      "note",     "addendum", "task",
    "safety_plan", "placement", "child",  "assessment", "access_log", "review",
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

EntityId new_entity_id(std::uint64_t wall_ms) {
  EntityId id = crypto::random_array<16>();
  for (std::size_t i = 0; i < 6; ++i) id[i] = static_cast<std::uint8_t>(wall_ms >> (8 * (5 - i)));
  return id;
}

EntityId new_entity_id() { return new_entity_id(system_wall_clock()()); }

bool op_less(const Op& a, const Op& b) {
  return std::tie(a.kind, a.id, a.field, a.hlc, a.device, a.value) <
         std::tie(b.kind, b.id, b.field, b.hlc, b.device, b.value);
}

bool class_allows(wire::ChangeSetClass change_class, const Op& op) {
  switch (op.kind) {
    case EntityKind::review:
      return change_class == wire::ChangeSetClass::review;
    case EntityKind::addendum:
    case EntityKind::access_log:
      return true;
    default:
      return change_class == wire::ChangeSetClass::field_work;
  }
}

wire::ChangeSetClass class_for(const Op& op) {
  return op.kind == EntityKind::review ? wire::ChangeSetClass::review : wire::ChangeSetClass::field_work;
}

}  // namespace varn::model
