#include "varn/server/group_committer.hpp"

#include <future>

#include "varn/server/log.hpp"

namespace varn::server {
namespace {
// Bounds one transaction so a flood of jobs cannot delay the first ones forever.
constexpr std::size_t kMaxJobsPerGroup = 4096;
}  // namespace

GroupCommitter::GroupCommitter(std::unique_ptr<SqliteDb> db) : db_(std::move(db)), thread_([this] { loop(); }) {}

GroupCommitter::~GroupCommitter() { stop(); }

void GroupCommitter::submit(Apply apply, Done done) {
  {
    const std::lock_guard lock(mutex_);
    if (!stopping_) {
      queue_.push_back(Job{std::move(apply), std::move(done)});
      wake_.notify_one();
      return;
    }
  }
  done(make_error(Errc::unavailable, "server is shutting down"));
}

Result<void> GroupCommitter::run(Apply apply) {
  auto promise = std::make_shared<std::promise<Result<void>>>();
  auto future = promise->get_future();
  submit(std::move(apply), [promise](Result<void> r) { promise->set_value(std::move(r)); });
  return future.get();
}

void GroupCommitter::stop() {
  {
    const std::lock_guard lock(mutex_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
    wake_.notify_one();
  }
  if (thread_.joinable()) thread_.join();
}

void GroupCommitter::loop() {
  for (;;) {
    std::deque<Job> group;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      while (!queue_.empty() && group.size() < kMaxJobsPerGroup) {
        group.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    write_group(group);
  }
}

void GroupCommitter::write_group(std::deque<Job>& group) {
  Result<void> outcome;
  if (auto begin = db_->exec("BEGIN IMMEDIATE"); !begin) {
    outcome = begin.error();
  } else {
    for (auto& job : group) {
      if (auto sp = db_->exec("SAVEPOINT job"); !sp) {
        outcome = sp.error();
        break;
      }
      const bool keep = job.apply(*db_);
      if (!keep) {
        if (auto rb = db_->exec("ROLLBACK TO job"); !rb) {
          outcome = rb.error();
          break;
        }
      }
      if (auto rel = db_->exec("RELEASE job"); !rel) {
        outcome = rel.error();
        break;
      }
    }
    if (outcome) {
      outcome = db_->exec("COMMIT");
      if (outcome) commits_.fetch_add(1);
    }
    if (!outcome) {
      (void)db_->exec("ROLLBACK");
      log_event("commit_failed", {{"jobs", group.size()}});
    }
  }
  for (auto& job : group) job.done(outcome);
}

}  // namespace varn::server
