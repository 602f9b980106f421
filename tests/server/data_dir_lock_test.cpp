// SQLite storage is for one process: a second varn-server on the same data
// directory is refused while the first one runs, and the first goes on.
#include <catch2/catch.hpp>

#include "server_process.hpp"

namespace varn::test {

TEST_CASE("a second varn-server on the same SQLite data directory exits non-zero saying why, and the first still serves",
          "[server][process]") {
  ServerProcess server;
  server.start();
  auto second = run_process({VARN_SERVER_BINARY, "serve", "--data", server.data_dir, "--listen", "127.0.0.1:0"}, {},
                            std::chrono::seconds(30));
  CHECK(second.exit_code == 1);
  CHECK(second.err.find("another varn-server is serving the data directory") != std::string::npos);
  CHECK(second.out.find("listening") == std::string::npos);

  TlsClient client(server.port);
  auto health = client.request("GET", "/healthz", {}, {});
  REQUIRE(health);
  CHECK(health->status == 200);
  ProtocolDriver driver(client.transport());
  TestDevice device;
  CHECK(driver.enrol(device, server.unit_code).status == 200);  // the first still writes

  // The lock goes with the process that held it, also when it is killed.
  server.kill();
  server.start();
  TlsClient again(server.port);
  auto after = again.request("GET", "/healthz", {}, {});
  REQUIRE(after);
  CHECK(after->status == 200);
  CHECK(server.stop() == 0);
}

}  // namespace varn::test
