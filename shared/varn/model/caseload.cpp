#include "varn/model/caseload.hpp"

#include <algorithm>

#include "varn/model/authority.hpp"

namespace varn::model {

std::string join_responsible(std::vector<std::string> staff_hex) {
  std::sort(staff_hex.begin(), staff_hex.end());
  staff_hex.erase(std::unique(staff_hex.begin(), staff_hex.end()), staff_hex.end());
  std::string joined;
  for (const auto& s : staff_hex) joined += (joined.empty() ? "" : ",") + s;
  return joined;
}

std::vector<std::string> split_responsible(std::string_view value) {
  std::vector<std::string> out;
  while (!value.empty()) {
    const auto comma = value.find(',');
    const auto part = value.substr(0, comma);
    if (!part.empty()) out.emplace_back(part);
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return out;
}

bool may_assign_case(std::optional<registry::Role> role) {
  return role == registry::Role::reviewer || role == registry::Role::admin;
}

wire::ChangeSetClass assignment_class(std::optional<registry::Role> role) { return protection_class(role); }

bool lists_whole_unit(std::optional<registry::Role> role) { return may_assign_case(role); }

bool in_caseload(const std::vector<std::string>& responsible, std::string_view staff_hex) {
  if (responsible.empty()) return true;
  return !staff_hex.empty() && std::find(responsible.begin(), responsible.end(), staff_hex) != responsible.end();
}

bool lists_case(std::optional<registry::Role> role, std::string_view staff_hex,
                const std::vector<std::string>& responsible) {
  return lists_whole_unit(role) || in_caseload(responsible, staff_hex);
}

registry::Casework parse_casework(std::string_view value) {
  registry::Casework out;
  for (const auto& word : split_responsible(value)) {
    if (word == "worker") out.field = true;
    if (word == "reviewer") out.review = true;
  }
  return out;
}

std::string casework_value(registry::Casework casework) {
  std::vector<std::string> words;
  if (casework.field) words.emplace_back("worker");
  if (casework.review) words.emplace_back("reviewer");
  return join_responsible(std::move(words));
}

}  // namespace varn::model
