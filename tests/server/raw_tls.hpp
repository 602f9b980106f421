#pragma once
//! Raw connections for the transport tests: a TLS connection whose writes
//! are one TLS record each and whose reads give up after a guard, and a
//! plain TCP socket that never starts TLS. Both may connect from another
//! loopback address (127.0.0.2, ...) to stand for another peer.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <string>
#include <utility>

namespace varn::test {

// Long enough for a loaded CI machine, short enough to fail instead of hang.
inline constexpr std::chrono::seconds kRawGuard{30};

class RawTls {
 public:
  explicit RawTls(unsigned short port, const std::string& from = "127.0.0.1");

  //! false when the connection refused the bytes (closed or reset).
  bool write(const std::string& bytes);
  //! Closes with a TCP reset, leaving whatever the server still sends unread.
  void reset();
  //! The next answer, or the error that ended the connection instead.
  std::pair<boost::beast::error_code, boost::beast::http::response<boost::beast::http::string_body>> read(
      std::chrono::seconds guard = kRawGuard);

 private:
  boost::asio::io_context ioc_;
  boost::asio::ssl::context tls_{boost::asio::ssl::context::tls_client};
  boost::beast::ssl_stream<boost::beast::tcp_stream> stream_{ioc_, tls_};
  boost::beast::flat_buffer buffer_;
};

//! A TCP connection that never starts TLS.
class SilentSocket {
 public:
  explicit SilentSocket(unsigned short port, const std::string& from = "127.0.0.1");
  //! Whether the server ended the connection within `within` (end of stream or reset).
  bool closed_by_server(std::chrono::milliseconds within);

 private:
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::socket socket_{ioc_};
};

//! A request head as bytes: `method target`, a bearer token when given,
//! and the announced Content-Length when non-zero (the body is not included).
std::string request_head(const std::string& method, const std::string& target, const std::string& token = {},
                         std::size_t content_length = 0);

//! The value of an unlabelled series in a Prometheus text answer; -1 if absent.
long metric_value(const std::string& exposition, const std::string& name);

}  // namespace varn::test
