// Quotas against the real server process: a device over its rate is answered
// 429 with Retry-After from the request's head, its body unread, while other
// devices go on; the disk reserve refuses pushes with 507 from the flag.
#include <catch2/catch.hpp>
#include <string>

#include "raw_tls.hpp"
#include "server_process.hpp"

namespace varn::test {

TEST_CASE("a device over its request rate gets 429 with Retry-After, while another device is still served",
          "[server][process][quota]") {
  ServerProcess server;
  // A steady rate of 1 a second that this test outruns at once, and a burst
  // that covers setting the unit up.
  server.extra_args = {"--device-request-burst", "40", "--device-requests-per-second", "1"};
  server.start();
  TlsClient client(server.port);
  ProtocolDriver driver(client.transport());
  auto unit = driver.make_unit(server.unit_code);
  auto worker = driver.add_member(unit, "worker");
  auto other = driver.add_member(unit, "worker");
  TestResponse last;
  int served = 0;
  for (int i = 0; i < 200; ++i) {
    last = driver.call("GET", "/v1/me", {}, worker.token);
    if (last.status != 200) break;
    ++served;
  }
  CHECK(served >= 1);
  CHECK(served <= 40);
  REQUIRE(last.status == 429);
  CHECK(last.error_code() == "rate_limited");
  REQUIRE(last.headers.count("retry-after") == 1);
  CHECK(std::stoi(last.headers["retry-after"]) >= 1);
  CHECK(driver.call("GET", "/v1/me", {}, other.token).status == 200);
  CHECK(server.stop() == 0);
}

TEST_CASE("a push larger than the device's byte burst is refused from its head, the body unread",
          "[server][process][quota]") {
  ServerProcess server;
  server.extra_args = {"--max-body-bytes", "65536", "--device-byte-burst", "65536", "--device-bytes-per-second", "1024"};
  server.start();
  TlsClient client(server.port);
  ProtocolDriver driver(client.transport());
  auto unit = driver.make_unit(server.unit_code);
  auto worker = driver.add_member(unit, "worker");
  // A first push spends the burst; the next announced one waits on the rate.
  const std::string head = request_head("POST", unit_path(unit.unit) + "/changesets", worker.token, 60000);
  RawTls first(server.port);
  REQUIRE(first.write(head + std::string(60000, '\0')));
  auto [ec1, answer1] = first.read();
  REQUIRE_FALSE(ec1);
  CHECK(answer1.result_int() == 400);  // admitted, and its nonsense body refused by the route
  RawTls second(server.port);
  REQUIRE(second.write(head));  // announces 60000 bytes, sends none
  auto [ec2, answer2] = second.read();
  REQUIRE_FALSE(ec2);
  CHECK(answer2.result_int() == 429);
  CHECK(answer2.body().find("rate_limited") != std::string::npos);
  CHECK(std::stoi(std::string(answer2[boost::beast::http::field::retry_after])) >= 50);
  CHECK(server.stop() == 0);
}

TEST_CASE("below the disk reserve a push is 507 disk_full and nothing is stored, while pulls go on",
          "[server][process][quota]") {
  ServerProcess server;
  server.start();
  TestUnit unit;
  TestDevice worker;
  {
    TlsClient client(server.port);
    ProtocolDriver driver(client.transport());
    unit = driver.make_unit(server.unit_code);
    worker = driver.add_member(unit, "worker");
  }
  REQUIRE(server.stop() == 0);
  // More free space than any disk has: the reserve is always reached.
  server.extra_args = {"--min-free-disk-bytes", std::to_string(std::uint64_t{1} << 62)};
  server.start();
  TlsClient client(server.port);
  ProtocolDriver driver(client.transport());
  REQUIRE(driver.open_session(worker).status == 200);
  auto refused = driver.push(worker, unit.unit, {worker.seal_next(unit.unit, 1, unit.epoch_key, "note")});
  CHECK(refused.status == 507);
  CHECK(refused.error_code() == "disk_full");
  auto pulled = driver.pull(worker, unit.unit, 0, 10);
  CHECK(pulled.status == 200);
  CHECK(pulled.headers["varn-head"] == "0");
  CHECK(server.stop() == 0);
}

}  // namespace varn::test
