#pragma once
//! The hostile-load bench's connections: raw TLS streams from a chosen
//! loopback address, and a keep-alive HTTPS link that never retries, so
//! every failure a real device meets is counted.

#include <poll.h>
#include <sys/socket.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace varn::bench {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using Tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using Stream = beast::ssl_stream<beast::tcp_stream>;

inline constexpr std::size_t kMiB = 1024 * 1024;
inline constexpr std::chrono::seconds kGuard{20};  // no single operation waits longer

//! Pacing for the attackers and the monitor that ends as soon as the run does.
class StopFlag {
 public:
  void set() {
    {
      std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    cv_.notify_all();
  }
  [[nodiscard]] bool stopped() {
    std::lock_guard lock(mutex_);
    return stopped_;
  }
  //! Waits `d` unless stopped first; true when stopped.
  bool wait_for(std::chrono::milliseconds d) {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, d, [this] { return stopped_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopped_ = false;
};

//! Runs what was started on `ioc` to its end (each operation bounded by its stream's expiry).
inline void run(net::io_context& ioc) {
  ioc.restart();
  ioc.run();
}

//! A connection from `from` to the server, with the TLS handshake when `handshake`; nullptr when it failed.
inline std::unique_ptr<Stream> open_stream(net::io_context& ioc, net::ssl::context& tls, unsigned short port,
                                           const std::string& from, bool handshake) {
  auto stream = std::make_unique<Stream>(ioc, tls);
  auto& lowest = beast::get_lowest_layer(*stream);
  beast::error_code ec;
  lowest.socket().open(Tcp::v4(), ec);
  if (!ec) lowest.socket().bind({net::ip::make_address(from), 0}, ec);
  if (ec) return nullptr;
  beast::error_code result;
  lowest.expires_after(kGuard);
  lowest.async_connect(Tcp::endpoint{net::ip::make_address("127.0.0.1"), port}, [&](beast::error_code connected) {
    if (connected || !handshake) {
      result = connected;
      return;
    }
    beast::error_code ignored;
    lowest.socket().set_option(Tcp::no_delay(true), ignored);
    stream->async_handshake(net::ssl::stream_base::client, [&](beast::error_code shaken) { result = shaken; });
  });
  run(ioc);
  if (result) return nullptr;
  lowest.expires_never();
  return stream;
}

inline bool write_all(net::io_context& ioc, Stream& stream, const std::string& bytes) {
  beast::error_code result;
  beast::get_lowest_layer(stream).expires_after(kGuard);
  net::async_write(stream, net::buffer(bytes), [&](beast::error_code ec, std::size_t) { result = ec; });
  run(ioc);
  beast::get_lowest_layer(stream).expires_never();
  return !result;
}

//! Takes whatever the server sent (session tickets, alerts) off the socket
//! without blocking; true when the server has closed the connection.
inline bool closed_by_server(Stream& stream) {
  const int fd = beast::get_lowest_layer(stream).socket().native_handle();
  char junk[4096];
  for (;;) {
    const auto n = ::recv(fd, junk, sizeof junk, MSG_DONTWAIT);
    if (n > 0) continue;
    if (n == 0) return true;
    return errno != EAGAIN && errno != EWOULDBLOCK;
  }
}

inline int fd_of(Stream& stream) { return beast::get_lowest_layer(stream).socket().native_handle(); }

struct Answer {
  unsigned status = 0;
  std::string head;  //!< Varn-Head
  std::string body;
};

//! One keep-alive HTTPS connection that, unlike TlsClient, never retries:
//! a failed request is reported, and the next one opens a new connection.
class Link {
 public:
  Link(unsigned short port, std::string from) : port_(port), from_(std::move(from)) {
    tls_.set_verify_mode(net::ssl::verify_none);
  }

  //! nullopt when the connection failed (refused, reset, closed mid-answer, or timed out).
  std::optional<Answer> request(const std::string& method, const std::string& target, const std::string& body,
                                const std::string& token) {
    if (!stream_) {
      stream_ = open_stream(ioc_, tls_, port_, from_, true);
      buffer_.clear();
      if (!stream_) return std::nullopt;
      ++connections_;
    }
    http::request<http::string_body> req{http::string_to_verb(method), target, 11};
    req.set(http::field::host, "127.0.0.1");
    if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
    if (!body.empty()) req.set(http::field::content_type, "application/octet-stream");
    req.body() = body;
    req.keep_alive(true);
    req.prepare_payload();
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * kMiB);
    beast::error_code result;
    beast::get_lowest_layer(*stream_).expires_after(kGuard);
    http::async_write(*stream_, req, [&](beast::error_code written, std::size_t) {
      if (written) {
        result = written;
        return;
      }
      http::async_read(*stream_, buffer_, parser, [&](beast::error_code got, std::size_t) { result = got; });
    });
    run(ioc_);
    if (result) {
      stream_.reset();
      return std::nullopt;
    }
    beast::get_lowest_layer(*stream_).expires_never();
    auto res = parser.release();
    Answer a;
    a.status = res.result_int();
    a.head = std::string(res["Varn-Head"]);
    a.body = std::move(res.body());
    if (!res.keep_alive()) stream_.reset();
    return a;
  }
  [[nodiscard]] long connections() const { return connections_; }

 private:
  unsigned short port_;
  std::string from_;
  net::io_context ioc_;
  net::ssl::context tls_{net::ssl::context::tls_client};
  std::unique_ptr<Stream> stream_;
  beast::flat_buffer buffer_;
  long connections_ = 0;
};

}  // namespace varn::bench
