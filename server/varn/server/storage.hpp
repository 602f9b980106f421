#pragma once
//! The storage interface the handlers talk to. Backends: SQLite (embedded,
//! the default); a PostgreSQL backend implements the same calls. Reads
//! answer at once; writes are group-committed and answered only when durable.
//!
//! Storage keeps bytes and counters, never decisions about who may do what:
//! membership and roles come from the signed registry, verified by
//! Membership (membership.hpp) when an entry is written and when a unit is
//! loaded, so that a row edited behind the server's back grants nothing.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "varn/registry/entry.hpp"
#include "varn/server/challenge_ledger.hpp"
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
  std::uint32_t current_epoch = 0;    //!< written with each rotate entry
  std::uint64_t head = 0;             //!< highest sequence number committed
  crypto::Hash32 log_hash{};          //!< running log hash at `head` (registry::next_log_hash)
  std::uint64_t registry_length = 0;  //!< registry entries stored
  crypto::Hash32 registry_head{};     //!< entry_hash of the last of them
  std::uint64_t bytes = 0;            //!< change-set bytes stored, for the unit's quota
};

//! The device that spent a unit's code: the only one that may post entry 0.
struct CodeOwner {
  DeviceId device{};
  Bytes bundle;
};

//! A device waiting for an admin to approve it; not yet in any unit.
struct PendingEnrolment {
  std::string code;
  DeviceId device{};
  Bytes bundle;
  std::int64_t requested_at = 0;
  //! The start of the unit's id in lowercase hex as the device was told it
  //! (its join address), or "": lists the request for that unit's admins.
  //! Unverified: it decides only where the request is shown.
  std::string unit_hint;
};

struct KeyCopyRecord {
  DeviceId device{};
  std::uint32_t epoch = 0;
  Bytes wrapped;
};

//! What the server notices about a device without deciding anything by it.
struct DeviceActivity {
  std::int64_t last_seen = 0;
  std::optional<std::int64_t> wiped_at;  //!< revoked and confirmed wiped (device's clock)
};

//! One envelope that passed the stateless checks (parse, unit, signature,
//! and the author's rights at the registry point it claims).
struct PushItem {
  Bytes bytes;
  wire::EnvelopeHeader header;
  crypto::Hash32 hash{};  //!< envelope_hash(bytes)
  //! Registry entries that narrowed the author's rights (role change,
  //! revocation) which the envelope claims not to have seen: it is taken
  //! only if the author's chain had reached its number when each was
  //! applied (see the authority floors in storage).
  std::vector<std::uint64_t> unseen_narrowings;
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
  std::uint64_t author_head = 0;  //!< chain: the author's last sequence number the server holds
};

struct PushResult {
  std::vector<PushAckRecord> acks;  //!< empty when refused
  std::optional<PushRefusal> refusal;
};

//! Change-set bytes one author device, and one unit, may have stored: a
//! push that would pass either is refused (507 quota), inside the writing
//! transaction so that concurrent pushes cannot overshoot.
struct StoredBytesCaps {
  std::uint64_t device = 0;
  std::uint64_t unit = 0;
};

//! How a batch is pushed: new work must use the unit's current epoch; a
//! heal (change sets a restore lost, own or others') any epoch up to it.
enum class PushKind { fresh, heal };

struct PullPage {
  std::vector<wire::SequencedEnvelope> items;
  //! From the same snapshot as the items, for the checkpoint.
  UnitRecord unit;
};

//! A registry entry Membership verified, to be stored with what it brings.
struct RegistryAppend {
  registry::Entry entry;
  Bytes encoded;
  crypto::Hash32 hash{};                      //!< registry::entry_hash(entry)
  std::vector<KeyCopyRecord> device_copies;   //!< enrol: the subject's copy of each existing epoch
  std::vector<KeyCopyRecord> rotation_copies; //!< rotate: the new epoch's set
};

struct RegistryPage {
  std::vector<Bytes> entries;
  std::uint64_t length = 0;  //!< all entries stored, from the same snapshot
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
  virtual Result<std::vector<UnitId>> all_units() = 0;

  //! Spends a unit code for `device`, answering the unit. Errc::forbidden
  //! for an unknown or spent code (a retry by the device that spent it succeeds).
  virtual Result<UnitId> spend_unit_code(const crypto::Hash32& code_hash, const DeviceId& device,
                                         const Bytes& bundle) = 0;
  virtual Result<std::optional<CodeOwner>> code_owner(const UnitId& unit) = 0;
  //! Units whose code `device` spent or whose registry enrols it (an index
  //! for lookups only: Membership decides what it is in each).
  virtual Result<std::vector<UnitId>> units_of(const DeviceId& device) = 0;

  //! Files a pending request (or returns the live one this device already
  //! has), removing expired ones first. Errc::unavailable when `max_total`
  //! live requests wait, Errc::forbidden when `max_from_peer` of them came
  //! from `peer`: a stranger cannot fill the table.
  virtual Result<PendingEnrolment> request_enrolment(const DeviceId& device, const Bytes& bundle,
                                                     const std::string& code, const std::string& unit_hint,
                                                     std::int64_t now,
                                                     std::int64_t not_before, const std::string& peer,
                                                     std::size_t max_total, std::size_t max_from_peer) = 0;
  virtual Result<std::optional<PendingEnrolment>> find_pending_by_code(const std::string& code,
                                                                       std::int64_t not_before) = 0;
  virtual Result<std::optional<PendingEnrolment>> find_pending_by_device(const DeviceId& device,
                                                                         std::int64_t not_before) = 0;
  //! Live requests whose unit hint is a start of `unit`'s id in hex, newest first, at
  //! most `limit`, leaving out devices the unit's registry already names.
  virtual Result<std::vector<PendingEnrolment>> pending_for_unit(const UnitId& unit, std::int64_t not_before,
                                                                 std::size_t limit) = 0;

  //! Stores a verified entry at its index, with its key copies, in one
  //! transaction; records, for a role
  //! change or revocation, how far the subject's chain had reached (the
  //! authority floor). Errc::conflict when the index is no longer the
  //! registry's length (another entry was stored first).
  virtual Result<void> append_registry(const UnitId& unit, const RegistryAppend& append) = 0;
  //! Adds a subject's enrol copies that a re-posted entry brings and the
  //! server lacks (a restore lost them with the entry).
  virtual Result<void> add_missing_copies(const UnitId& unit, const std::vector<KeyCopyRecord>& copies) = 0;
  //! Encoded entries with index >= after, in order, and the registry's length.
  virtual Result<RegistryPage> registry_entries(const UnitId& unit, std::uint64_t after) = 0;
  virtual Result<std::vector<KeyCopyRecord>> keys_for(const UnitId& unit, const DeviceId& device) = 0;
  //! The copies a rotate entry made for `epoch`.
  virtual Result<std::vector<KeyCopyRecord>> rotation_copies(const UnitId& unit, std::uint32_t epoch) = 0;

  virtual Result<void> touch_device(const DeviceId& device, std::int64_t now) = 0;
  virtual Result<DeviceActivity> activity(const DeviceId& device) = 0;
  //! Records a wipe confirmation; answers the recorded time (the first stays).
  virtual Result<std::int64_t> record_wipe(const DeviceId& device, std::int64_t wiped_at) = 0;

  //! Checks idempotency, epoch, chain and authority floors inside the
  //! writing transaction, assigns sequence numbers (and the running log
  //! hash) and calls back once durable. Heals count against the caps too:
  //! what a restore lost fitted before.
  virtual void push(const UnitId& unit, PushKind kind, StoredBytesCaps caps, std::vector<PushItem> items,
                    PushCallback done) = 0;
  //! At most `limit` change sets after `after`, stopping once they reach
  //! `max_bytes` (the first one is always included).
  virtual Result<PullPage> pull(const UnitId& unit, std::uint64_t after, std::size_t limit, std::size_t max_bytes) = 0;
  //! The running log hash after change set `seq` (zeros for 0);
  //! Errc::not_found above the head.
  virtual Result<crypto::Hash32> log_hash_at(const UnitId& unit, std::uint64_t seq) = 0;
  virtual void set_commit_listener(CommitListener listener) = 0;
  //! The ledger of answered challenges that every process on this storage
  //! shares, or null when this process is the storage's only one (SQLite,
  //! whose data directory is locked), which then keeps one in memory.
  [[nodiscard]] virtual ChallengeLedger* shared_challenges() { return nullptr; }

  //! Durable commits so far (each one fsync): the group-commit metric.
  [[nodiscard]] virtual std::uint64_t commits() const = 0;
  //! Finishes queued writes and closes; later writes fail with Errc::unavailable.
  virtual void close() = 0;
};

}  // namespace varn::server
