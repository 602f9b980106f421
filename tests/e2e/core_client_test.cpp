// The core's DeviceClient (enrol, approve, sync) against the real
// varn-server process, with in-memory stores: proves the client and the
// server speak the same protocol before any UI or CLI is involved.
#include <catch2/catch.hpp>

#include "e2e_fixture.hpp"
#include "memory_sync_store.hpp"
#include "memory_vault.hpp"
#include "tls_client.hpp"
#include "varn/sync/device_client.hpp"

using namespace varn;
using namespace varn::test;

namespace {

// HttpExecutor over the server tests' blocking Beast client.
class TlsExecutor : public sync::HttpExecutor {
 public:
  explicit TlsExecutor(const std::string& url) : client_(port_of(url)) {}
  Result<sync::HttpResponse> execute(const sync::HttpRequest& r) override {
    auto answer = client_.request(r.method, r.target, r.body, r.bearer_token);
    if (!answer) return make_error(Errc::unavailable, "server unreachable");
    sync::HttpResponse out;
    out.status = static_cast<int>(answer->status);
    out.body = answer->body;
    out.headers = answer->headers;
    return out;
  }

 private:
  TlsClient client_;
};

struct CoreDevice {
  MemoryVault vault;
  MemorySyncStore store;
  sync::DeviceClient client{vault, store};
};

}  // namespace

TEST_CASE("DeviceClient enrols, approves by fingerprint and syncs with the real server", "[e2e][core]") {
  E2eServer server;
  TlsExecutor http(server.url);
  CoreDevice admin, worker;

  auto admin_enrol = admin.client.enrol(http, server.unit_code);
  REQUIRE(admin_enrol.ok());
  CHECK(admin_enrol->status == "active");

  auto pending = worker.client.enrol(http, std::nullopt);
  REQUIRE(pending.ok());
  CHECK(pending->status == "pending");
  REQUIRE_FALSE(pending->code.empty());

  auto early = worker.client.sync(http);
  REQUIRE_FALSE(early.ok());
  CHECK(early.error().code == Errc::locked);  // waiting for the admin

  auto wrong_fp = admin.client.approve(http, pending->code, "00000 00000 00000 00000 00000 00000", registry::Role::worker);
  REQUIRE_FALSE(wrong_fp.ok());
  CHECK(wrong_fp.error().code == Errc::forbidden);

  REQUIRE(admin.client.approve(http, pending->code, pending->fingerprint, registry::Role::worker).ok());

  worker.store.write("worker op 1");
  auto wr = worker.client.sync(http);
  INFO((wr.ok() ? std::string() : wr.error().message));
  REQUIRE(wr.ok());
  CHECK(wr->pushed == 1);

  admin.store.write("admin op 1");
  auto ar = admin.client.sync(http);
  INFO((ar.ok() ? std::string() : ar.error().message));
  REQUIRE(ar.ok());
  CHECK(admin.store.applied == std::vector<std::string>{"worker op 1\n"});

  REQUIRE(worker.client.sync(http).ok());
  CHECK(worker.store.applied == std::vector<std::string>{"admin op 1\n"});
}
