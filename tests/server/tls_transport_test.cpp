// The server's own TLS stream (server/varn/server/tls_stream.*) against the
// real process: odd record boundaries, pipelining, and the idle timeout that
// frees a connection a client left half-way.
#include <poll.h>
#include <sys/socket.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "raw_tls.hpp"
#include "server_process.hpp"

namespace varn::test {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using Clock = std::chrono::steady_clock;

const std::string kHealth = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

}  // namespace

TEST_CASE("the TLS transport answers a request sent a byte per record, and pipelined requests in order",
          "[server][process][tls]") {
  ServerProcess server;
  server.start();
  RawTls client(server.port);
  for (char c : kHealth) client.write(std::string(1, c));
  auto [ec, first] = client.read();
  REQUIRE_FALSE(ec);
  CHECK(first.result_int() == 200);
  // Two requests in one record: answered one after the other, in order.
  client.write(kHealth + "GET /v1/nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  auto [ec2, second] = client.read();
  REQUIRE_FALSE(ec2);
  CHECK(second.result_int() == 200);
  auto [ec3, third] = client.read();
  REQUIRE_FALSE(ec3);
  CHECK(third.result_int() == 404);
  CHECK(server.stop() == 0);
}

TEST_CASE("clients that reset the connection with answers still coming do not take the server down",
          "[server][process][tls]") {
  ServerProcess server;
  server.start();
  std::string many;
  for (int i = 0; i < 300; ++i) many += kHealth;
  // The server goes on writing answers into sockets that are gone: each
  // write must fail with EPIPE or ECONNRESET, never end the process.
  for (int i = 0; i < 20; ++i) {
    RawTls client(server.port);
    client.write(many);
    client.reset();
  }
  TlsClient fresh(server.port);
  auto health = fresh.request("GET", "/healthz", {}, {});
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(server.stop() == 0);
}

TEST_CASE("a connection left half-way through a request, or before TLS, is closed after the idle or handshake timeout",
          "[server][process][tls]") {
  ServerProcess server;
  server.extra_args = {"--idle-timeout", "1", "--handshake-timeout", "1"};
  server.start();

  RawTls stalled(server.port);
  stalled.write(kHealth.substr(0, 20));
  const auto start = Clock::now();
  auto [ec, answer] = stalled.read();
  const auto waited = Clock::now() - start;
  CHECK(ec);                                 // closed: no answer came
  CHECK(ec != beast::error::timeout);        // by the server, not by this test's guard
  CHECK(waited >= std::chrono::milliseconds(500));  // and at its timeout, not at once

  // Plain TCP that never starts the handshake.
  net::io_context ioc;
  net::ip::tcp::socket silent(ioc);
  silent.connect({net::ip::make_address("127.0.0.1"), server.port});
  pollfd fd{silent.native_handle(), POLLIN, 0};
  REQUIRE(::poll(&fd, 1, static_cast<int>(std::chrono::milliseconds(kRawGuard).count())) == 1);
  char byte = 0;
  CHECK(::recv(silent.native_handle(), &byte, 1, 0) == 0);  // end of stream: the server let go

  // The server goes on serving new connections.
  TlsClient fresh(server.port);
  auto health = fresh.request("GET", "/healthz", {}, {});
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(server.stop() == 0);
}

}  // namespace varn::test
