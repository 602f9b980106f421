#pragma once
//! The open connections: shutdown closes idle ones, and the connection caps
//! are enforced here. The global cap is spent on authenticated sessions
//! first: at it, a new connection takes the place of the oldest connection
//! that has not yet authenticated, and is refused only when every one has.
//! One peer address holds at most max_unauthenticated_per_peer connections
//! that have not authenticated (its next one takes the place of its
//! oldest); its authenticated ones are not capped per address, since a
//! whole office of tablets may share one address behind NAT. So sockets
//! that never start TLS, or never show a token, cannot lock devices out.

#include <boost/asio/ip/address.hpp>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "varn/server/metrics.hpp"

namespace varn::server {

class HttpSession;

class ConnectionRegistry {
 public:
  struct Caps {
    std::size_t max_connections = 1024;
    std::size_t max_unauthenticated_per_peer = 64;
  };
  ConnectionRegistry(Metrics& metrics, Caps caps) : metrics_(metrics), caps_(caps) {}

  struct Admission {
    bool admitted = false;
    //! The connection that made room (already removed here); the caller closes it.
    std::shared_ptr<HttpSession> evicted;
  };
  [[nodiscard]] Admission add(HttpSession* session, const std::weak_ptr<HttpSession>& weak,
                              const boost::asio::ip::address& peer);
  //! The connection showed a valid token or opened a session: it is no
  //! longer the first to go.
  void mark_authenticated(HttpSession* session);
  void remove(HttpSession* session);
  //! Asks every open connection to stop (see HttpSession::stop).
  void stop_all();
  [[nodiscard]] std::size_t size();

 private:
  struct Entry {
    std::weak_ptr<HttpSession> weak;
    boost::asio::ip::address peer;
    std::uint64_t order = 0;  // admission order; the oldest unauthenticated goes first
    bool authenticated = false;
  };
  //! The oldest unauthenticated connection (of `peer` only, if given); end() if none.
  std::unordered_map<HttpSession*, Entry>::iterator oldest_unauthenticated(const boost::asio::ip::address* peer);
  void erase(std::unordered_map<HttpSession*, Entry>::iterator it);  // under mutex_
  void forget_unauthenticated(const Entry& entry);                    // under mutex_

  Metrics& metrics_;
  const Caps caps_;
  std::mutex mutex_;
  std::unordered_map<HttpSession*, Entry> open_;
  std::map<std::uint64_t, HttpSession*> unauthenticated_;  // by admission order
  std::map<boost::asio::ip::address, std::size_t> per_peer_;  // unauthenticated connections
  std::uint64_t next_order_ = 0;
};

}  // namespace varn::server
