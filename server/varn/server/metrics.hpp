#pragma once
//! Counters for /metrics, rendered in the Prometheus text format. Labels
//! are route templates and status codes only: never ids or names.

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace varn::server {

class Metrics {
 public:
  //! One finished request, by route template ("/v1/units/{u}/changesets").
  //! A label that is not a route of the table (route_limits.hpp) is
  //! counted as "other": a client must not be able to add series or text.
  void count_request(const std::string& route, unsigned status);

  //! The whole exposition; `fsyncs` comes from the storage's own counter.
  [[nodiscard]] std::string render(std::uint64_t fsyncs) const;

  std::atomic<std::uint64_t> push_batches{0};
  std::atomic<std::uint64_t> changesets_stored{0};
  std::atomic<std::uint64_t> changesets_duplicate{0};
  std::atomic<std::int64_t> connections_open{0};
  std::atomic<std::uint64_t> connections_refused{0};  //!< at a cap with no room to make
  std::atomic<std::uint64_t> connections_evicted{0};  //!< unauthenticated, closed to make room
  std::atomic<std::uint64_t> bodies_refused{0};       //!< 503: the body memory budget was spent
  std::atomic<std::uint64_t> rate_limited{0};         //!< 429: a device asked more than its rate
  std::atomic<std::uint64_t> allocation_failures{0};  //!< answered 503: memory ran out
  std::atomic<std::uint64_t> body_bytes_reserved{0};  //!< request bodies held now (BodyBudget)
  std::atomic<std::int64_t> long_polls_waiting{0};

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, unsigned>, std::uint64_t> requests_;
};

}  // namespace varn::server
