// Tests against the real varn-server process on 127.0.0.1: plaintext never
// reaches disk or logs, SIGKILL loses no acknowledged push, pullers never
// skip a sequence number, bad HTTP gets a clear status, SIGTERM exits 0.
#include <sys/stat.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "server_process.hpp"
#include "varn/crypto/hash.hpp"
#include "varn/wire/batch_codec.hpp"

namespace varn::test {
namespace {

std::string all_files_in(const std::string& dir) {
  std::string out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) out += read_file(entry.path().string());
  }
  return out;
}

std::vector<wire::SequencedEnvelope> pull_all(ProtocolDriver& driver, const TestDevice& device,
                                              const wire::UnitId& unit) {
  std::vector<wire::SequencedEnvelope> out;
  for (;;) {
    auto r = driver.pull(device, unit, out.empty() ? 0 : out.back().seq, 1000);
    REQUIRE(r.status == 200);
    auto page = wire::decode_pull_body(r.body, 1000);
    REQUIRE(page.ok());
    if (page->empty()) return out;
    for (auto& item : *page) out.push_back(std::move(item));
  }
}

}  // namespace

TEST_CASE("init makes a private data directory, the server answers over TLS and stops on SIGTERM",
          "[server][process]") {
  ServerProcess server;
  struct stat st {};
  REQUIRE(::stat(server.data_dir.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  REQUIRE(::stat((server.data_dir + "/key.pem").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(::stat((server.data_dir + "/server_key.bin").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(st.st_size == 32);
  // The MAC key of challenges and tokens, shared by copies of the directory.
  REQUIRE(::stat((server.data_dir + "/session_key.bin").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(st.st_size == 32);
  CHECK(server.server_key.size() == 64);
  server.start();
  TlsClient client(server.port);
  auto health = client.request("GET", "/healthz", {}, {});
  REQUIRE(health);
  CHECK(health->status == 200);
  auto garbage = client.raw("NOT HTTP AT ALL\r\n\r\n");
  REQUIRE(garbage);
  CHECK(garbage->status == 400);
  auto huge = client.raw("POST /v1/enrol HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n{");
  REQUIRE(huge);
  CHECK(huge->status == 413);
  CHECK(huge->error_code() == "too_large");
  // The key init printed is the one devices pin, across restarts.
  ProtocolDriver driver(client.transport());
  TestDevice device;
  CHECK(driver.enrol(device, std::nullopt).json()["server_key"] == server.server_key);
  CHECK(server.stop() == 0);
  server.start();
  TlsClient again(server.port);
  ProtocolDriver driver_again(again.transport());
  CHECK(driver_again.enrol(device, std::nullopt).json()["server_key"] == server.server_key);
  auto metrics = again.request("GET", "/metrics", {}, {});
  REQUIRE(metrics);
  CHECK(std::string(metrics->body.begin(), metrics->body.end()).find("varn_connections_open") != std::string::npos);
  CHECK(server.stop() == 0);
}

TEST_CASE("every file the server makes is 0600, and a data directory others may write is refused",
          "[server][process][files]") {
  ServerProcess server;
  server.start();
  {
    TlsClient client(server.port);
    ProtocolDriver driver(client.transport());
    (void)driver.make_unit(server.unit_code);
  }
  for (const auto& entry : std::filesystem::directory_iterator(server.data_dir)) {
    struct stat st {};
    REQUIRE(::lstat(entry.path().c_str(), &st) == 0);
    INFO(entry.path());
    CHECK(S_ISREG(st.st_mode));
    CHECK((st.st_mode & 0777) == 0600);
  }
  REQUIRE(server.stop() == 0);

  REQUIRE(::chmod(server.data_dir.c_str(), 0777) == 0);
  auto refused = run_process({VARN_SERVER_BINARY, "serve", "--data", server.data_dir, "--listen", "127.0.0.1:0"}, {},
                             std::chrono::seconds(20));
  CHECK(refused.exit_code == 1);
  CHECK(refused.out.find("listening") == std::string::npos);
  CHECK(refused.err.find("may be written by other users") != std::string::npos);
  const std::string other = server.dir + "/open";
  REQUIRE(::mkdir(other.c_str(), 0777) == 0);
  REQUIRE(::chmod(other.c_str(), 0777) == 0);
  auto init = run_process({VARN_SERVER_BINARY, "init", "--data", other, "--unit", "X"}, {}, std::chrono::seconds(20));
  CHECK(init.exit_code == 1);
  REQUIRE(::chmod(server.data_dir.c_str(), 0700) == 0);
}

TEST_CASE("the data directory and the logs hold none of the plaintext", "[server][process]") {
  ServerProcess server;
  server.start();
  const std::vector<std::string> secrets = {"Anna Svensson", "19850412-2385", "Storgatan 17, Kiruna",
                                            "partner watches the phone"};
  {
    TlsClient client(server.port);
    ProtocolDriver driver(client.transport());
    auto unit = driver.make_unit(server.unit_code);
    auto worker = driver.add_member(unit, "worker");
    std::vector<Bytes> batch;
    for (const auto& s : secrets) batch.push_back(worker.seal_next(unit.unit, 1, unit.epoch_key, s));
    REQUIRE(driver.push(worker, unit.unit, batch).status == 200);
    REQUIRE(pull_all(driver, unit.admin, unit.unit).size() == secrets.size());
  }
  REQUIRE(server.stop() == 0);
  const std::string disk = all_files_in(server.data_dir);
  const std::string logs = read_file(server.log_path + ".1");
  CHECK(logs.find("\"event\":\"push\"") != std::string::npos);  // the log is there and says something
  for (const auto& s : secrets) {
    CHECK(disk.find(s) == std::string::npos);
    CHECK(logs.find(s) == std::string::npos);
  }
  CHECK(logs.find("Team Nord") == std::string::npos);        // the unit's name stays out of logs
  CHECK(disk.find(server.unit_code) == std::string::npos);  // only a hash of the code is kept
  CHECK(logs.find(server.unit_code) == std::string::npos);
}

TEST_CASE("SIGKILL during a push storm loses no acknowledged change set and stores none twice",
          "[server][process]") {
  ServerProcess server;
  server.start();
  TlsClient admin_client(server.port);
  ProtocolDriver admin_driver(admin_client.transport());
  auto unit = admin_driver.make_unit(server.unit_code);
  constexpr int kPushers = 4;
  std::vector<TestDevice> devices;
  for (int i = 0; i < kPushers; ++i) devices.push_back(admin_driver.add_member(unit, "worker"));

  std::mutex mutex;
  std::map<std::string, std::uint64_t> acked;  // change-set id -> sequence number
  std::atomic<int> total{0};
  std::vector<std::thread> pushers;
  for (int p = 0; p < kPushers; ++p) {
    pushers.emplace_back([&, p] {
      TlsClient client(server.port);
      auto& device = devices[static_cast<std::size_t>(p)];
      for (int round = 0; round < 1000; ++round) {
        std::vector<Bytes> batch;
        for (int i = 0; i < 4; ++i) batch.push_back(device.seal_next(unit.unit, 1, unit.epoch_key, "storm"));
        auto r = client.request("POST", unit_path(unit.unit) + "/changesets", wire::encode_push_body(batch),
                                device.token);
        if (!r || r->status != 200) return;  // the server is gone
        const auto results = r->json()["results"];
        const std::lock_guard lock(mutex);
        for (const auto& item : results) acked[item["id"].get<std::string>()] = item["seq"].get<std::uint64_t>();
        total += static_cast<int>(results.size());
      }
    });
  }
  // Kill once a fair number of pushes were acknowledged (bounded wait on the counter).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (total.load() < 400 && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
  server.kill();
  for (auto& t : pushers) t.join();
  REQUIRE(total.load() >= 400);

  server.start();
  TlsClient after(server.port);
  ProtocolDriver driver(after.transport());
  REQUIRE(driver.open_session(unit.admin).status == 200);
  const auto stored = pull_all(driver, unit.admin, unit.unit);
  std::map<std::string, std::uint64_t> by_id;
  for (std::size_t i = 0; i < stored.size(); ++i) {
    CHECK(stored[i].seq == i + 1);  // no gaps
    auto env = wire::decode_envelope(stored[i].envelope);
    REQUIRE(env.ok());
    CHECK(by_id.emplace(to_hex(env->header.id), stored[i].seq).second);  // none twice
  }
  for (const auto& [id, seq] : acked) {
    auto it = by_id.find(id);
    REQUIRE(it != by_id.end());
    CHECK(it->second == seq);
  }
  CHECK(server.stop() == 0);
}

TEST_CASE("a puller racing concurrent pushers never skips a sequence number", "[server][process]") {
  ServerProcess server;
  server.start();
  TlsClient admin_client(server.port);
  ProtocolDriver admin_driver(admin_client.transport());
  auto unit = admin_driver.make_unit(server.unit_code);
  constexpr int kPushers = 3, kRounds = 40, kBatch = 3;
  std::vector<TestDevice> devices;
  for (int i = 0; i < kPushers; ++i) devices.push_back(admin_driver.add_member(unit, "worker"));

  std::atomic<bool> gap{false};
  std::uint64_t cursor = 0;
  std::thread puller([&] {
    TlsClient client(server.port);
    ProtocolDriver driver(client.transport());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (cursor < kPushers * kRounds * kBatch && std::chrono::steady_clock::now() < deadline) {
      auto r = driver.pull(unit.admin, unit.unit, cursor, 5, 1);
      if (r.status != 200) return;
      auto page = wire::decode_pull_body(r.body, 5);
      if (!page) return;
      for (const auto& item : *page) {
        if (item.seq != cursor + 1) gap = true;
        cursor = item.seq;
      }
    }
  });
  std::vector<std::thread> pushers;
  for (int p = 0; p < kPushers; ++p) {
    pushers.emplace_back([&, p] {
      TlsClient client(server.port);
      auto& device = devices[static_cast<std::size_t>(p)];
      for (int round = 0; round < kRounds; ++round) {
        std::vector<Bytes> batch;
        for (int i = 0; i < kBatch; ++i) batch.push_back(device.seal_next(unit.unit, 1, unit.epoch_key, "race"));
        auto r = client.request("POST", unit_path(unit.unit) + "/changesets", wire::encode_push_body(batch),
                                device.token);
        if (!r || r->status != 200) return;
      }
    });
  }
  for (auto& t : pushers) t.join();
  puller.join();
  CHECK_FALSE(gap.load());
  CHECK(cursor == kPushers * kRounds * kBatch);
  CHECK(server.stop() == 0);
}

}  // namespace varn::test

namespace varn::test {

TEST_CASE("the per-address cap on enrolment requests counts the socket's address, whatever a client claims",
          "[server][process][dos]") {
  ServerProcess server;
  server.extra_args = {"--max-pending-per-peer", "2"};
  server.start();
  TlsClient client(server.port);
  std::vector<unsigned> statuses;
  for (int i = 0; i < 3; ++i) {
    TestDevice d;
    const Bytes bundle = d.identity.public_bundle().encode();
    const auto signature = d.identity.signing().sign(crypto::labelled_hash("varn/enrol-request/v1", {bundle}));
    const std::string body = nlohmann::json{{"bundle", to_base64(bundle)}, {"signature", to_base64(signature)}}.dump();
    // Each claims another address; the server counts 127.0.0.1 for all three.
    auto r = client.raw("POST /v1/enrol HTTP/1.1\r\nHost: x\r\nVarn-Peer: 10.0.0." + std::to_string(i) +
                        "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                        "\r\n\r\n" + body);
    REQUIRE(r);
    statuses.push_back(r->status);
  }
  CHECK(statuses == std::vector<unsigned>{202, 202, 429});
  CHECK(server.stop() == 0);
}

}  // namespace varn::test
