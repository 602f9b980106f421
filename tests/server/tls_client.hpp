#pragma once
//! A small blocking HTTPS client for the process-level server tests: one
//! keep-alive connection, reopened when the server closed it.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <memory>
#include <optional>
#include <string>

#include "protocol_driver.hpp"

namespace varn::test {

class TlsClient {
 public:
  explicit TlsClient(unsigned short port);
  ~TlsClient();

  //! One request; nullopt when the connection failed (server gone).
  std::optional<TestResponse> request(const std::string& method, const std::string& target, const Bytes& body,
                                      const std::string& token);
  //! Writes raw bytes on a fresh connection and reads one answer (malformed HTTP tests).
  std::optional<TestResponse> raw(const std::string& bytes);
  //! Opens the TLS connection now (idle-connection memory bench).
  bool connect();
  //! A transport for ProtocolDriver that fails the test when the server is gone.
  Transport transport();

 private:
  void reset();
  unsigned short port_;
  boost::asio::io_context ioc_;
  boost::asio::ssl::context tls_{boost::asio::ssl::context::tls_client};
  std::unique_ptr<boost::beast::ssl_stream<boost::beast::tcp_stream>> stream_;
  boost::beast::flat_buffer buffer_;
};

//! The port of a "listening https://127.0.0.1:PORT ..." line; 0 if none.
unsigned short port_of(const std::string& url);

}  // namespace varn::test
