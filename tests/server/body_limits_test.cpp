// Request bodies against the real server process: nobody's body is read
// before its head is authenticated and within its route's limit, bodies in
// flight share one memory budget, an allocation failure is a 503 and not
// the end of the process, and metrics labels never come from a raw path.
#include <catch2/catch.hpp>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "raw_tls.hpp"
#include "server_process.hpp"
#include "varn/server/route_limits.hpp"
#include "varn/wire/batch_codec.hpp"

namespace varn::test {
namespace {

constexpr std::size_t kMiB = 1024 * 1024;
constexpr std::size_t kAnnounced = 31 * kMiB;

std::string metrics_text(TlsClient& client) {
  auto r = client.request("GET", "/metrics", {}, {});
  REQUIRE(r);
  return std::string(r->body.begin(), r->body.end());
}

//! Asks /metrics until `name` has `value` (bounded: each round is a request).
bool metric_reaches(TlsClient& client, const std::string& name, long value) {
  for (int round = 0; round < 2000; ++round) {
    if (metric_value(metrics_text(client), name) == value) return true;
  }
  return false;
}

//! A device's push and pull still answer.
void device_is_served(TlsClient& client, TestUnit& unit, TestDevice& device) {
  ProtocolDriver driver(client.transport());
  auto pushed = driver.push(device, unit.unit, {device.seal_next(unit.unit, 1, unit.epoch_key, "still here")});
  CHECK(pushed.status == 200);
  CHECK(driver.pull(device, unit.unit, 0, 10).status == 200);
}

}  // namespace

TEST_CASE("40 unauthenticated connections announcing 31 MiB bodies are answered from their heads, take no memory, "
          "and a device is still served",
          "[server][process][limits]") {
  ServerProcess server;
  server.extra_args = {"--idle-timeout", "10"};
  server.start();
  TlsClient client(server.port);
  ProtocolDriver driver(client.transport());
  auto unit = driver.make_unit(server.unit_code);
  auto worker = driver.add_member(unit, "worker");
  device_is_served(client, unit, worker);
  const long size_before = proc_status_kib(server.pid(), "VmSize");
  const long rss_before = proc_status_kib(server.pid(), "VmRSS");

  // Half push without a token, half a control call far over its limit;
  // each sends 64 KiB of its body and stops.
  const std::string some_body(64 * 1024, 'x');
  std::vector<std::unique_ptr<RawTls>> hostile;
  for (int i = 0; i < 40; ++i) {
    const std::string target = i % 2 == 0 ? unit_path(unit.unit) + "/changesets" : "/v1/enrol";
    hostile.push_back(std::make_unique<RawTls>(server.port));
    (void)hostile.back()->write(request_head("POST", target, {}, kAnnounced) + some_body);
  }
  device_is_served(client, unit, worker);
  const long size_growth = proc_status_kib(server.pid(), "VmSize") - size_before;
  const long rss_growth = proc_status_kib(server.pid(), "VmRSS") - rss_before;
  INFO("VmSize +" << size_growth << " KiB, VmRSS +" << rss_growth << " KiB");
  // Reading the announced bodies would reserve 40 x 31 MiB = 1240 MiB.
  CHECK(size_growth < 256 * 1024);
  CHECK(rss_growth < 32 * 1024);
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    auto [ec, answer] = hostile[i]->read(std::chrono::seconds(8));  // below the idle timeout
    INFO("connection " << i << ": " << ec.message());
    REQUIRE_FALSE(ec);
    CHECK(answer.result_int() == (i % 2 == 0 ? 401 : 413));
    auto [closed, nothing] = hostile[i]->read(std::chrono::seconds(8));
    CHECK(closed);  // the server let go: the body was never going to be read
    CHECK(closed != boost::beast::error::timeout);
  }
  CHECK(server.stop() == 0);
}

TEST_CASE("bodies beyond the shared body memory budget are answered 503 busy, and the budget comes back",
          "[server][process][limits]") {
  ServerProcess server;
  server.extra_args = {"--max-body-memory", std::to_string(64 * kMiB)};
  server.start();
  TlsClient client(server.port);
  ProtocolDriver driver(client.transport());
  auto unit = driver.make_unit(server.unit_code);
  auto worker = driver.add_member(unit, "worker");
  // Three devices, each well within its own byte rate.
  auto second_worker = driver.add_member(unit, "worker");
  auto third_worker = driver.add_member(unit, "worker");
  const auto push_head = [&](const TestDevice& d) {
    return request_head("POST", unit_path(unit.unit) + "/changesets", d.token, kAnnounced);
  };

  // Two authenticated pushes announce 31 MiB each and send nothing more.
  RawTls first(server.port), second(server.port);
  REQUIRE(first.write(push_head(worker)));
  REQUIRE(second.write(push_head(second_worker)));
  REQUIRE(metric_reaches(client, "varn_body_bytes_reserved", static_cast<long>(2 * kAnnounced)));
  RawTls third(server.port);
  REQUIRE(third.write(push_head(third_worker)));
  auto [ec, refused] = third.read();
  REQUIRE_FALSE(ec);
  CHECK(refused.result_int() == 503);
  CHECK(refused.body().find("\"busy\"") != std::string::npos);
  CHECK(metric_value(metrics_text(client), "varn_bodies_refused_total") == 1);

  first.reset();
  second.reset();
  REQUIRE(metric_reaches(client, "varn_body_bytes_reserved", 0));
  device_is_served(client, unit, worker);
  CHECK(server.stop() == 0);
}

TEST_CASE("an allocation failure for a body is answered 503 and the server goes on", "[server][process][limits]") {
  ServerProcess server;
  // Limits above the address space the process gets, so the allocation
  // itself is what fails.
  constexpr std::size_t kHuge = 1536 * kMiB;
  server.extra_args = {"--max-body-memory", std::to_string(4 * kHuge), "--max-body-bytes", std::to_string(2 * kHuge),
                       "--device-byte-burst", std::to_string(8 * kHuge)};
  server.address_space_limit = 1024 * kMiB;
  server.start();
  TlsClient client(server.port);
  ProtocolDriver driver(client.transport());
  auto unit = driver.make_unit(server.unit_code);
  auto worker = driver.add_member(unit, "worker");
  const std::string push_head = request_head("POST", unit_path(unit.unit) + "/changesets", worker.token, kHuge);
  for (int i = 0; i < 3; ++i) {
    RawTls push(server.port);
    REQUIRE(push.write(push_head));
    auto [ec, answer] = push.read();
    REQUIRE_FALSE(ec);
    CHECK(answer.result_int() == 503);
    CHECK(answer.body().find("\"busy\"") != std::string::npos);
  }
  const auto text = metrics_text(client);
  CHECK(metric_value(text, "varn_allocation_failures_total") == 3);
  CHECK(metric_value(text, "varn_body_bytes_reserved") == 0);
  device_is_served(client, unit, worker);
  CHECK(server.stop() == 0);
}

TEST_CASE("metrics labels come only from the route table, whatever path and body a client sends",
          "[server][process][metrics]") {
  ServerProcess server;
  server.start();
  TlsClient client(server.port);
  const Bytes big(2 * kMiB, 'x');
  const Bytes small(10, 'x');
  (void)client.request("POST", "/inj\",status=\"200\"}_999999", big, {});
  for (int i = 0; i < 20; ++i) {
    (void)client.request("POST", "/raw" + std::to_string(i), i % 2 == 0 ? big : small, {});
    (void)client.request("GET", "/v1/units/zz" + std::to_string(i) + "/changesets", {}, {});
  }
  const std::string text = metrics_text(client);
  CHECK(text.find("inj") == std::string::npos);
  CHECK(text.find("/raw") == std::string::npos);
  std::set<std::string> series;
  const std::regex label("varn_requests_total\\{route=\"([^\"]*)\",status=\"([0-9]+)\"\\} [0-9]+\n");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), label); it != std::sregex_iterator(); ++it) {
    CHECK(server::is_route_label((*it)[1].str()));
    series.insert((*it)[0].str());
  }
  std::size_t lines = 0;
  for (std::size_t at = text.find("varn_requests_total{"); at != std::string::npos;
       at = text.find("varn_requests_total{", at + 1)) {
    ++lines;
  }
  CHECK(lines == series.size());  // every series line is well formed
  CHECK(series.size() <= 6);      // 41 requests, a handful of (route, status) pairs
  CHECK(server.stop() == 0);
}

}  // namespace varn::test
