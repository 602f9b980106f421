#pragma once
//! Offboarding a person in one step, as both clients do it: every device of
//! theirs still active in the unit's registry is revoked (each revocation
//! rotates the unit key, and restricted cases get new keys at the next sync
//! of a reviewer's or an admin's device), and the person keeps no device.

#include <cstddef>
#include <functional>
#include <vector>

#include "varn/sync/device_context.hpp"
#include "varn/sync/http.hpp"

namespace varn::device {

//! `devices`: the person's devices; `unenrol` records that one is no longer
//! theirs (store::Records::set_staff_device(..., false)). Answers how many
//! were revoked.
[[nodiscard]] Result<std::size_t> offboard_staff(sync::DeviceContext& admin, sync::HttpExecutor& http,
                                                 const std::vector<crypto::DeviceId>& devices,
                                                 const std::function<Result<void>(const crypto::DeviceId&)>& unenrol);

}  // namespace varn::device
