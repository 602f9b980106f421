#pragma once
//! The storage interface the handlers talk to. Backends: SQLite (embedded,
//! the default); a PostgreSQL backend can implement the same calls. Reads
//! answer at once; writes are group-committed and answered only when durable.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"
#include "varn/wire/batch_codec.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::server {

using wire::ChangeSetId;
using wire::DeviceId;
using wire::UnitId;

struct UnitRecord {
  UnitId id{};
  std::uint32_t current_epoch = 0;  //!< 0 until the admin uploads epoch 1
  std::uint64_t head = 0;           //!< highest sequence number committed
};

struct DeviceRecord {
  DeviceId id{};
  UnitId unit{};
  Bytes bundle;             //!< the 65-byte public bundle
  std::string role;         //!< "admin", "worker" or "reviewer"
  std::string status;       //!< "active" or "revoked"
  std::int64_t last_seen = 0;
};

//! A device waiting for an admin to approve it; not yet in any unit.
struct PendingEnrolment {
  std::string code;
  DeviceId device{};
  Bytes bundle;
  std::int64_t requested_at = 0;
};

struct KeyCopyRecord {
  DeviceId device{};
  std::uint32_t epoch = 0;
  Bytes wrapped;
};

//! One envelope that passed the stateless checks (parse, unit, signature).
struct PushItem {
  Bytes bytes;
  wire::EnvelopeHeader header;
  crypto::Hash32 hash{};  //!< envelope_hash(bytes)
};

struct PushAckRecord {
  ChangeSetId id{};
  std::uint64_t seq = 0;
  bool duplicate = false;
};

//! Why a batch was refused as a whole, naming the first envelope at fault.
struct PushRefusal {
  unsigned status = 400;
  std::string code;  //!< PROTOCOL.md error code: conflict, chain, stale_epoch, forbidden
  std::size_t index = 0;
  std::string message;
};

struct PushResult {
  std::vector<PushAckRecord> acks;  //!< empty when refused
  std::optional<PushRefusal> refusal;
};

struct PullPage {
  std::vector<wire::SequencedEnvelope> items;
  std::uint64_t head = 0;
};

using PushCallback = std::function<void(Result<PushResult>)>;
//! Told after each durable commit that advanced a unit's head.
using CommitListener = std::function<void(const UnitId& unit, std::uint64_t head)>;

class Storage {
 public:
  virtual ~Storage() = default;

  //! Makes a unit whose first device enrols with the code hashing to `code_hash`.
  virtual Result<void> create_unit(const UnitId& unit, const std::string& label, const crypto::Hash32& code_hash) = 0;
  virtual Result<std::optional<UnitRecord>> find_unit(const UnitId& unit) = 0;

  virtual Result<std::optional<DeviceRecord>> find_device(const DeviceId& device) = 0;
  virtual Result<std::vector<DeviceRecord>> unit_devices(const UnitId& unit) = 0;
  //! Spends a unit code: the device becomes the unit's admin. Errc::forbidden
  //! for an unknown or spent code (a retry by the device that spent it succeeds).
  virtual Result<DeviceRecord> enrol_with_code(const crypto::Hash32& code_hash, const DeviceId& device,
                                               const Bytes& bundle, std::int64_t now) = 0;
  //! Files a pending request (or returns the live one this device already has).
  virtual Result<PendingEnrolment> request_enrolment(const DeviceId& device, const Bytes& bundle,
                                                     const std::string& code, std::int64_t now,
                                                     std::int64_t not_before) = 0;
  virtual Result<std::optional<PendingEnrolment>> find_pending_by_code(const std::string& code,
                                                                       std::int64_t not_before) = 0;
  virtual Result<std::optional<PendingEnrolment>> find_pending_by_device(const DeviceId& device,
                                                                         std::int64_t not_before) = 0;
  //! Moves a pending request into `unit` with `role` and stores its key copies.
  //! Errc::not_found for an unknown or expired code.
  virtual Result<DeviceRecord> approve_enrolment(const UnitId& unit, const std::string& code, const std::string& role,
                                                 const std::vector<KeyCopyRecord>& keys, std::int64_t now,
                                                 std::int64_t not_before) = 0;
  //! Stores a new epoch's copies and makes it current. Errc::conflict unless
  //! epoch == current + 1; Errc::invalid_argument for a copy to a non-member.
  virtual Result<void> put_epoch_keys(const UnitId& unit, std::uint32_t epoch,
                                      const std::vector<KeyCopyRecord>& copies) = 0;
  virtual Result<std::vector<KeyCopyRecord>> keys_for(const DeviceId& device) = 0;
  virtual Result<void> touch_device(const DeviceId& device, std::int64_t now) = 0;

  //! Checks idempotency, author, epoch and chain inside the writing
  //! transaction, assigns sequence numbers and calls back once durable.
  virtual void push(const UnitId& unit, std::vector<PushItem> items, PushCallback done) = 0;
  virtual Result<PullPage> pull(const UnitId& unit, std::uint64_t after, std::size_t limit) = 0;
  virtual void set_commit_listener(CommitListener listener) = 0;

  //! Durable commits so far (each one fsync): the group-commit metric.
  [[nodiscard]] virtual std::uint64_t commits() const = 0;
  //! Finishes queued writes and closes; later writes fail with Errc::unavailable.
  virtual void close() = 0;
};

}  // namespace varn::server
