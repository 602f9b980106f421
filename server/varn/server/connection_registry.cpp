#include "varn/server/connection_registry.hpp"

#include <vector>

#include "varn/server/http_session.hpp"

namespace varn::server {

std::unordered_map<HttpSession*, ConnectionRegistry::Entry>::iterator ConnectionRegistry::oldest_unauthenticated(
    const boost::asio::ip::address* peer) {
  // At most max_connections entries, walked only when a cap is reached.
  for (const auto& [order, session] : unauthenticated_) {
    auto it = open_.find(session);
    if (peer == nullptr || it->second.peer == *peer) return it;
  }
  return open_.end();
}

void ConnectionRegistry::forget_unauthenticated(const Entry& entry) {
  unauthenticated_.erase(entry.order);
  auto peer = per_peer_.find(entry.peer);
  if (--peer->second == 0) per_peer_.erase(peer);
}

void ConnectionRegistry::erase(std::unordered_map<HttpSession*, Entry>::iterator it) {
  if (!it->second.authenticated) forget_unauthenticated(it->second);
  open_.erase(it);
  metrics_.connections_open.store(static_cast<std::int64_t>(open_.size()));
}

ConnectionRegistry::Admission ConnectionRegistry::add(HttpSession* session, const std::weak_ptr<HttpSession>& weak,
                                                      const boost::asio::ip::address& peer) {
  const std::lock_guard lock(mutex_);
  Admission out;
  auto make_room = [&](const boost::asio::ip::address* scope) {
    auto victim = oldest_unauthenticated(scope);
    if (victim == open_.end()) return false;
    out.evicted = victim->second.weak.lock();
    erase(victim);
    metrics_.connections_evicted.fetch_add(1);
    return true;
  };
  const auto same_peer = per_peer_.find(peer);
  const bool peer_full = same_peer != per_peer_.end() && same_peer->second >= caps_.max_unauthenticated_per_peer;
  if (peer_full && !make_room(&peer)) return out;
  if (!out.evicted && open_.size() >= caps_.max_connections && !make_room(nullptr)) return out;
  const std::uint64_t order = next_order_++;
  open_.emplace(session, Entry{weak, peer, order, false});
  unauthenticated_.emplace(order, session);
  ++per_peer_[peer];
  metrics_.connections_open.store(static_cast<std::int64_t>(open_.size()));
  out.admitted = true;
  return out;
}

void ConnectionRegistry::mark_authenticated(HttpSession* session) {
  const std::lock_guard lock(mutex_);
  auto it = open_.find(session);
  if (it == open_.end() || it->second.authenticated) return;
  it->second.authenticated = true;
  forget_unauthenticated(it->second);
}

void ConnectionRegistry::remove(HttpSession* session) {
  const std::lock_guard lock(mutex_);
  if (auto it = open_.find(session); it != open_.end()) erase(it);
}

void ConnectionRegistry::stop_all() {
  std::vector<std::shared_ptr<HttpSession>> live;
  {
    const std::lock_guard lock(mutex_);
    for (auto& kv : open_) {
      if (auto s = kv.second.weak.lock()) live.push_back(std::move(s));
    }
  }
  for (auto& s : live) s->stop();
}

std::size_t ConnectionRegistry::size() {
  const std::lock_guard lock(mutex_);
  return open_.size();
}

}  // namespace varn::server
