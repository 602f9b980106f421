#pragma once
//! The storage interface the handlers talk to. Backends: SQLite (embedded,
//! the default); a PostgreSQL backend can implement the same calls. Reads
//! answer at once; writes are group-committed and answered only when durable.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "varn/registry/entry.hpp"
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
  std::uint64_t registry_length = 0;  //!< registry entries stored
};

struct DeviceRecord {
  DeviceId id{};
  UnitId unit{};
  Bytes bundle;             //!< the 65-byte public bundle
  std::string role;         //!< "admin", "worker" or "reviewer"
  std::string status;       //!< "active" or "revoked"
  std::int64_t last_seen = 0;
  std::uint64_t revoked_seq = 0;          //!< revoked: its chain head when revoked
  std::optional<std::int64_t> wiped_at;   //!< revoked and confirmed wiped (device's clock)
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
  std::string code;  //!< PROTOCOL.md error code: conflict, chain, stale_epoch, forbidden, role
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
  std::uint64_t registry_length = 0;  //!< from the same snapshot, for the checkpoint
};

//! A registry entry that passed the stateless checks (parse, unit, signer
//! is the caller, signature), to be checked against the stored state.
struct RegistryPost {
  registry::Entry entry;
  Bytes encoded;
  crypto::Hash32 hash{};              //!< registry::entry_hash(entry)
  std::vector<KeyCopyRecord> copies;  //!< enrol: epoch set (or 0: by position); rotate: epoch ignored
  std::int64_t now = 0;
  std::int64_t not_before = 0;        //!< pending requests older than this are gone
};

struct RegistryPage {
  std::vector<Bytes> entries;
  std::uint64_t length = 0;  //!< all entries stored, from the same snapshot
};

//! Why a registry entry was refused: answered as {"error": code}.
struct RegistryRefusal {
  unsigned status = 400;
  std::string code;  //!< registry_head, forbidden, conflict, epoch, key_set, malformed
  std::string message;
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
  //! epoch == current + 1; Errc::invalid_argument for a copy to a non-member;
  //! Errc::locked once the unit has a registry (approve too).
  virtual Result<void> put_epoch_keys(const UnitId& unit, std::uint32_t epoch,
                                      const std::vector<KeyCopyRecord>& copies) = 0;
  virtual Result<std::vector<KeyCopyRecord>> keys_for(const DeviceId& device) = 0;
  //! The copies a rotate entry (or an issue-4 key upload) made for `epoch`.
  virtual Result<std::vector<KeyCopyRecord>> rotation_copies(const UnitId& unit, std::uint32_t epoch) = 0;
  virtual Result<void> touch_device(const DeviceId& device, std::int64_t now) = 0;

  //! Checks a registry entry against the stored registry and devices and
  //! applies it (enrol, change role, revoke, rotate) in one transaction.
  //! A refusal changes nothing.
  virtual Result<std::optional<RegistryRefusal>> append_registry(const UnitId& unit, const RegistryPost& post) = 0;
  //! Encoded entries with index >= after, in order, and the registry's length.
  virtual Result<RegistryPage> registry_entries(const UnitId& unit, std::uint64_t after) = 0;
  //! Records a revoked device's wipe confirmation; answers the recorded time
  //! (the first confirmation stays).
  //! Errc::not_found for an unknown device, Errc::forbidden for one not revoked.
  virtual Result<std::int64_t> record_wipe(const DeviceId& device, std::int64_t wiped_at) = 0;

  //! Checks idempotency, author, role, epoch and chain inside the writing
  //! transaction, assigns sequence numbers and calls back once durable.
  //! `pusher` is the device whose session pushes: others' change sets are
  //! re-pushes (docs/PROTOCOL.md, "Re-push after a restore").
  virtual void push(const UnitId& unit, const DeviceId& pusher, std::vector<PushItem> items, PushCallback done) = 0;
  //! At most `limit` change sets after `after`, stopping once they reach
  //! `max_bytes` (the first one is always included).
  virtual Result<PullPage> pull(const UnitId& unit, std::uint64_t after, std::size_t limit, std::size_t max_bytes) = 0;
  virtual void set_commit_listener(CommitListener listener) = 0;

  //! Durable commits so far (each one fsync): the group-commit metric.
  [[nodiscard]] virtual std::uint64_t commits() const = 0;
  //! Finishes queued writes and closes; later writes fail with Errc::unavailable.
  virtual void close() = 0;
};

}  // namespace varn::server
