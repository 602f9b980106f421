#pragma once
//! Long-poll: pulls that found nothing new wait here until a commit moves
//! their unit past their cursor, their wait runs out, or the server stops.

#include <boost/asio/any_io_executor.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

#include "varn/server/metrics.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::server {

class PullWaiters {
 public:
  explicit PullWaiters(Metrics& metrics) : metrics_(metrics) {}

  //! Calls `wake` exactly once, on `executor`: after a commit past `after`,
  //! after `max_wait`, or at shutdown.
  void wait(const wire::UnitId& unit, std::uint64_t after, std::chrono::milliseconds max_wait,
            const boost::asio::any_io_executor& executor, std::function<void()> wake);
  //! A commit made `head` the unit's highest sequence number.
  void notify(const wire::UnitId& unit, std::uint64_t head);
  //! Wakes every waiter (shutdown); later waits wake at once.
  void wake_all();

 private:
  struct Waiter;
  void fire(const std::shared_ptr<Waiter>& waiter);

  Metrics& metrics_;
  std::mutex mutex_;
  std::multimap<wire::UnitId, std::shared_ptr<Waiter>> waiting_;
  bool stopped_ = false;
};

}  // namespace varn::server
