#pragma once
//! A device's whole life with the server, Qt-free and socket-free: enrol
//! (as the unit's first admin with the unit code, or as a pending request),
//! approve others after comparing fingerprints, and sync. varn-cli and the
//! app drive this with a real transport; the state lives in the vault.

#include <optional>
#include <string>

#include "varn/sync/device_vault.hpp"
#include "varn/sync/http.hpp"
#include "varn/sync/sync_engine.hpp"

namespace varn::sync {

struct EnrolOutcome {
  std::string status;       //!< "active" or "pending"
  std::string code;         //!< pending: what the admin types in
  std::string fingerprint;  //!< this device's, to read aloud to the admin
};

class DeviceClient {
 public:
  DeviceClient(DeviceVault& vault, SyncStore& store) : vault_(vault), store_(store) {}

  //! This device's identity, made and saved on first use.
  [[nodiscard]] Result<const crypto::DeviceIdentity*> identity();
  [[nodiscard]] Result<EnrolOutcome> enrol(HttpExecutor& http, const std::optional<std::string>& unit_code);
  //! Refuses unless `fingerprint` matches the requesting device's (spaces ignored).
  [[nodiscard]] Result<void> approve(HttpExecutor& http, const std::string& code, const std::string& fingerprint,
                                     const std::string& role);
  //! Finishes a pending enrolment if the admin approved it, then syncs.
  [[nodiscard]] Result<SyncReport> sync(HttpExecutor& http, SyncLimits limits = {});
  [[nodiscard]] Result<std::vector<DeviceEntry>> devices(HttpExecutor& http);

 private:
  [[nodiscard]] Result<wire::UnitId> unit();
  [[nodiscard]] Result<void> become_active(const SessionInfo& info);
  [[nodiscard]] Result<void> create_first_epoch(ApiClient& api, const wire::UnitId& unit);
  DeviceVault& vault_;
  SyncStore& store_;
  std::optional<crypto::DeviceIdentity> identity_;
};

}  // namespace varn::sync
