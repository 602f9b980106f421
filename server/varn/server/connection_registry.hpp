#pragma once
//! The open connections, so shutdown can close idle ones and the
//! connection limit can be enforced.

#include <cstddef>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "varn/server/metrics.hpp"

namespace varn::server {

class HttpSession;

class ConnectionRegistry {
 public:
  explicit ConnectionRegistry(Metrics& metrics) : metrics_(metrics) {}

  //! false when `max` connections are open already.
  bool add(HttpSession* session, const std::weak_ptr<HttpSession>& weak, std::size_t max);
  void remove(HttpSession* session);
  //! Asks every open connection to stop (see HttpSession::stop).
  void stop_all();
  [[nodiscard]] std::size_t size();

 private:
  Metrics& metrics_;
  std::mutex mutex_;
  std::unordered_map<HttpSession*, std::weak_ptr<HttpSession>> open_;
};

}  // namespace varn::server
