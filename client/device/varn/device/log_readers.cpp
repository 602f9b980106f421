#include "varn/device/log_readers.hpp"

#include "varn/device/case_directory.hpp"
#include "varn/model/caseload.hpp"
#include "varn/sync/registry_keeper.hpp"

namespace varn::device {

Result<LogReaders> LogReaders::read(store::LocalStore& store, store::Records& records) {
  LogReaders out;
  auto staff = records.staff();
  if (!staff) return staff.error();
  out.staff_ = StaffDirectory(std::move(staff).value());
  auto cases = list_cases(store);
  if (!cases) return cases.error();
  for (auto& c : *cases) out.responsible_[c.id] = std::move(c.responsible);
  sync::RegistryKeeper keeper(store);
  if (auto state = keeper.cached_state()) {
    for (const auto& [id, device] : state->devices) out.roles_[to_hex(id)] = device.role;
  }
  return out;
}

bool LogReaders::outside_caseload(const model::LogRead& read) const {
  const auto role = roles_.find(read.device);
  if (role == roles_.end() || model::lists_whole_unit(role->second)) return false;
  const auto responsible = responsible_.find(read.case_id);
  if (responsible == responsible_.end()) return false;
  const auto* person = staff_.of_device(read.device);
  return !model::in_caseload(responsible->second, person ? to_hex(person->id) : std::string());
}

model::ReaderFacts LogReaders::facts() const {
  return {[this](const std::string& device) { return staff_.of_device(device) != nullptr; },
          [this](const model::LogRead& read) { return outside_caseload(read); }};
}

}  // namespace varn::device
