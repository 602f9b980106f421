#pragma once
//! A device's sync, in the one order every client runs it:
//!  1. a pending device looks for an approval that proves its pairing secret;
//!  2. the registry (entries the server lost are posted again), the box
//!     audit and the epoch keys checked against their commitments;
//!  3. a device the verified registry revokes stops here (Errc::revoked):
//!     only then may it wipe. A "revoked" answer from the server without a
//!     signed revoke entry raises the alarm and wipes nothing;
//!  4. the server's signed checkpoint against the running log hash this
//!     device computed: if the server's history differs (a restore), the
//!     device finds where they part, pushes back everything it holds that
//!     the server lost, and pulls again from there;
//!  5. held and quarantined change sets that now fit; the pull, its last
//!     checkpoint checked against what was pulled; own change sets the
//!     server acknowledged but lost, pushed back;
//!  6. only then its own new work: sealed, pushed, and pulled back.
//! Everything a lying server does is said in the alarm.

#include <cstdint>

#include "varn/sync/api_client.hpp"
#include "varn/sync/device_context.hpp"
#include "varn/sync/sync_engine.hpp"

namespace varn::sync {

class DeviceSync {
 public:
  explicit DeviceSync(DeviceContext& device) : device_(device) {}

  //! Errc::revoked only once the device verified a signed revoke entry
  //! naming it; then the caller wipes the store and calls confirm_wipe.
  [[nodiscard]] Result<SyncReport> sync(HttpExecutor& http, SyncLimits limits = {});
  //! Holds one long-poll open until something new reaches the server (or
  //! `seconds` pass); true when something did.
  [[nodiscard]] Result<bool> wait_for_news(HttpExecutor& http, int seconds);
  //! Tells the server this revoked device has wiped itself.
  [[nodiscard]] Result<void> confirm_wipe(HttpExecutor& http);

 private:
  [[nodiscard]] Result<SyncReport> run(ApiClient& api, const wire::UnitId& unit, SyncLimits limits);
  //! A "revoked" answer: Errc::revoked if the registry it carried revokes
  //! this device; otherwise the alarm, and Errc::forbidden.
  [[nodiscard]] Error judge_revocation(const ApiClient& api, const wire::UnitId& unit, const Error& answer);
  DeviceContext& device_;
};

}  // namespace varn::sync
