#pragma once
//! A case's safety plan as versions that name the versions they follow,
//! never as numbers: two devices offline each writing "the next version"
//! both keep theirs, and every device shows both as current until someone
//! writes a version that follows both. One rule for the store, varn-cli
//! and the app.

#include <string>
#include <string_view>
#include <vector>

#include "varn/model/operation.hpp"
#include "varn/util/result.hpp"

namespace varn::model {

struct PlanVersion {
  EntityId id{};
  std::vector<EntityId> after;  //!< the versions it follows; none for a first one
};

//! The versions nobody follows yet, in the order given.
[[nodiscard]] std::vector<EntityId> current_versions(const std::vector<PlanVersion>& versions);

//! What a new version follows when the writer names none: the one current
//! version, or none for the first. Errc::conflict when several are current:
//! the writer names the versions the new one follows (all of them to join).
[[nodiscard]] Result<std::vector<EntityId>> default_predecessors(const std::vector<PlanVersion>& versions);

//! The field's value: ids hex, comma-separated; and back (bad ids are dropped).
[[nodiscard]] std::string join_versions(const std::vector<EntityId>& ids);
[[nodiscard]] std::vector<EntityId> split_versions(std::string_view value);

}  // namespace varn::model
