#include "varn/model/safety_plan.hpp"

#include <algorithm>
#include <set>

namespace varn::model {

std::vector<EntityId> current_versions(const std::vector<PlanVersion>& versions) {
  std::set<EntityId> followed;
  for (const auto& v : versions) followed.insert(v.after.begin(), v.after.end());
  std::vector<EntityId> out;
  for (const auto& v : versions) {
    if (followed.count(v.id) == 0) out.push_back(v.id);
  }
  return out;
}

Result<std::vector<EntityId>> default_predecessors(const std::vector<PlanVersion>& versions) {
  auto current = current_versions(versions);
  if (current.size() > 1) {
    return make_error(Errc::conflict, "the safety plan has " + std::to_string(current.size()) +
                                          " current versions (written at the same time on different devices): "
                                          "name the versions the new one follows");
  }
  return current;
}

std::string join_versions(const std::vector<EntityId>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ",") + to_hex(id);
  return out;
}

std::vector<EntityId> split_versions(std::string_view value) {
  std::vector<EntityId> out;
  while (!value.empty()) {
    const auto comma = value.find(',');
    if (auto id = array_from_hex<16>(value.substr(0, comma))) out.push_back(*id);
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace varn::model
