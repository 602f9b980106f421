#include "varn/model/domain.hpp"

#include <algorithm>
#include <array>

namespace varn::model::domain {
namespace {

using namespace std::string_view_literals;

constexpr std::array kVisitKindValues = {"home"sv, "separate"sv, "office"sv, "phone"sv, "video"sv, "police"sv};
constexpr std::array kPartnerPresentValues = {"yes"sv, "no"sv, "unknown"sv};
constexpr std::array kCasePhaseValues = {"intake"sv,       "assessment"sv, "investigation"sv, "decision"sv,
                                    "intervention"sv, "follow_up"sv,  "closed"sv};
constexpr std::array kProtectionLevelValues = {"none"sv, "confidential"sv, "protected_registration"sv};
constexpr std::array kAddendumKindValues = {"correction"sv, "addition"sv, "objection"sv};
constexpr std::array kCaseFlagValues = {"threats_to_staff"sv, "honour_related"sv, "digital_control"sv};
constexpr std::array kRiskLevelValues = {"low"sv, "medium"sv, "high"sv};
constexpr std::array kPlacementKindValues = {"sheltered_housing"sv, "emergency_flat"sv, "emergency_foster_home"sv,
                                             "other"sv};

}  // namespace

std::span<const std::string_view> visit_kinds() { return kVisitKindValues; }
std::span<const std::string_view> partner_present_values() { return kPartnerPresentValues; }
std::span<const std::string_view> case_phases() { return kCasePhaseValues; }
std::span<const std::string_view> protection_levels() { return kProtectionLevelValues; }
std::span<const std::string_view> addendum_kinds() { return kAddendumKindValues; }
std::span<const std::string_view> case_flags() { return kCaseFlagValues; }
std::span<const std::string_view> placement_kinds() { return kPlacementKindValues; }
std::span<const std::string_view> risk_levels() { return kRiskLevelValues; }

bool is_one_of(std::span<const std::string_view> allowed, std::string_view value) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

}  // namespace varn::model::domain
