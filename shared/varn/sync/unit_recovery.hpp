#pragma once
//! The unit's recovery key on the devices (docs/REGISTRY.md, "The recovery
//! key"): an admin commits one (at the unit's first enrolment, and again to
//! replace it), and a fresh device that is given its code enrols itself as
//! an admin with a recover entry signed by it, taking the unit's epoch keys
//! from the copies sealed to it. The code never reaches the server.

#include <string>

#include "varn/registry/recovery_key.hpp"
#include "varn/sync/api_client.hpp"
#include "varn/sync/device_context.hpp"
#include "varn/sync/vault_keys.hpp"

namespace varn::sync {

//! Makes a new recovery key, seals every epoch key the unit has to it
//! (`keys` must hold them all when `state.epoch` > 0), and posts the
//! set_recovery entry this admin device signs. Answers the key (the caller
//! shows its code once and drops it) and the posted entry.
struct CommittedRecovery {
  registry::RecoveryKey key;
  registry::Entry entry;
};
[[nodiscard]] Result<CommittedRecovery> commit_recovery_key(DeviceContext& device, ApiClient& api,
                                                                const wire::UnitId& unit,
                                                                const registry::RegistryState& state, VaultKeys* keys);

struct RecoveryOutcome {
  crypto::DeviceId device{};      //!< this device, now an admin of the unit
  std::uint32_t epochs = 0;       //!< epoch keys taken from the recovery copies
  std::string safety_code;        //!< compare it with the unit's other devices
  //! The replacement recovery key's code: the one typed in has been on
  //! this device and is void once this is committed. The caller wipes it.
  std::string new_code;
};

class UnitRecovery {
 public:
  explicit UnitRecovery(DeviceContext& device) : device_(device) {}

  //! On a store that belongs to no unit yet. A code that does not parse or
  //! check out fails before anything is sent. Errc::forbidden when the
  //! unit's registry holds no recovery key or another one than this code's.
  [[nodiscard]] Result<RecoveryOutcome> recover(HttpExecutor& http, const wire::UnitId& unit, std::string_view code);

 private:
  DeviceContext& device_;
};

}  // namespace varn::sync
