#include "varn/device/log_readers.hpp"

#include <algorithm>

#include "varn/device/case_directory.hpp"
#include "varn/model/caseload.hpp"
#include "varn/store/case_vault.hpp"
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
  auto restricted = store::restricted_cases(store.database());
  if (!restricted) return restricted.error();
  for (const auto& c : *restricted) {
    auto restriction = store::restriction_of(store.database(), c);
    if (!restriction) return restriction.error();
    if (*restriction) out.named_[c] = (**restriction).staff;
  }
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

bool LogReaders::restricted_not_named(const model::LogRead& read) const {
  const auto named = named_.find(read.case_id);
  if (named == named_.end()) return false;
  const auto* person = staff_.of_device(read.device);
  return person == nullptr ||
         std::find(named->second.begin(), named->second.end(), to_hex(person->id)) == named->second.end();
}

model::ReaderFacts LogReaders::facts() const {
  return {[this](const std::string& device) { return staff_.of_device(device) != nullptr; },
          [this](const model::LogRead& read) { return outside_caseload(read); },
          [this](const model::LogRead& read) { return restricted_not_named(read); }};
}

}  // namespace varn::device
