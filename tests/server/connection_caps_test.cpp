// Connection caps against the real server process: a socket that never
// starts TLS is closed at the handshake deadline; one peer address holds at
// most its own cap; at the global cap, connections that never authenticated
// make room for new ones and authenticated sessions are never the ones to go.
#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "raw_tls.hpp"
#include "server_process.hpp"

namespace varn::test {
namespace {

using Clock = std::chrono::steady_clock;

//! An authenticated keep-alive connection that reads /metrics with its token.
class Watcher {
 public:
  Watcher(unsigned short port, const std::string& token, const std::string& from = "127.0.0.1")
      : tls_(port, from), token_(token) {
    REQUIRE(me() == 200);  // the token marks this connection authenticated
  }
  unsigned me() {
    REQUIRE(tls_.write(request_head("GET", "/v1/me", token_)));
    auto [ec, answer] = tls_.read();
    REQUIRE_FALSE(ec);
    return answer.result_int();
  }
  long metric(const std::string& name) {
    REQUIRE(tls_.write(request_head("GET", "/metrics")));
    auto [ec, answer] = tls_.read();
    REQUIRE_FALSE(ec);
    return metric_value(answer.body(), name);
  }
  //! Asks until `name` has `value` (bounded: each round is a request).
  bool reaches(const std::string& name, long value) {
    for (int round = 0; round < 2000; ++round) {
      if (metric(name) == value) return true;
    }
    return false;
  }

 private:
  RawTls tls_;
  std::string token_;
};

}  // namespace

TEST_CASE("a socket that never starts TLS is closed at the handshake deadline, long before the idle timeout",
          "[server][process][caps]") {
  ServerProcess server;
  server.extra_args = {"--handshake-timeout", "1", "--idle-timeout", "60"};
  server.start();
  const auto start = Clock::now();
  SilentSocket silent(server.port);
  CHECK(silent.closed_by_server(std::chrono::seconds(20)));
  const auto waited = Clock::now() - start;
  CHECK(waited >= std::chrono::milliseconds(500));
  CHECK(waited < std::chrono::seconds(20));
  TlsClient fresh(server.port);
  auto health = fresh.request("GET", "/healthz", {}, {});
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(server.stop() == 0);
}

TEST_CASE("one peer address holds at most its cap of unauthenticated connections, its next taking the place of its "
          "oldest, while its sessions are not capped",
          "[server][process][caps]") {
  ServerProcess server;
  server.extra_args = {"--max-unauthenticated-per-peer", "4", "--handshake-timeout", "60", "--idle-timeout", "60"};
  server.start();
  TlsClient setup(server.port);
  ProtocolDriver driver(setup.transport());
  auto unit = driver.make_unit(server.unit_code);
  Watcher watcher(server.port, unit.admin.token);  // from 127.0.0.1
  // An office of tablets behind one address, 127.0.0.2: more sessions than its cap.
  std::vector<std::unique_ptr<Watcher>> office;
  for (int i = 0; i < 6; ++i) office.push_back(std::make_unique<Watcher>(server.port, unit.admin.token, "127.0.0.2"));
  const long base = watcher.metric("varn_connections_open");

  // The same address opens its cap of sockets that never start TLS,
  // one admitted after the other so their order is known.
  std::vector<std::unique_ptr<SilentSocket>> idle;
  for (int i = 0; i < 4; ++i) {
    idle.push_back(std::make_unique<SilentSocket>(server.port, "127.0.0.2"));
    REQUIRE(watcher.reaches("varn_connections_open", base + i + 1));
  }
  idle.push_back(std::make_unique<SilentSocket>(server.port, "127.0.0.2"));
  REQUIRE(watcher.reaches("varn_connections_evicted_total", 1));
  CHECK(watcher.metric("varn_connections_open") == base + 4);
  CHECK(idle[0]->closed_by_server(std::chrono::seconds(10)));
  for (std::size_t i = 1; i < idle.size(); ++i) CHECK_FALSE(idle[i]->closed_by_server(std::chrono::milliseconds(0)));

  // Sessions from the same address are not capped, and not the ones to go.
  for (auto& tablet : office) CHECK(tablet->me() == 200);

  // Other peers are not touched: this one still answers and new ones get in.
  CHECK(watcher.me() == 200);
  TlsClient fresh(server.port);
  REQUIRE(fresh.request("GET", "/v1/me", {}, unit.admin.token).has_value());
  CHECK(server.stop() == 0);
}

TEST_CASE("at the global connection cap, sockets that never authenticated make room and sessions stay",
          "[server][process][caps]") {
  ServerProcess server;
  server.extra_args = {"--max-connections", "8", "--handshake-timeout", "60", "--idle-timeout", "60"};
  server.start();
  std::string token;
  {
    TlsClient setup(server.port);
    ProtocolDriver driver(setup.transport());
    auto unit = driver.make_unit(server.unit_code);
    token = unit.admin.token;
  }
  Watcher watcher(server.port, token);
  REQUIRE(watcher.reaches("varn_connections_open", 1));

  // More idle sockets than the cap: the watcher's session is never the one to go.
  std::vector<std::unique_ptr<SilentSocket>> idle;
  for (int i = 0; i < 17; ++i) idle.push_back(std::make_unique<SilentSocket>(server.port));
  REQUIRE(watcher.reaches("varn_connections_evicted_total", 10));
  CHECK(watcher.metric("varn_connections_open") == 8);
  CHECK(watcher.me() == 200);

  // A device's new connection gets in and is answered.
  TlsClient device(server.port);
  auto me = device.request("GET", "/v1/me", {}, token);
  REQUIRE(me);
  CHECK(me->status == 200);
  CHECK(watcher.metric("varn_connections_evicted_total") == 11);
  CHECK(watcher.metric("varn_connections_refused_total") == 0);
  int closed = 0;
  for (auto& s : idle) closed += s->closed_by_server(std::chrono::milliseconds(200)) ? 1 : 0;
  CHECK(closed == 11);
  CHECK(server.stop() == 0);
}


TEST_CASE("under an open-file limit below the connection cap, the cap shrinks to fit and a device still gets in",
          "[server][process][caps]") {
  ServerProcess server;
  // 160 descriptors: the default cap of 1024 connections cannot fit, and
  // would make accept fail (EMFILE) long before any eviction.
  server.open_files_limit = 160;
  server.extra_args = {"--handshake-timeout", "60", "--idle-timeout", "60"};
  server.start();
  std::string token;
  {
    TlsClient setup(server.port);
    ProtocolDriver driver(setup.transport());
    auto unit = driver.make_unit(server.unit_code);
    token = unit.admin.token;
  }
  Watcher watcher(server.port, token);
  // More idle sockets than the server has descriptors, from three addresses
  // (each under its per-address cap of 64).
  std::vector<std::unique_ptr<SilentSocket>> idle;
  for (int i = 0; i < 180; ++i) {
    idle.push_back(std::make_unique<SilentSocket>(server.port, "127.0.0." + std::to_string(2 + i % 3)));
  }
  REQUIRE(watcher.reaches("varn_connections_evicted_total", 180 - 96 + 1));
  CHECK(watcher.metric("varn_connections_open") == 96);  // 160 less the server's own 64
  CHECK(watcher.me() == 200);
  TlsClient device(server.port);
  auto me = device.request("GET", "/v1/me", {}, token);
  REQUIRE(me);
  CHECK(me->status == 200);
  CHECK(server.stop() == 0);
  CHECK(read_file(server.log_path + ".1").find("connections_capped_by_open_files") != std::string::npos);
}

TEST_CASE("a pending device's token keeps no connection over strangers' at the cap, and a revoked token is rate limited",
          "[server][process][caps]") {
  ServerProcess server;
  server.extra_args = {"--max-connections", "8", "--handshake-timeout", "60", "--idle-timeout", "60",
                       "--device-request-burst", "12", "--device-requests-per-second", "1"};
  server.start();
  TestUnit unit;
  TestDevice worker;
  TestDevice squatter;  // anyone may file an enrolment request
  {
    TlsClient setup(server.port);
    ProtocolDriver driver(setup.transport());
    unit = driver.make_unit(server.unit_code);
    worker = driver.add_member(unit, "worker");
    REQUIRE(driver.enrol(squatter, std::nullopt).status == 202);
    REQUIRE(driver.open_session(squatter).status == 200);
  }
  // The squatter fills the cap with connections that each showed its token.
  std::vector<std::unique_ptr<TlsClient>> held;
  for (int i = 0; i < 8; ++i) {
    held.push_back(std::make_unique<TlsClient>(server.port));
    REQUIRE(held.back()->connect());
    auto me = held.back()->request("GET", "/v1/me", {}, squatter.token);
    REQUIRE(me);
    CHECK(me->status == 200);
  }
  // A real device still gets in: the squatter's connections count as strangers'.
  TlsClient device(server.port);
  auto me = device.request("GET", "/v1/me", {}, worker.token);
  REQUIRE(me);
  CHECK(me->status == 200);

  // A revoked device's token spends its rate like any other.
  {
    TlsClient admin_client(server.port);
    ProtocolDriver driver(admin_client.transport());
    auto entry = ProtocolDriver::next_entry(unit, registry::EntryKind::revoke);
    entry.subject = worker.id();
    REQUIRE(driver.post_entry(unit, entry, nlohmann::json::array()).status == 200);
  }
  unsigned last = 0;
  for (int i = 0; i < 20 && last != 429; ++i) {
    auto r = device.request("GET", "/v1/me", {}, worker.token);
    REQUIRE(r);
    last = r->status;
  }
  CHECK(last == 429);
  CHECK(server.stop() == 0);
}

}  // namespace varn::test
