// Sessions across processes: two real varn-server processes of one
// deployment (copies of one data directory) on one throwaway PostgreSQL.
// Any process serves any request of any device, a challenge opens one
// session wherever it is answered, and a revocation posted at one process
// is refused at once by every process.
#include <catch2/catch.hpp>

#include <string>

#include "pg_cluster.hpp"
#include "server_process.hpp"

namespace varn::test {
namespace {

//! Two processes on one new database: `b` runs on a copy of `a`'s directory.
struct TwoProcesses {
  std::string uri = PgCluster::shared().new_database();
  ServerProcess a{{"--storage", uri}};
  ServerProcess b{ServerProcess::CopyOf{a}};
  TwoProcesses() {
    a.extra_args = {"--storage", uri};
    b.extra_args = {"--storage", uri};
    a.start();
    b.start();
  }
};

}  // namespace

TEST_CASE("a session opened at one process is good at another, and a challenge opens one session wherever it is answered",
          "[server][process][postgresql][sessions]") {
  TwoProcesses p;
  TlsClient ca(p.a.port);
  TlsClient cb(p.b.port);
  ProtocolDriver da(ca.transport());
  ProtocolDriver db(cb.transport());
  TestUnit u = da.make_unit(p.a.unit_code);

  // The token A gave is accepted by B, for every kind of call.
  auto me = db.call("GET", "/v1/me", {}, u.admin.token);
  CHECK(me.status == 200);
  CHECK(me.json()["status"] == "active");
  const Bytes envelope = u.admin.seal_next(u.unit, 1, u.epoch_key, "written through B");
  auto pushed = db.push(u.admin, u.unit, {envelope});
  REQUIRE(pushed.status == 200);
  CHECK(pushed.json()["results"][0]["seq"] == 1);
  auto pulled = da.pull(u.admin, u.unit, 0, 10);
  CHECK(pulled.status == 200);

  // A challenge issued by A is answered at B; the same answer again, at
  // either process, opens nothing.
  const auto answer = da.signed_challenge(u.admin);
  auto opened = db.answer_challenge(u.admin, answer);
  REQUIRE(opened.status == 200);
  CHECK(da.call("GET", "/v1/me", {}, u.admin.token).status == 200);
  for (ProtocolDriver* at : {&da, &db}) {
    auto replay = at->answer_challenge(u.admin, answer);
    CHECK(replay.status == 401);
    CHECK(replay.error_code() == "unknown_challenge");
  }

  // One changed hex digit anywhere in the token: refused by both.
  const std::string token = u.admin.token;
  for (std::size_t i = 0; i < token.size(); i += 7) {
    std::string forged = token;
    forged[i] = forged[i] == 'a' ? 'b' : 'a';
    INFO("digit " << i);
    CHECK(da.call("GET", "/v1/me", {}, forged).status == 401);
    CHECK(db.call("GET", "/v1/me", {}, forged).status == 401);
  }
  // The session secret never appears in the logs, nor any token.
  CHECK(p.a.stop() == 0);
  CHECK(p.b.stop() == 0);
  for (const ServerProcess* s : {&p.a, &p.b}) {
    const std::string log = read_file(s->log_path + ".1");
    CHECK(log.find("session_open") != std::string::npos);
    CHECK(log.find(token) == std::string::npos);
    CHECK(log.find(token.substr(0, 40)) == std::string::npos);
  }
}

TEST_CASE("a device revoked through one process is refused at once by both, whichever process made its session",
          "[server][process][postgresql][sessions]") {
  TwoProcesses p;
  TlsClient ca(p.a.port);
  TlsClient cb(p.b.port);
  ProtocolDriver da(ca.transport());
  ProtocolDriver db(cb.transport());
  TestUnit u = da.make_unit(p.a.unit_code);
  TestDevice worker = da.add_member(u, "worker");  // its session from A
  const std::string token_a = worker.token;
  REQUIRE(db.open_session(worker).status == 200);  // and one from B
  const std::string token_b = worker.token;
  REQUIRE(db.push(worker, u.unit, {worker.seal_next(u.unit, 1, u.epoch_key, "before")}).status == 200);

  auto entry = ProtocolDriver::next_entry(u, registry::EntryKind::revoke);
  entry.subject = worker.id();
  REQUIRE(da.post_entry(u, entry, nlohmann::json::array()).status == 200);

  for (ProtocolDriver* at : {&da, &db}) {
    for (const std::string& token : {token_a, token_b}) {
      worker.token = token;
      auto pull = at->pull(worker, u.unit, 0, 10);
      CHECK(pull.status == 403);
      CHECK(pull.error_code() == "revoked");
      auto push = at->push(worker, u.unit, {worker.seal_next(u.unit, 1, u.epoch_key, "after")});
      CHECK(push.status == 403);
      auto me = at->call("GET", "/v1/me", {}, token);
      CHECK(me.status == 403);
      CHECK(me.error_code() == "revoked");
    }
    auto session = at->open_session(worker);
    CHECK(session.status == 403);
    CHECK(session.error_code() == "revoked");
  }
  // The admin's sessions, from either process, go on.
  CHECK(db.pull(u.admin, u.unit, 0, 10).status == 200);
  CHECK(p.a.stop() == 0);
  CHECK(p.b.stop() == 0);
}

}  // namespace varn::test
