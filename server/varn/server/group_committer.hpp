#pragma once
//! The single writer. Every write is a job; the writer thread takes all jobs
//! queued so far, runs each in its own savepoint inside one transaction,
//! commits once (one fsync for the whole group), then completes them all.
//! Sequence numbers are assigned inside that transaction, so readers see a
//! unit's change sets appear in order or not at all.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "varn/server/sqlite_db.hpp"
#include "varn/util/result.hpp"

namespace varn::server {

class GroupCommitter {
 public:
  //! Runs inside the transaction; false rolls back this job's savepoint only.
  using Apply = std::function<bool(SqliteDb&)>;
  //! Runs after the commit (ok) or after it failed (the error).
  using Done = std::function<void(Result<void>)>;

  explicit GroupCommitter(std::unique_ptr<SqliteDb> db);
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  void submit(Apply apply, Done done);
  //! Submits and waits: for rare control writes.
  Result<void> run(Apply apply);
  //! Drains the queue, stops the thread; later submits fail at once.
  void stop();
  [[nodiscard]] std::uint64_t commits() const { return commits_.load(); }

 private:
  struct Job {
    Apply apply;
    Done done;
  };
  void loop();
  void write_group(std::deque<Job>& group);

  std::unique_ptr<SqliteDb> db_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  std::atomic<std::uint64_t> commits_{0};
  std::thread thread_;
};

}  // namespace varn::server
