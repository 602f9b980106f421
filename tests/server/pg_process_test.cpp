// Two real varn-server processes on one throwaway PostgreSQL cluster: the
// storage is shared, and a commit on one process answers a long-poll held
// on the other (LISTEN/NOTIFY).
#include <catch2/catch.hpp>

#include <filesystem>
#include <future>
#include <string>

#include "pg_cluster.hpp"
#include "server_process.hpp"
#include "varn/server/sqlite_db.hpp"
#include "varn/wire/batch_codec.hpp"

namespace varn::test {
namespace {

long long metric(TlsClient& client, const std::string& name) {
  auto r = client.request("GET", "/metrics", {}, {});
  REQUIRE(r);
  const std::string text(r->body.begin(), r->body.end());
  const auto at = text.find("\n" + name + " ");
  if (at == std::string::npos) return -1;
  return std::stoll(text.substr(at + name.size() + 2));
}

}  // namespace

TEST_CASE("two varn-server processes on one PostgreSQL: a long-poll held on one is answered when the other commits",
          "[server][process][postgresql]") {
  const std::string uri = PgCluster::shared().new_database();
  ServerProcess a({"--storage", uri});
  a.extra_args = {"--storage", uri};
  a.start();
  // The second process serves the same units with the same server key and
  // certificate (shared configuration), from its own copy of the directory.
  ServerProcess b({"--storage", uri});
  for (const char* file : {"server_key.bin", "cert.pem", "key.pem"}) {
    std::filesystem::copy_file(a.data_dir + "/" + file, b.data_dir + "/" + file,
                               std::filesystem::copy_options::overwrite_existing);
  }
  b.extra_args = {"--storage", uri};
  b.start();

  TlsClient ca(a.port);
  TlsClient cb(b.port);
  ProtocolDriver da(ca.transport());
  ProtocolDriver db(cb.transport());
  TestUnit u = da.make_unit(a.unit_code);
  const std::string token_a = u.admin.token;
  // Sessions live in each process: the device opens one on each.
  REQUIRE(db.open_session(u.admin).status == 200);
  const std::string token_b = u.admin.token;

  auto poll = std::async(std::launch::async, [&] {
    TlsClient poller(b.port);
    ProtocolDriver dp(poller.transport());
    TestDevice holder;  // a pull is authorised by its token only: the admin's session on B
    holder.token = token_b;
    return dp.pull(holder, u.unit, 0, 100, 30);
  });
  // Push only once B holds the poll, so the answer can only come from the wake.
  TlsClient watch(b.port);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (metric(watch, "varn_long_polls_waiting") != 1) {
    REQUIRE(std::chrono::steady_clock::now() < deadline);
    REQUIRE(poll.wait_for(std::chrono::milliseconds(20)) == std::future_status::timeout);
  }
  u.admin.token = token_a;
  const Bytes envelope = u.admin.seal_next(u.unit, 1, u.epoch_key, "hello from process A");
  auto pushed = da.push(u.admin, u.unit, {envelope});
  REQUIRE(pushed.status == 200);

  // ServerProcess caps long-polls at 5 s: an answer without the wake would be empty.
  REQUIRE(poll.wait_for(std::chrono::seconds(20)) == std::future_status::ready);
  auto answer = poll.get();
  REQUIRE(answer.status == 200);
  auto page = wire::decode_pull_body(answer.body, 100);
  REQUIRE(page.ok());
  REQUIRE(page->size() == 1);
  CHECK((*page)[0].seq == 1);
  CHECK((*page)[0].envelope == envelope);
  CHECK(a.stop() == 0);
  CHECK(b.stop() == 0);
}

TEST_CASE("migrate refuses a directory a server is serving, then copies SQLite to PostgreSQL, and the device syncs on",
          "[server][process][postgresql]") {
  const std::string uri = PgCluster::shared().new_database();
  ServerProcess sqlite;
  sqlite.start();
  TlsClient c1(sqlite.port);
  ProtocolDriver d1(c1.transport());
  TestUnit u = d1.make_unit(sqlite.unit_code);
  std::vector<Bytes> sent;
  for (int i = 0; i < 3; ++i) sent.push_back(u.admin.seal_next(u.unit, 1, u.epoch_key, "note " + std::to_string(i)));
  REQUIRE(d1.push(u.admin, u.unit, sent).status == 200);

  auto live = run_process({VARN_SERVER_BINARY, "migrate", "--from", sqlite.data_dir, "--to", uri});
  CHECK(live.exit_code == 1);
  CHECK(live.err.find("another varn-server is serving") != std::string::npos);
  REQUIRE(sqlite.stop() == 0);

  // A copy whose second change set was altered on disk is refused whole:
  // nothing of it is committed, so the real copy below still finds no unit.
  const std::string tampered = sqlite.dir + "/tampered";
  std::filesystem::copy(sqlite.data_dir, tampered);
  std::filesystem::remove(tampered + "/lock");
  {
    auto db = server::SqliteDb::open(tampered + "/varn.db", true);
    REQUIRE(db.ok());
    REQUIRE((*db)->exec("UPDATE changesets SET bytes = substr(bytes, 1, length(bytes) - 1) || "
                        "CASE WHEN substr(bytes, -1) = x'00' THEN x'01' ELSE x'00' END WHERE seq = 2").ok());
  }
  auto refused = run_process({VARN_SERVER_BINARY, "migrate", "--from", tampered, "--to", uri});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("change set 2 differs after the copy") != std::string::npos);

  auto moved = run_process({VARN_SERVER_BINARY, "migrate", "--from", sqlite.data_dir, "--to", uri});
  REQUIRE(moved.exit_code == 0);
  CHECK(moved.out.find("changesets: 3 verified") != std::string::npos);
  CHECK(moved.out.find("registry entries: 2 verified") != std::string::npos);
  // A second copy into the same database stores nothing twice.
  auto again = run_process({VARN_SERVER_BINARY, "migrate", "--from", sqlite.data_dir, "--to", uri});
  CHECK(again.exit_code == 1);

  // The same key and certificate, now over PostgreSQL: the device goes on.
  ServerProcess pg({"--storage", uri});
  for (const char* file : {"server_key.bin", "cert.pem", "key.pem"}) {
    std::filesystem::copy_file(sqlite.data_dir + "/" + file, pg.data_dir + "/" + file,
                               std::filesystem::copy_options::overwrite_existing);
  }
  pg.extra_args = {"--storage", uri};
  pg.start();
  TlsClient c2(pg.port);
  ProtocolDriver d2(c2.transport());
  REQUIRE(d2.open_session(u.admin).status == 200);
  auto pulled = d2.pull(u.admin, u.unit, 0, 100);
  REQUIRE(pulled.status == 200);
  auto page = wire::decode_pull_body(pulled.body, 100);
  REQUIRE(page.ok());
  REQUIRE(page->size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK((*page)[i].seq == i + 1);
    CHECK((*page)[i].envelope == sent[i]);
  }
  const Bytes next = u.admin.seal_next(u.unit, 1, u.epoch_key, "after the move");
  auto pushed = d2.push(u.admin, u.unit, {next});
  REQUIRE(pushed.status == 200);
  CHECK(pushed.json()["results"][0]["seq"] == 4);
  CHECK(pg.stop() == 0);
}

}  // namespace varn::test
