// The scaled form under a storm: three varn-server processes (copies of one
// data directory) on one throwaway PostgreSQL, behind a real HAProxy in TCP
// mode (TLS passed through), and 20 devices pushing and pulling through it.
// One process is SIGKILLed mid-storm and restarted on its port.
#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "haproxy_process.hpp"
#include "pg_cluster.hpp"
#include "server_process.hpp"
#include "varn/wire/batch_codec.hpp"

namespace varn::test {
namespace {

constexpr int kDevices = 20;
constexpr int kMaxPushesPerDevice = 60;   // bounds the storm if the phases below end early
constexpr int kAttemptsPerRequest = 40;   // a request is retried across the kill, never forever
constexpr int kRequestsPerConnection = 4; // then a new connection, so HAProxy spreads the devices

//! What one device did and saw; read by the test thread once it has joined.
struct DeviceLog {
  TestDevice device;
  std::vector<std::pair<Bytes, std::uint64_t>> acked;  // envelope, the sequence number it was acknowledged at
  std::vector<Bytes> seen;                              // the unit's log as this device pulled it, seq 1.. in order
  std::vector<std::string> problems;                    // anything a device must never see
  int reconnects = 0;
};

//! The change sets the test counts as served by one process: its changesets route answered 200.
long long changesets_served(unsigned short port) {
  TlsClient client(port);
  auto r = client.request("GET", "/metrics", {}, {});
  if (!r || r->status != 200) return -1;
  const std::string text(r->body.begin(), r->body.end());
  const std::string key = "varn_requests_total{route=\"/v1/units/{u}/changesets\",status=\"200\"} ";
  const auto at = text.find(key);
  return at == std::string::npos ? 0 : std::stoll(text.substr(at + key.size()));
}

class Storm {
 public:
  Storm(unsigned short proxy_port, const wire::UnitId& unit, const crypto::SecretBuffer& key)
      : port_(proxy_port), unit_(unit), key_(key) {}

  void run(DeviceLog& log) {
    auto client = std::make_unique<TlsClient>(port_);
    int on_connection = 0;
    const std::string path = "/v1/units/" + to_hex(unit_) + "/changesets";
    // One request, retried through dropped connections and 5xx answers.
    auto send = [&](const std::string& method, const std::string& target, const Bytes& body) -> std::optional<TestResponse> {
      for (int attempt = 0; attempt < kAttemptsPerRequest; ++attempt) {
        if (++on_connection > kRequestsPerConnection) {
          client = std::make_unique<TlsClient>(port_);
          on_connection = 1;
          ++log.reconnects;
        }
        auto r = client->request(method, target, body, log.device.token);
        if (r && r->status < 500) return r;
        client = std::make_unique<TlsClient>(port_);  // gone mid-answer, or a 5xx: a fresh connection
        on_connection = 0;
        ++log.reconnects;
      }
      return std::nullopt;
    };
    for (int i = 0; i < kMaxPushesPerDevice && !stop_.load(); ++i) {
      const Bytes envelope = log.device.seal_next(unit_, 1, key_, "storm " + to_hex(log.device.id()) + " " + std::to_string(i));
      // The same bytes until acknowledged: a retry of a push that committed
      // before its answer was lost is a duplicate with the same number.
      auto pushed = send("POST", path, wire::encode_push_body({envelope}));
      if (!pushed || pushed->status != 200) {
        log.problems.push_back("push " + std::to_string(i) + " never acknowledged: " +
                               (pushed ? std::to_string(pushed->status) + " " + pushed->error_code() : "no answer"));
        return;
      }
      log.acked.emplace_back(envelope, pushed->json()["results"][0]["seq"].get<std::uint64_t>());
      {
        const std::lock_guard lock(mutex_);
        ++acks_;
      }
      progress_.notify_all();
      if (!pull(log, send, path)) return;
    }
  }

  //! Pulls from the device's cursor to the head, checking every page starts
  //! right after it and has no gap.
  template <typename Send>
  bool pull(DeviceLog& log, Send& send, const std::string& path) {
    for (;;) {
      auto r = send("GET", path + "?after=" + std::to_string(log.seen.size()) + "&limit=1000", {});
      if (!r || r->status != 200) {
        log.problems.push_back("pull refused: " + (r ? std::to_string(r->status) + " " + r->error_code() : "no answer"));
        return false;
      }
      auto page = wire::decode_pull_body(r->body, 1000);
      if (!page) {
        log.problems.push_back("pull page does not decode");
        return false;
      }
      if (page->empty()) return true;
      for (const auto& item : *page) {
        if (item.seq != log.seen.size() + 1) {
          log.problems.push_back("gap: expected " + std::to_string(log.seen.size() + 1) + ", pulled " +
                                 std::to_string(item.seq));
          return false;
        }
        log.seen.push_back(item.envelope);
      }
    }
  }

  //! Waits (bounded) until at least `n` pushes were acknowledged in all.
  bool wait_for_acks(int n, std::chrono::seconds within) {
    std::unique_lock lock(mutex_);
    return progress_.wait_for(lock, within, [&] { return acks_ >= n; });
  }
  int acks() {
    const std::lock_guard lock(mutex_);
    return acks_;
  }
  void stop() { stop_ = true; }

  unsigned short port_;
  wire::UnitId unit_;
  const crypto::SecretBuffer& key_;

 private:
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::condition_variable progress_;
  int acks_ = 0;
};

}  // namespace

TEST_CASE("three varn-server processes behind HAProxy on one PostgreSQL, one SIGKILLed and restarted mid-storm: "
          "no acknowledged change set lost or stored twice, no puller skips a number, every device converges",
          "[server][process][postgresql][storm]") {
  const auto started = std::chrono::steady_clock::now();
  std::string phases;  // milliseconds since the start at each phase, for the report
  const auto mark = [&](const char* phase) {
    phases += std::string(" ") + phase + "@" +
              std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
  };
  const std::string uri = PgCluster::shared().new_database();
  ServerProcess first({"--storage", uri});
  ServerProcess second(ServerProcess::CopyOf{first});
  ServerProcess third(ServerProcess::CopyOf{first});
  std::vector<ServerProcess*> servers{&first, &second, &third};
  for (auto* s : servers) {
    // The storm asks faster than one tablet's rate; the rates are not under test here.
    s->extra_args = {"--storage", uri, "--device-request-burst", "100000", "--device-requests-per-second", "100000"};
    s->start();
  }
  HaproxyProcess proxy(first.dir, {first.port, second.port, third.port});

  // The unit and its 20 devices, enrolled through the proxy like the storm's requests.
  TlsClient admin_client(proxy.port);
  ProtocolDriver admin(admin_client.transport());
  TestUnit u = admin.make_unit(first.unit_code);
  std::vector<DeviceLog> logs(kDevices);
  for (auto& log : logs) log.device = admin.add_member(u, "worker");

  mark("enrolled");
  Storm storm(proxy.port, u.unit, u.epoch_key);
  std::vector<std::thread> threads;
  for (auto& log : logs) threads.emplace_back([&storm, &log] { storm.run(log); });
  struct Joiner {
    Storm& storm;
    std::vector<std::thread>& threads;
    ~Joiner() {
      storm.stop();
      for (auto& t : threads) {
        if (t.joinable()) t.join();
      }
    }
  } joiner{storm, threads};

  // Mid-storm: the second process has served pushes, then dies at once.
  REQUIRE(storm.wait_for_acks(60, std::chrono::seconds(30)));
  CHECK(changesets_served(second.port) > 0);
  mark("kill");
  second.kill();
  const int at_kill = storm.acks();
  // The other two carry the storm alone.
  REQUIRE(storm.wait_for_acks(at_kill + 60, std::chrono::seconds(30)));
  mark("restart");
  second.listen = "127.0.0.1:" + std::to_string(second.port);
  second.start();
  // Back behind the proxy: it serves the storm again (HAProxy checks every 200 ms).
  const auto back_by = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  long long served_after_restart = 0;
  while ((served_after_restart = changesets_served(second.port)) < 10 && std::chrono::steady_clock::now() < back_by) {
    REQUIRE(storm.wait_for_acks(storm.acks() + 10, std::chrono::seconds(20)));
  }
  CHECK(served_after_restart >= 10);
  mark("stop");
  storm.stop();
  for (auto& t : threads) t.join();

  // Everyone catches up to the head through the proxy.
  std::size_t acked_in_all = 0;
  int reconnects = 0;
  for (auto& log : logs) {
    INFO("device " << to_hex(log.device.id()));
    for (const auto& p : log.problems) FAIL_CHECK(p);
    TlsClient client(proxy.port);
    ProtocolDriver driver(client.transport());
    for (;;) {
      auto r = driver.pull(log.device, u.unit, log.seen.size(), 1000);
      REQUIRE(r.status == 200);
      auto page = wire::decode_pull_body(r.body, 1000);
      REQUIRE(page.ok());
      if (page->empty()) break;
      for (const auto& item : *page) {
        REQUIRE(item.seq == log.seen.size() + 1);
        log.seen.push_back(item.envelope);
      }
    }
    acked_in_all += log.acked.size();
    reconnects += log.reconnects;
  }
  mark("caught_up");
  // One history, the same on every device, holding each acknowledged change
  // set once, at the number its push was answered with, and nothing else.
  const auto& history = logs.front().seen;
  for (const auto& log : logs) CHECK(log.seen == history);
  CHECK(history.size() == acked_in_all);
  std::set<Bytes> distinct(history.begin(), history.end());
  CHECK(distinct.size() == history.size());
  std::size_t misplaced = 0;
  for (const auto& log : logs) {
    for (const auto& [envelope, seq] : log.acked) {
      if (seq == 0 || seq > history.size() || history[seq - 1] != envelope) ++misplaced;
    }
  }
  CHECK(misplaced == 0);
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  // To stderr, not WARN: Catch2 2.13's console reporter asserts (in a build
  // with assertions) when it wraps this test's long name over a warning.
  std::cerr << "storm: " << acked_in_all << " change sets acknowledged, " << reconnects << " reconnects, "
            << took.count() << " ms from the first process's start; phases:" << phases << "\n";
  for (auto* s : servers) CHECK(s->stop() == 0);
}

}  // namespace varn::test

namespace varn::test {

TEST_CASE("docs/DEPLOY.md shows the HAProxy configuration the storm test runs", "[server][docs]") {
  const std::string doc = read_file(std::string(VARN_DOCS_DIR) + "/DEPLOY.md");
  const std::string begin = "<!-- haproxy.cfg: begin -->\n```\n";
  const auto from = doc.find(begin);
  const auto to = doc.find("```\n<!-- haproxy.cfg: end -->");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  CHECK(doc.substr(from + begin.size(), to - from - begin.size()) ==
        HaproxyProcess::config(":8443", {8444, 8445, 8446}));
}

}  // namespace varn::test
