#pragma once
//! The device lease: a device that has not reached its server for the
//! unit's lease (an admin-signed registry setting, 7 days unless set) shows
//! no case content until it has. A tablet stolen and kept offline stops
//! showing notes; once it reaches the server, a revoked one wipes.
//!
//! Time is the device's own clock, which a thief may set back: the lease
//! counts from the last full sync to the latest time this device has seen,
//! so setting the clock back gains nothing already counted, but a clock set
//! back before the days pass holds the lease open (docs/DESIGN.md's limits).

#include <cstdint>
#include <optional>

#include "varn/sync/device_vault.hpp"
#include "varn/util/result.hpp"

namespace varn::sync {

struct LeaseStatus {
  std::uint32_t days = 0;                    //!< the unit's lease; 0: none
  std::optional<std::int64_t> last_contact;  //!< unix seconds of the last full sync
  std::int64_t seconds_left = 0;             //!< while it runs; 0 once spent
  bool expired = false;                      //!< case content is not shown
  //! Whole days left, rounded up (what the worker is told).
  [[nodiscard]] std::int64_t days_left() const { return (seconds_left + 86399) / 86400; }
};

//! The rule itself. A device that never finished a sync has no lease
//! running yet (it holds no case content from the unit either).
[[nodiscard]] LeaseStatus lease_status(std::uint32_t days, std::optional<std::int64_t> last_contact,
                                       std::int64_t latest_seen);

//! The lease of the device behind `vault` at `now`, from the lease the
//! verified registry gave and the last full sync; also moves the latest
//! time seen forward.
[[nodiscard]] Result<LeaseStatus> device_lease(DeviceVault& vault, std::int64_t now);

//! A verified contact: the lease starts again from `now`, and the latest
//! time seen is `now` too, so a clock that once ran far ahead does not keep
//! the lease spent after the device has reached its server.
[[nodiscard]] Result<void> record_contact(DeviceVault& vault, std::int64_t now);

//! What both clients ask before they show or change case content:
//! Errc::locked, saying to sync, once the lease has run out.
[[nodiscard]] Result<void> require_lease(DeviceVault& vault, std::int64_t now);

}  // namespace varn::sync
