#pragma once
//! What every part of a device's life with the server shares: its vault
//! and sync store (the SQLCipher store, or a locked view of it), its
//! identity (made and saved on first use), its enrolment state and a clock.
//! Enrolment, RegistryAdmin and DeviceSync each take one; varn-cli and the
//! app build it over their store, so both run the same rules.

#include <functional>
#include <optional>

#include "varn/crypto/device_identity.hpp"
#include "varn/registry/entry.hpp"
#include "varn/sync/device_vault.hpp"
#include "varn/sync/sync_store.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::sync {

//! Unix seconds; tests give a fixed one.
using UnixClock = std::function<std::int64_t()>;
[[nodiscard]] std::int64_t system_unix_now();

class DeviceContext {
 public:
  DeviceContext(DeviceVault& vault, SyncStore& store, UnixClock clock = &system_unix_now)
      : vault_(vault), store_(store), clock_(std::move(clock)) {}

  [[nodiscard]] DeviceVault& vault() { return vault_; }
  [[nodiscard]] SyncStore& store() { return store_; }
  [[nodiscard]] std::int64_t now() const { return clock_(); }
  //! This device's identity, made and saved on first use.
  [[nodiscard]] Result<const crypto::DeviceIdentity*> identity();
  //! The unit this device belongs to; Errc::locked before enrolment finished.
  [[nodiscard]] Result<wire::UnitId> unit();
  //! Its status as this device last verified it; nullopt before it asked
  //! any server to enrol it.
  [[nodiscard]] std::optional<registry::DeviceStatus> status();
  [[nodiscard]] Result<void> set_status(registry::DeviceStatus status);

 private:
  DeviceVault& vault_;
  SyncStore& store_;
  UnixClock clock_;
  std::optional<crypto::DeviceIdentity> identity_;
};

}  // namespace varn::sync
