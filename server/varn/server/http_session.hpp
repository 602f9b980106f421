#pragma once
//! One TLS connection: handshake (with its own short deadline), then per
//! request: read the head, decide from it alone (route_limits.hpp) how
//! large a body the route takes and whether it needs a token, check the
//! token, reserve the body's bytes in the shared budget, and only then
//! read the body and hand the request to handle_request. A request refused
//! from its head (401, 403, 413, 503) is answered without reading its body,
//! and the connection is closed. One request at a time (the bounded queue
//! is one deep), a timeout on every read and write. An allocation failure
//! ends this connection with 503, never the process.

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>

#include "varn/server/body_budget.hpp"
#include "varn/server/handler.hpp"
#include "varn/server/route_limits.hpp"
#include "varn/server/tls_stream.hpp"

namespace varn::server {

class ConnectionRegistry;

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(boost::asio::ip::tcp::socket socket, boost::asio::ssl::context& tls, Context& ctx,
              ConnectionRegistry& registry, BodyBudget& budget);
  ~HttpSession();
  HttpSession(const HttpSession&) = delete;
  HttpSession& operator=(const HttpSession&) = delete;

  void start();
  //! Shutdown: close now if idle, else after the answer in flight is written.
  void stop();
  //! Closes at once: the registry gave this connection's place to a new one.
  void drop();

 private:
  using Parser = boost::beast::http::request_parser<boost::beast::http::vector_body<std::uint8_t>>;

  void on_handshake(boost::beast::error_code ec);
  void read_next();
  void on_header(boost::beast::error_code ec, std::size_t bytes);
  //! The 401/403 answer when the head's bearer token grants nothing;
  //! otherwise the device it names, in `caller`.
  std::optional<Response> refuse_token(std::optional<wire::DeviceId>& caller);
  void on_body(boost::beast::error_code ec, std::size_t bytes);
  //! Ends a read that failed: 400 or 413 where HTTP allows an answer.
  void on_read_error(boost::beast::error_code ec);
  void dispatch();
  //! An answer given from the head alone: the body stays unread, so the
  //! connection closes after it.
  void answer_early(Response response);
  void write(Response response, bool close_after);
  void on_write(bool close_after, boost::beast::error_code ec, std::size_t bytes);
  void close();
  //! Closes the connection unless it is re-armed or disarmed within `limit`.
  void arm_timeout(std::chrono::steady_clock::duration limit);
  void disarm_timeout();

  boost::asio::ip::address peer_;
  TlsStream stream_;
  boost::asio::steady_timer timeout_;
  boost::beast::flat_buffer buffer_;
  std::optional<Parser> parser_;
  RoutePolicy policy_;
  std::shared_ptr<BodyBudget::Lease> lease_;  // the body's bytes, until its answer is back
  std::shared_ptr<Response> writing_;
  Context& ctx_;
  ConnectionRegistry& registry_;
  BodyBudget& budget_;
  bool busy_ = false;      // a request is being answered (touched on the strand only)
  bool stopping_ = false;  // on the strand only
  bool closed_ = false;
  std::uint64_t timeout_generation_ = 0;  // on the strand only; a wait that fired late sees it moved on
};

}  // namespace varn::server
