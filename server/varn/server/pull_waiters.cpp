#include "varn/server/pull_waiters.hpp"

#include <atomic>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <vector>

namespace varn::server {

namespace net = boost::asio;

struct PullWaiters::Waiter {
  Waiter(const net::any_io_executor& ex, wire::UnitId u, std::uint64_t a, std::function<void()> w)
      : strand(net::make_strand(ex)), timer(strand), unit(u), after(a), wake(std::move(w)) {}
  net::strand<net::any_io_executor> strand;
  net::steady_timer timer;  // touched only on `strand`
  wire::UnitId unit;
  std::uint64_t after;
  std::function<void()> wake;
  std::atomic<bool> fired{false};
};

void PullWaiters::wait(const wire::UnitId& unit, std::uint64_t after, std::chrono::milliseconds max_wait,
                       const net::any_io_executor& executor, std::function<void()> wake) {
  auto waiter = std::make_shared<Waiter>(executor, unit, after, std::move(wake));
  {
    const std::lock_guard lock(mutex_);
    if (!stopped_) {
      waiting_.emplace(unit, waiter);
      metrics_.long_polls_waiting.fetch_add(1);
      net::post(waiter->strand, [this, waiter, max_wait] {
        waiter->timer.expires_after(max_wait);
        waiter->timer.async_wait([this, waiter](const boost::system::error_code&) { fire(waiter); });
      });
      return;
    }
  }
  waiter->fired = true;
  net::post(waiter->strand, waiter->wake);
}

void PullWaiters::fire(const std::shared_ptr<Waiter>& waiter) {
  if (waiter->fired.exchange(true)) return;
  {
    const std::lock_guard lock(mutex_);
    auto [first, last] = waiting_.equal_range(waiter->unit);
    for (auto it = first; it != last; ++it) {
      if (it->second == waiter) {
        waiting_.erase(it);
        metrics_.long_polls_waiting.fetch_sub(1);
        break;
      }
    }
  }
  net::post(waiter->strand, [waiter] {
    waiter->timer.cancel();
    waiter->wake();
  });
}

void PullWaiters::notify(const wire::UnitId& unit, std::uint64_t head) {
  std::vector<std::shared_ptr<Waiter>> ready;
  {
    const std::lock_guard lock(mutex_);
    auto [first, last] = waiting_.equal_range(unit);
    for (auto it = first; it != last; ++it) {
      if (it->second->after < head) ready.push_back(it->second);
    }
  }
  for (const auto& w : ready) fire(w);
}

void PullWaiters::wake_all() {
  std::vector<std::shared_ptr<Waiter>> all;
  {
    const std::lock_guard lock(mutex_);
    stopped_ = true;
    for (const auto& kv : waiting_) all.push_back(kv.second);
  }
  for (const auto& w : all) fire(w);
}

}  // namespace varn::server
