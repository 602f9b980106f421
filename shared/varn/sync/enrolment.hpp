#pragma once
//! Enrolment, verified both ways. The unit's first device enrols with the
//! unit code and roots the registry in its own key. Every other device
//! files a request and shows its code, fingerprint and a one-time pairing
//! secret; the admin checks the fingerprint, enters the secret, and signs
//! an enrol entry that proves it. The new device pins the admin only from
//! such an entry, then both show the same unit safety code.

#include <optional>
#include <string>

#include "varn/registry/chain.hpp"
#include "varn/sync/api_client.hpp"
#include "varn/sync/device_context.hpp"

namespace varn::sync {

//! Pins the unit's root admin key from a verified chain that enrols `me`,
//! keeps the chain as what this device has seen, and marks it active: the
//! end of an approval that proved the pairing secret, or of a recovery.
[[nodiscard]] Result<void> become_member(DeviceContext& device, const wire::UnitId& unit,
                                         const registry::RegistryState& state,
                                         const std::vector<registry::Entry>& chain, const crypto::DeviceId& me);

struct EnrolOutcome {
  registry::DeviceStatus status = registry::DeviceStatus::pending;  //!< active: the unit's first admin
  std::string code;         //!< pending: what the admin types in
  std::string fingerprint;  //!< this device's, to read aloud to the admin
  std::string pairing;      //!< pending: the one-time secret the admin enters (never sent to the server)
  //! The unit's first admin: the recovery key's code, to print once and
  //! keep in a safe (never sent to the server). The caller wipes it.
  std::string recovery_code;
};

class Enrolment {
 public:
  explicit Enrolment(DeviceContext& device) : device_(device) {}

  //! `unit_hint`: the unit part of the join address, so that its admins see the request listed.
  [[nodiscard]] Result<EnrolOutcome> enrol(HttpExecutor& http, const std::optional<std::string>& unit_code,
                                           const std::string& unit_hint = {});
  //! A pending device looks for an approval that proves its pairing
  //! secret; true once it has pinned the unit's admin from one.
  //! Approvals without the proof (another unit's admin, the operator) are
  //! refused and raise the alarm.
  [[nodiscard]] Result<bool> finish(ApiClient& api);
  //! The admin's side: refuses a fingerprint that is not the requesting
  //! device's and a pairing secret that does not parse; the entry carries
  //! the proof of the secret. `person`: the staff member the device is for.
  //! Answers the approved device's id.
  [[nodiscard]] Result<crypto::DeviceId> approve(HttpExecutor& http, const std::string& code, const std::string& fingerprint,
                                     const std::string& pairing, registry::Role role,
                                     std::optional<ByteArray<16>> person = std::nullopt);
  //! The admin's side: the requests filed with this unit's join address,
  //! newest first, for the admin to pick from. Approving one still checks
  //! its fingerprint and pairing secret (approve above).
  [[nodiscard]] Result<std::vector<EnrolmentRequest>> waiting(HttpExecutor& http);
  //! The pending device's pairing secret as it shows it; "" when none.
  [[nodiscard]] std::string pairing();
  //! The unit safety code, from the unit and its pinned admin key.
  [[nodiscard]] Result<std::string> safety_code();

 private:
  //! Entry 0, the recovery key and the first epoch; answers the recovery code.
  [[nodiscard]] Result<std::string> bootstrap_unit(ApiClient& api, const wire::UnitId& unit);
  DeviceContext& device_;
};

}  // namespace varn::sync
