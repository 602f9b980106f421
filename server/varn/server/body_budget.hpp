#pragma once
//! One memory budget for the request bodies being read or handled, shared
//! by every connection. A body's bytes are reserved (its Content-Length,
//! or its route's limit when chunked) before the first one is read, so
//! many clients announcing large bodies at once cannot take the server's
//! memory: beyond the budget a request is answered 503 instead.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace varn::server {

class BodyBudget {
 public:
  //! `used` is the gauge /metrics shows (Metrics::body_bytes_reserved).
  BodyBudget(std::size_t total, std::atomic<std::uint64_t>& used) : total_(total), used_(used) {}
  BodyBudget(const BodyBudget&) = delete;
  BodyBudget& operator=(const BodyBudget&) = delete;

  //! Gives its bytes back when destroyed.
  class Lease {
   public:
    Lease(BodyBudget& budget, std::size_t bytes) : budget_(budget), bytes_(bytes) {}
    ~Lease() { budget_.used_.fetch_sub(bytes_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

   private:
    BodyBudget& budget_;
    std::size_t bytes_;
  };

  //! A lease of `bytes`, or null when the budget cannot hold them now.
  [[nodiscard]] std::shared_ptr<Lease> reserve(std::size_t bytes);
  [[nodiscard]] std::uint64_t used() const { return used_.load(); }

 private:
  const std::uint64_t total_;
  std::atomic<std::uint64_t>& used_;
};

}  // namespace varn::server
