#pragma once
//! The PostgreSQL backend: for more than one machine's worth of devices, and
//! for several varn-server processes on one database. Every write is one
//! PostgreSQL transaction, committed (synchronous_commit as the database
//! sets it; on by default) before it is answered; a push locks its unit's
//! row first, so sequence numbers are assigned in commit order on every
//! process. Pushes run on a few writer threads of their own, never on the
//! caller's; reads and control writes run on the caller's thread with a
//! pooled connection, as the SQLite backend's do.
//!
//! A push that advances a unit's head also sends NOTIFY varn_commit (in its
//! transaction, so delivered only once committed); each process LISTENs on
//! its own connection and tells its commit listener, so a long-poll on one
//! process is answered when another commits. After a lost listening
//! connection it reconnects; a notification missed meanwhile only delays a
//! long-poll to its timeout, after which the client pulls again.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "varn/server/pg_db.hpp"
#include "varn/server/storage.hpp"

namespace varn::server {

class PgStorage final : public Storage, private ChallengeLedger {
 public:
  static constexpr std::size_t kWriters = 4;
  //! How long a request waits for a pooled connection before it is answered unavailable.
  static constexpr std::chrono::seconds kPoolWait{10};

  //! Connects, applies the schema's migrations and starts `writers` push
  //! threads. Reads and control writes share at most `pool` connections:
  //! a call beyond them waits for one to come back (at most `pool_wait`),
  //! then fails with Errc::unavailable saying it waited.
  static Result<std::unique_ptr<PgStorage>> open(const std::string& conninfo, std::size_t writers = kWriters,
                                                 std::size_t pool = 8,
                                                 std::chrono::milliseconds pool_wait = kPoolWait);
  ~PgStorage() override;

  Result<void> create_unit(const UnitId& unit, const std::string& label, const crypto::Hash32& code_hash) override;
  Result<std::optional<UnitRecord>> find_unit(const UnitId& unit) override;
  Result<std::vector<UnitId>> all_units() override;
  Result<UnitId> spend_unit_code(const crypto::Hash32& code_hash, const DeviceId& device, const Bytes& bundle) override;
  Result<std::optional<CodeOwner>> code_owner(const UnitId& unit) override;
  Result<std::vector<UnitId>> units_of(const DeviceId& device) override;
  Result<PendingEnrolment> request_enrolment(const DeviceId& device, const Bytes& bundle, const std::string& code,
                                             const std::string& unit_hint, std::int64_t now, std::int64_t not_before, const std::string& peer,
                                             std::size_t max_total, std::size_t max_from_peer) override;
  Result<std::optional<PendingEnrolment>> find_pending_by_code(const std::string& code,
                                                               std::int64_t not_before) override;
  Result<std::optional<PendingEnrolment>> find_pending_by_device(const DeviceId& device,
                                                                 std::int64_t not_before) override;
  Result<std::vector<PendingEnrolment>> pending_for_unit(const UnitId& unit, std::int64_t not_before,
                                                         std::size_t limit) override;

  Result<void> append_registry(const UnitId& unit, const RegistryAppend& append) override;
  Result<void> add_missing_copies(const UnitId& unit, const std::vector<KeyCopyRecord>& copies) override;
  Result<RegistryPage> registry_entries(const UnitId& unit, std::uint64_t after) override;
  Result<std::vector<KeyCopyRecord>> keys_for(const UnitId& unit, const DeviceId& device) override;
  Result<std::vector<KeyCopyRecord>> rotation_copies(const UnitId& unit, std::uint32_t epoch) override;

  Result<void> touch_device(const DeviceId& device, std::int64_t now) override;
  Result<DeviceActivity> activity(const DeviceId& device) override;
  Result<std::int64_t> record_wipe(const DeviceId& device, std::int64_t wiped_at) override;

  void push(const UnitId& unit, PushKind kind, StoredBytesCaps caps, std::vector<PushItem> items,
            PushCallback done) override;
  Result<PullPage> pull(const UnitId& unit, std::uint64_t after, std::size_t limit, std::size_t max_bytes) override;
  Result<crypto::Hash32> log_hash_at(const UnitId& unit, std::uint64_t seq) override;
  void set_commit_listener(CommitListener listener) override;
  //! The spent_challenges table: a challenge answered at one process is
  //! refused at every other (pg_challenges.cpp).
  ChallengeLedger* shared_challenges() override { return this; }

  [[nodiscard]] std::uint64_t commits() const override { return commits_.load(); }
  //! Calls that had to wait for a pooled connection, so far.
  [[nodiscard]] std::uint64_t pool_waits() const { return pool_waits_.load(); }
  void close() override;

 private:
  PgStorage(std::string conninfo, std::size_t pool, std::chrono::milliseconds pool_wait)
      : conninfo_(std::move(conninfo)), pool_max_(std::max<std::size_t>(1, pool)), pool_wait_(pool_wait) {}

  //! A pooled connection lent for one call; a broken one is not given back.
  class Lease {
   public:
    Lease(PgStorage& owner, std::unique_ptr<PgConn> c) : owner_(&owner), c_(std::move(c)) {}
    Lease(Lease&& other) noexcept : owner_(std::exchange(other.owner_, nullptr)), c_(std::move(other.c_)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    PgConn& db() { return *c_; }

   private:
    PgStorage* owner_;
    std::unique_ptr<PgConn> c_;
  };
  Result<Lease> lease();
  Result<bool> spend(const ChallengeTag& tag, std::int64_t expires_ms, std::int64_t now_ms) override;
  //! Runs `body` in a transaction on a pooled connection, again from the
  //! start after a serialisation failure, deadlock or a key another
  //! transaction stored first; `body` answers false to roll back.
  Result<void> write(const std::function<Result<bool>(PgConn&)>& body);
  Result<void> transact(PgConn& db, const std::function<Result<bool>(PgConn&)>& body);
  void writer_loop();
  void listen_loop();
  void tell_listener(const UnitId& unit, std::uint64_t head);

  std::string conninfo_;
  std::size_t pool_max_;
  std::chrono::milliseconds pool_wait_;
  std::mutex pool_mutex_;
  std::condition_variable pool_returned_;
  std::vector<std::unique_ptr<PgConn>> idle_;
  std::size_t pool_open_ = 0;  //!< pooled connections, idle or lent (at most pool_max_)
  bool pool_closed_ = false;
  std::atomic<std::uint64_t> pool_waits_{0};
  std::mutex listener_mutex_;
  CommitListener listener_;
  std::atomic<std::uint64_t> commits_{0};

  std::mutex queue_mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void(Result<PgConn*>)>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> writers_;
  //! Backend pids of this storage's writer connections: their NOTIFYs are
  //! this process's own commits, told to the listener already.
  std::mutex own_pids_mutex_;
  std::set<int> own_pids_;
  std::atomic<bool> stop_listening_{false};
  std::thread notifications_;
};

//! Reads one unit row; `for_update` locks it until the transaction ends.
Result<std::optional<UnitRecord>> pg_load_unit(PgConn& db, const UnitId& unit, bool for_update);
//! Runs a push batch inside an open transaction (pg_push.cpp).
Result<PushResult> pg_apply_push(PgConn& db, const UnitId& unit, PushKind kind, StoredBytesCaps caps,
                                 const std::vector<PushItem>& items);
//! Stores one verified registry entry inside an open transaction (pg_registry.cpp).
Result<void> pg_store_registry_entry(PgConn& db, const UnitId& unit, const RegistryAppend& append);

}  // namespace varn::server
