#pragma once
//! JSON forms of what varn-cli lists and shows. Lists are sorted by stable
//! keys, so two devices that hold the same data print the same bytes.

#include <nlohmann/json.hpp>
#include <vector>

#include "varn/device/staff_directory.hpp"
#include "varn/registry/entry.hpp"
#include "varn/store/records.hpp"
#include "varn/sync/api_types.hpp"

namespace varn::cli {

[[nodiscard]] nlohmann::json to_json(const store::PersonView& person);
//! Who wrote or read something: {"device", "id", "name", "title"}; the
//! staff fields are null for a device no admin has named anyone for.
[[nodiscard]] nlohmann::json author_json(const std::string& device_hex, const device::StaffDirectory& staff);
[[nodiscard]] nlohmann::json to_json(const store::NoteView& note, const device::StaffDirectory& staff);
[[nodiscard]] nlohmann::json to_json(const store::CaseView& case_view, const device::StaffDirectory& staff);
//! A case's responsible staff: [{"id", "name", "title"}], names null for an id no one recorded.
[[nodiscard]] nlohmann::json responsible_json(const std::vector<std::string>& staff_hex,
                                              const device::StaffDirectory& staff);
[[nodiscard]] nlohmann::json to_json(const store::AccessLogEntry& entry, const device::StaffDirectory& staff);
[[nodiscard]] nlohmann::json to_json(const store::SafetyPlanView& plan, const device::StaffDirectory& staff);
[[nodiscard]] nlohmann::json to_json(const store::PlacementView& placement, const device::StaffDirectory& staff);
[[nodiscard]] nlohmann::json to_json(const store::ChildView& child, const device::StaffDirectory& staff);
//! With its answers only when `with_answers` (the list shows score and judgement).
[[nodiscard]] nlohmann::json to_json(const store::AssessmentView& assessment, const device::StaffDirectory& staff,
                                     bool with_answers);
[[nodiscard]] nlohmann::json to_json(const store::StaffView& member);
[[nodiscard]] nlohmann::json to_json(const store::ConflictView& conflict);
[[nodiscard]] nlohmann::json to_json(const sync::DeviceEntry& device);
//! A waiting request without its fingerprint: the admin hears that from the device.
[[nodiscard]] nlohmann::json to_json(const sync::EnrolmentRequest& request);
[[nodiscard]] nlohmann::json to_json(const registry::Entry& entry);

//! Sorts in place by (written time, id): the order every device agrees on.
void sort_notes(std::vector<store::NoteView>& notes);

}  // namespace varn::cli
