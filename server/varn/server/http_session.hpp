#pragma once
//! One TLS connection: handshake, then read a request, hand it to
//! handle_request, write the answer, repeat. One request at a time (the
//! bounded queue is one deep), a timeout on every read and write, and a
//! body limit that answers 413.

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>

#include "varn/server/handler.hpp"
#include "varn/server/tls_stream.hpp"

namespace varn::server {

class ConnectionRegistry;

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(boost::asio::ip::tcp::socket socket, boost::asio::ssl::context& tls, Context& ctx,
              ConnectionRegistry& registry);
  ~HttpSession();
  HttpSession(const HttpSession&) = delete;
  HttpSession& operator=(const HttpSession&) = delete;

  void start();
  //! Shutdown: close now if idle, else after the answer in flight is written.
  void stop();

 private:
  void on_handshake(boost::beast::error_code ec);
  void read_next();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void write(Response response, bool close_after);
  void on_write(bool close_after, boost::beast::error_code ec, std::size_t bytes);
  void close();
  //! Closes the connection unless it is re-armed or disarmed within `limit`.
  void arm_timeout(std::chrono::steady_clock::duration limit);
  void disarm_timeout();

  TlsStream stream_;
  boost::asio::steady_timer timeout_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::vector_body<std::uint8_t>>> parser_;
  std::shared_ptr<Response> writing_;
  Context& ctx_;
  ConnectionRegistry& registry_;
  bool busy_ = false;      // a request is being answered (touched on the strand only)
  bool stopping_ = false;  // on the strand only
  bool closed_ = false;
  std::uint64_t timeout_generation_ = 0;  // on the strand only; a wait that fired late sees it moved on
};

}  // namespace varn::server
