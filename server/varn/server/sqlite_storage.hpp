#pragma once
//! The embedded default backend: one SQLite file (WAL) in the data
//! directory, a single group-committing writer and a pool of readers.

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "varn/server/group_committer.hpp"
#include "varn/server/storage.hpp"

namespace varn::server {

class SqliteStorage final : public Storage {
 public:
  //! Opens or creates `file`. `durable` false (fsync off) is for fuzzing only.
  static Result<std::unique_ptr<SqliteStorage>> open(const std::filesystem::path& file, bool durable = true);
  ~SqliteStorage() override;

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

  [[nodiscard]] std::uint64_t commits() const override { return writer_->commits(); }
  void close() override;

 private:
  SqliteStorage(std::filesystem::path file, bool durable, std::unique_ptr<GroupCommitter> writer)
      : file_(std::move(file)), durable_(durable), writer_(std::move(writer)) {}

  //! A reader connection lent for one call and given back after.
  class Reader {
   public:
    Reader(SqliteStorage& owner, std::unique_ptr<SqliteDb> db) : owner_(&owner), db_(std::move(db)) {}
    Reader(Reader&& other) noexcept : owner_(other.owner_), db_(std::move(other.db_)) {}
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;
    Reader& operator=(Reader&&) = delete;
    ~Reader() {
      if (!db_) return;
      const std::lock_guard lock(owner_->readers_mutex_);
      owner_->idle_readers_.push_back(std::move(db_));
    }
    SqliteDb& db() { return *db_; }
  
   private:
    SqliteStorage* owner_;
    std::unique_ptr<SqliteDb> db_;
  };
  Result<Reader> reader();
  //! Runs `apply` in the writer's transaction and waits until it is durable.
  Result<void> write(const std::function<Result<void>(SqliteDb&)>& apply);

  std::filesystem::path file_;
  bool durable_;
  std::unique_ptr<GroupCommitter> writer_;
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<SqliteDb>> idle_readers_;
  std::mutex listener_mutex_;
  CommitListener listener_;
};

//! Reads one unit row from any connection.
Result<std::optional<UnitRecord>> load_unit(SqliteDb& db, const UnitId& unit);
//! Runs a push batch inside the writer's transaction (sqlite_push.cpp).
Result<PushResult> apply_push(SqliteDb& db, const UnitId& unit, PushKind kind, StoredBytesCaps caps,
                              const std::vector<PushItem>& items);
//! Stores one verified registry entry inside the writer's transaction (sqlite_registry.cpp).
Result<void> store_registry_entry(SqliteDb& db, const UnitId& unit, const RegistryAppend& append);
//! Inserts or replaces one device's copy of an epoch key.
Result<void> insert_key_copy(SqliteDb& db, const UnitId& unit, const KeyCopyRecord& copy);

}  // namespace varn::server
