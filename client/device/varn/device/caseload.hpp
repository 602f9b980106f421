#pragma once
//! This device's caseload: which cases its lists hold ("Idag", "Mina
//! ärenden", `varn-cli list cases --mine`), by model::lists_case from the
//! role the verified registry gives it and the staff member it is enrolled
//! for. Both clients ask it, so the rule is the same on every screen.

#include <optional>
#include <string>

#include "varn/device/case_directory.hpp"
#include "varn/registry/entry.hpp"
#include "varn/store/local_store.hpp"
#include "varn/store/records.hpp"

namespace varn::device {

struct Caseload {
  std::optional<registry::Role> role;  //!< nullopt before enrolment
  std::string my_staff;                //!< staff id hex, "" when nobody is named for this device

  [[nodiscard]] bool lists(const CaseRef& c) const;
  //! Whether the lists hold the whole unit (reviewers and admins).
  [[nodiscard]] bool whole_unit() const;
};

[[nodiscard]] Result<Caseload> caseload_of(store::LocalStore& store, store::Records& records,
                                           const crypto::DeviceId& me);
//! The casework this device's person holds (none when nobody is named for it).
[[nodiscard]] Result<registry::Casework> casework_of_device(store::Records& records, const crypto::DeviceId& me);
//! The role the registry this device verified at its last sync gives it
//! (nullopt: not enrolled, or not active).
[[nodiscard]] std::optional<registry::Role> verified_role(store::LocalStore& store, const crypto::DeviceId& me);

}  // namespace varn::device
