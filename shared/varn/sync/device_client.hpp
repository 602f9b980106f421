#pragma once
//! A device's whole life with the server, Qt-free and socket-free: enrol
//! (as the unit's first admin with the unit code, or as a pending request),
//! keep the signed registry (approve, change role, revoke, rotate), sync,
//! watch the server's checkpoints, and confirm a wipe when revoked.
//! varn-cli and the app drive this with a real transport.

#include <optional>
#include <string>

#include "varn/registry/chain.hpp"
#include "varn/sync/device_vault.hpp"
#include "varn/sync/http.hpp"
#include "varn/sync/sync_engine.hpp"

namespace varn::sync {

struct EnrolOutcome {
  std::string status;       //!< "active" or "pending"
  std::string code;         //!< pending: what the admin types in
  std::string fingerprint;  //!< this device's, to read aloud to the admin
};

struct CheckpointOutcome {
  bool rolled_back = false;   //!< the server is behind what this device saw
  std::size_t repushed = 0;   //!< change sets pushed again to heal it
};

class DeviceClient {
 public:
  DeviceClient(DeviceVault& vault, SyncStore& store) : vault_(vault), store_(store) {}

  //! This device's identity, made and saved on first use.
  [[nodiscard]] Result<const crypto::DeviceIdentity*> identity();
  [[nodiscard]] Result<EnrolOutcome> enrol(HttpExecutor& http, const std::optional<std::string>& unit_code);
  //! Refuses unless `fingerprint` matches the requesting device's (spaces ignored).
  [[nodiscard]] Result<void> approve(HttpExecutor& http, const std::string& code, const std::string& fingerprint,
                                     registry::Role role);
  //! Revokes a device and rotates the unit key to the devices that remain.
  [[nodiscard]] Result<void> revoke(HttpExecutor& http, const crypto::DeviceId& device);
  [[nodiscard]] Result<void> rotate(HttpExecutor& http);
  [[nodiscard]] Result<void> change_role(HttpExecutor& http, const crypto::DeviceId& device, registry::Role role);
  //! Finishes a pending enrolment if the admin approved it, then syncs and
  //! checks the server's checkpoint. Errc::revoked when the admin revoked this device.
  [[nodiscard]] Result<SyncReport> sync(HttpExecutor& http, SyncLimits limits = {});
  [[nodiscard]] Result<std::vector<DeviceEntry>> devices(HttpExecutor& http);
  //! The verified registry (fetched fresh).
  [[nodiscard]] Result<std::vector<registry::Entry>> registry(HttpExecutor& http);
  //! Tells the server this revoked device has wiped itself.
  [[nodiscard]] Result<void> confirm_wipe(HttpExecutor& http, std::int64_t now_unix);
  //! The alarm text when the server misbehaved (rollback, fork, failed audit), or "".
  [[nodiscard]] std::string alarm();
  //! A person has read the alarm and acted on it: clears it, keeping its text
  //! and the time as the last acknowledged alarm. Returns the text;
  //! Errc::not_found when there is none. If the server still misbehaves the
  //! next sync raises it again.
  [[nodiscard]] Result<std::string> acknowledge_alarm(std::int64_t now_unix);

 private:
  struct Context;
  [[nodiscard]] Result<wire::UnitId> unit();
  [[nodiscard]] Result<void> become_active(const SessionInfo& info);
  [[nodiscard]] Result<void> bootstrap_unit(ApiClient& api, const wire::UnitId& unit);
  [[nodiscard]] Result<void> post_entry(ApiClient& api, const wire::UnitId& unit, registry::Entry entry,
                                        const std::vector<KeyCopy>& copies);
  [[nodiscard]] Result<registry::RegistryState> fresh_state(ApiClient& api, const wire::UnitId& unit);
  [[nodiscard]] Result<CheckpointOutcome> check_checkpoint(ApiClient& api, SyncEngine& engine, const wire::UnitId& unit,
                                                           std::uint64_t registry_length);
  DeviceVault& vault_;
  SyncStore& store_;
  std::optional<crypto::DeviceIdentity> identity_;
};

}  // namespace varn::sync
