#include "varn/device/caseload.hpp"

#include <algorithm>

#include "varn/model/caseload.hpp"
#include "varn/sync/registry_keeper.hpp"

namespace varn::device {

bool Caseload::lists(const CaseRef& c) const { return model::lists_case(role, my_staff, c.responsible); }

bool Caseload::whole_unit() const { return model::lists_whole_unit(role); }

std::optional<registry::Role> verified_role(store::LocalStore& store, const crypto::DeviceId& me) {
  sync::RegistryKeeper keeper(store);
  auto state = keeper.cached_state();
  const registry::DeviceState* active = state ? state->active(me) : nullptr;
  if (active == nullptr) return std::nullopt;
  return active->role;
}

Result<registry::Casework> casework_of_device(store::Records& records, const crypto::DeviceId& me) {
  auto staff = records.staff();
  if (!staff) return staff.error();
  for (const auto& s : *staff) {
    if (std::find(s.devices.begin(), s.devices.end(), me) != s.devices.end()) return s.casework;
  }
  return registry::Casework{};
}

Result<Caseload> caseload_of(store::LocalStore& store, store::Records& records, const crypto::DeviceId& me) {
  auto mine = records.my_staff();
  if (!mine) return mine.error();
  return Caseload{verified_role(store, me), *mine ? to_hex(**mine) : std::string()};
}

}  // namespace varn::device
