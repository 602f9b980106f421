#pragma once
//! The secrets and settings a device keeps inside its encrypted store: its
//! identity, the unit's epoch keys, and small settings (server, pins, unit,
//! enrolment state). client/store implements it on SQLCipher.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "varn/crypto/device_identity.hpp"
#include "varn/crypto/secret_buffer.hpp"
#include "varn/util/result.hpp"

namespace varn::sync {

class DeviceVault {
 public:
  virtual ~DeviceVault() = default;
  [[nodiscard]] virtual Result<std::optional<crypto::DeviceIdentity>> load_identity() = 0;
  [[nodiscard]] virtual Result<void> save_identity(const crypto::DeviceIdentity& identity) = 0;
  [[nodiscard]] virtual Result<void> put_epoch_key(std::uint32_t epoch, const crypto::SecretBuffer& key) = 0;
  //! nullopt when this device holds no key for `epoch`.
  [[nodiscard]] virtual Result<std::optional<crypto::SecretBuffer>> epoch_key(std::uint32_t epoch) = 0;
  [[nodiscard]] virtual Result<std::optional<std::string>> setting(std::string_view key) = 0;
  [[nodiscard]] virtual Result<void> put_setting(std::string_view key, std::string_view value) = 0;
};

//! Setting names, in one place.
namespace settings {
inline constexpr std::string_view kServerUrl = "server.url";
inline constexpr std::string_view kServerPin = "server.pin_sha256";  //!< hex of the TLS certificate digest
inline constexpr std::string_view kUnit = "unit.id";                 //!< hex
inline constexpr std::string_view kRole = "device.role";
inline constexpr std::string_view kStatus = "device.status";         //!< registry::DeviceStatus as text
inline constexpr std::string_view kEnrolCode = "device.enrol_code";
inline constexpr std::string_view kCurrentEpoch = "unit.current_epoch";
inline constexpr std::string_view kDevices = "unit.devices";         //!< JSON cache of the unit's devices
inline constexpr std::string_view kLastSync = "sync.last_unix";       //!< the last full sync
//! The last time the server answered with a registry and checkpoint this
//! device verified: the lease counts from it.
inline constexpr std::string_view kLastContact = "sync.last_contact_unix";
inline constexpr std::string_view kLeaseDays = "unit.lease_days";    //!< from the verified registry
inline constexpr std::string_view kLatestSeen = "clock.latest_unix";  //!< the latest time this device has seen
inline constexpr std::string_view kServerKey = "server.sign_key";        //!< hex, pinned at enrolment
inline constexpr std::string_view kAdminKey = "registry.admin_key";      //!< hex, pinned at enrolment
inline constexpr std::string_view kRegistry = "registry.entries";        //!< JSON list of base64 entries
inline constexpr std::string_view kRegistryLength = "registry.length";
inline constexpr std::string_view kRegistryHead = "registry.head";       //!< hex entry hash
inline constexpr std::string_view kCheckpointSeq = "checkpoint.log_seq"; //!< highest seen
inline constexpr std::string_view kCheckpointRegistry = "checkpoint.registry_length";
inline constexpr std::string_view kAlarm = "alarm";                      //!< set when the server misbehaved
inline constexpr std::string_view kAlarmAcknowledged = "alarm.acknowledged";  //!< "<unix time> <text>" of the last one a person cleared
inline constexpr std::string_view kPostedCopies = "registry.posted_copies.";  //!< + index: admin's copies, to re-post after a restore
inline constexpr std::string_view kRotationCopies = "registry.rotation_copies.";  //!< + epoch: the audited set
inline constexpr std::string_view kOwnCopies = "registry.own_copies.";  //!< + epoch: this device's sealed copy
//! The one-time pairing secret a pending device shows the admin (never sent);
//! cleared once the device has pinned its unit's admin from an entry that proves it.
inline constexpr std::string_view kPairingSecret = "device.pairing_secret";
inline constexpr std::string_view kCheckpointHead = "checkpoint.head";  //!< hex of the highest checkpoint's log hash
}  // namespace settings

}  // namespace varn::sync
