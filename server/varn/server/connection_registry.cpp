#include "varn/server/connection_registry.hpp"

#include <vector>

#include "varn/server/http_session.hpp"

namespace varn::server {

bool ConnectionRegistry::add(HttpSession* session, const std::weak_ptr<HttpSession>& weak, std::size_t max) {
  const std::lock_guard lock(mutex_);
  if (open_.size() >= max) return false;
  open_.emplace(session, weak);
  metrics_.connections_open.store(static_cast<std::int64_t>(open_.size()));
  return true;
}

void ConnectionRegistry::remove(HttpSession* session) {
  const std::lock_guard lock(mutex_);
  if (open_.erase(session) > 0) metrics_.connections_open.store(static_cast<std::int64_t>(open_.size()));
}

void ConnectionRegistry::stop_all() {
  std::vector<std::shared_ptr<HttpSession>> live;
  {
    const std::lock_guard lock(mutex_);
    for (auto& kv : open_) {
      if (auto s = kv.second.lock()) live.push_back(std::move(s));
    }
  }
  for (auto& s : live) s->stop();
}

std::size_t ConnectionRegistry::size() {
  const std::lock_guard lock(mutex_);
  return open_.size();
}

}  // namespace varn::server
