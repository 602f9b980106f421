#pragma once
//! The alarm: what a device raises when the server hid, forged, forked or
//! lost something. It is kept in the device's store until a person
//! acknowledges it; the app and varn-cli show it. Clearing it changes
//! nothing about what the device checks.

#include <cstdint>
#include <string>

#include "varn/sync/device_vault.hpp"

namespace varn::sync {

//! Adds `message` to the alarm (a message already raised is not repeated).
[[nodiscard]] Result<void> raise_alarm(DeviceVault& vault, const std::string& message);
//! The alarm text, or "" when none is raised.
[[nodiscard]] std::string current_alarm(DeviceVault& vault);
//! A person has read the alarm and acted on it: clears it, keeping its text
//! and the time as the last acknowledged alarm. Returns the text;
//! Errc::not_found when there is none.
[[nodiscard]] Result<std::string> acknowledge_alarm(DeviceVault& vault, std::int64_t now_unix);

}  // namespace varn::sync
