#pragma once
//! Typed forms of the protocol's answers (docs/PROTOCOL.md), with no
//! transport in sight.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "varn/crypto/device_identity.hpp"
#include "varn/wire/batch_codec.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::sync {

struct EnrolAnswer {
  std::string status;  //!< "active" (unit code used) or "pending"
  std::string code;    //!< the pending request's code, for the admin
  std::optional<wire::UnitId> unit;
  std::string role;
  std::optional<crypto::SignPublicKey> server_key;  //!< pinned at enrolment
};

//! What the server says a device is in one unit (its word only: the
//! device believes the verified registry).
struct UnitStanding {
  wire::UnitId unit{};
  std::string status;  //!< "active" or "revoked"
  std::string role;
};

struct SessionInfo {
  std::string status;  //!< "active", "pending" or "revoked"
  std::optional<wire::UnitId> unit;  //!< the first unit the device is active in
  std::string role;
  std::vector<UnitStanding> units;
};

//! What a 403 "revoked" answer carried: the unit's registry, which must hold
//! a signed revoke entry naming the device before it wipes anything.
struct RevocationClaim {
  std::optional<wire::UnitId> unit;
  std::vector<Bytes> registry;
};

struct DeviceEntry {
  crypto::DeviceId device{};
  crypto::DevicePublicBundle bundle;
  std::string role;
  std::string status;  //!< "active" or "revoked"
  ByteArray<16> person{};
  //! Set when a recover entry (signed by the unit's recovery key) enrolled
  //! it: that entry's time, as the recovering device's clock said.
  std::optional<std::int64_t> recovered_at;
  std::int64_t last_seen = 0;
  std::int64_t wiped_at = 0;  //!< when a revoked device confirmed its wipe (its clock); 0: not confirmed
};

struct EnrolmentRequest {
  std::string code;
  crypto::DeviceId device{};
  crypto::DevicePublicBundle bundle;
  std::int64_t requested_at = 0;
};

struct WrappedKey {
  std::uint32_t epoch = 0;
  Bytes wrapped;  //!< crypto_box_seal(epoch key, device box key)
};

//! Why the server refused a push as a whole, naming the first envelope at fault.
struct PushRefusal {
  std::string code;  //!< stale_epoch, chain, role, conflict, forbidden, ...
  std::size_t index = 0;
  std::uint64_t author_head = 0;  //!< chain: the author's last number the server holds
  std::string message;
};

//! One sealed copy of an epoch key as the server lists it (the box audit).
struct KeyCopy {
  crypto::DeviceId device{};
  Bytes wrapped;
};

struct KeysAnswer {
  std::uint32_t current_epoch = 0;
  std::vector<WrappedKey> keys;
};

//! What a device that proved it holds the unit's recovery key may read
//! before it is a member: the registry and the copies sealed to that key.
struct RecoveryRead {
  std::vector<Bytes> entries;
  std::vector<WrappedKey> keys;
};

struct PushAck {
  wire::ChangeSetId id{};
  std::uint64_t seq = 0;
  bool duplicate = false;
};

//! A push answered: every change set acknowledged, or the batch refused.
struct PushOutcome {
  std::vector<PushAck> acks;
  std::optional<PushRefusal> refusal;
};

struct PullPage {
  std::vector<wire::SequencedEnvelope> items;
  std::uint64_t head = 0;  //!< the server's highest sequence number in the unit
  Bytes checkpoint;        //!< encoded signed checkpoint, when the server sent one
};

}  // namespace varn::sync
