#pragma once
//! The protocol (docs/PROTOCOL.md) as a function of a request: no sockets
//! here, so tests and fuzzers call it directly. Answers arrive through
//! `respond`, at once or later (a push waits for its commit, a pull may wait
//! for new change sets).

#include <boost/asio/any_io_executor.hpp>
#include <cstdint>
#include <functional>

#include "varn/crypto/sign.hpp"
#include "varn/server/config.hpp"
#include "varn/server/disk_reserve.hpp"
#include "varn/server/http_types.hpp"
#include "varn/server/membership.hpp"
#include "varn/server/metrics.hpp"
#include "varn/server/pull_waiters.hpp"
#include "varn/server/quotas.hpp"
#include "varn/server/sessions.hpp"
#include "varn/server/storage.hpp"

namespace varn::server {

//! Everything a request may touch; owned by the server (or a test).
struct Context {
  Storage& storage;
  Membership& membership;  //!< who may do what: the verified registry over `storage`
  Sessions& sessions;
  PullWaiters& waiters;
  Metrics& metrics;
  Quotas& quotas;          //!< rates and long-polls per device and unit
  const DiskReserve& disk; //!< new writes stop before the disk is full
  Limits limits;
  boost::asio::any_io_executor executor;      //!< for long-poll timers
  std::function<std::int64_t()> unix_now;     //!< wall clock, seconds; injectable
  const crypto::SigningKeyPair& server_key;   //!< signs checkpoints; pinned by devices
};

//! Routes and answers one request. Never throws; calls `respond` once.
void handle_request(Request request, Context& ctx, Respond respond);

}  // namespace varn::server
