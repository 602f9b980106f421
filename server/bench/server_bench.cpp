// varn-server-bench: the server's figures, each as a ratio against a limit
// measured in the same run, since absolute times move. Starts the real server
// process on 127.0.0.1 and drives it over TLS; the scaled form's sections
// run varn-server processes on a throwaway PostgreSQL cluster. Run by hand;
// not a test.
//
//   varn-server-bench [--long] [--only server|hostile|postgresql|pull]...
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "load_bench.hpp"
#include "scale_bench.hpp"
#include "server_process.hpp"
#include "test_check.hpp"
#include "varn/wire/batch_codec.hpp"

namespace {

using namespace varn;
using namespace varn::test;
using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point start) {
  return std::chrono::duration<double>(clock_type::now() - start).count();
}

double ed25519_verifies_per_second() {
  TestDevice d;
  const auto key = crypto::SecretBuffer::random(32);
  const Bytes sealed = d.seal_next(wire::UnitId{}, 1, key, "x");
  auto env = wire::decode_envelope(sealed);
  REQUIRE(env.ok());
  long long n = 0;
  const auto start = clock_type::now();
  while (seconds_since(start) < 1.0) {
    for (int i = 0; i < 64; ++i) REQUIRE(wire::verify_envelope(*env, d.identity.signing().public_key()).ok());
    n += 64;
  }
  return static_cast<double>(n) / seconds_since(start);
}

long rss_kib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

std::vector<Bytes> seal_batch(TestDevice& d, const TestUnit& u, int n) {
  std::vector<Bytes> out;
  for (int i = 0; i < n; ++i) out.push_back(d.seal_next(u.unit, 1, u.epoch_key, "bench note"));
  return out;
}

void push_throughput(ServerProcess& server, TestUnit& unit, std::vector<TestDevice>& devices, double verifies) {
  constexpr int kThreads = 8, kBatches = 16, kBatchSize = 64;
  std::vector<std::vector<Bytes>> bodies(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    for (int b = 0; b < kBatches; ++b) {
      bodies[static_cast<std::size_t>(t)].push_back(
          wire::encode_push_body(seal_batch(devices[static_cast<std::size_t>(t)], unit, kBatchSize)));
    }
  }
  std::atomic<long> stored{0};
  const auto start = clock_type::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      TlsClient client(server.port);
      for (const auto& body : bodies[static_cast<std::size_t>(t)]) {
        auto r = client.request("POST", unit_path(unit.unit) + "/changesets", body,
                                devices[static_cast<std::size_t>(t)].token);
        REQUIRE(r && r->status == 200);
        stored += kBatchSize;
      }
    });
  }
  for (auto& th : threads) th.join();
  const double rate = static_cast<double>(stored.load()) / seconds_since(start);
  std::printf("durable push: %.0f change sets/s in batches of %d (ratio %.2f of Ed25519 verifies/s %.0f; goal >= 0.4)\n",
              rate, kBatchSize, rate / verifies, verifies);
}

void push_latency(ServerProcess& server, TestUnit& unit, std::vector<TestDevice>& devices) {
  constexpr int kPushes = 10;
  std::vector<std::vector<double>> per_device(devices.size());
  std::vector<std::thread> threads;
  for (std::size_t d = 0; d < devices.size(); ++d) {
    threads.emplace_back([&, d] {
      TlsClient client(server.port);
      REQUIRE(client.connect());
      for (int i = 0; i < kPushes; ++i) {
        const Bytes body = wire::encode_push_body(seal_batch(devices[d], unit, 1));
        const auto start = clock_type::now();
        auto r = client.request("POST", unit_path(unit.unit) + "/changesets", body, devices[d].token);
        per_device[d].push_back(seconds_since(start) * 1000.0);
        REQUIRE(r && r->status == 200);
      }
    });
  }
  for (auto& th : threads) th.join();
  std::vector<double> all;
  for (const auto& v : per_device) all.insert(all.end(), v.begin(), v.end());
  std::sort(all.begin(), all.end());
  const auto at = [&all](double q) { return all[static_cast<std::size_t>(q * static_cast<double>(all.size() - 1))]; };
  std::printf("push latency, %zu concurrent devices, 1 change set each: p50 %.2f ms, p99 %.2f ms\n", devices.size(),
              at(0.50), at(0.99));
}

long metric_open(TlsClient& probe) {
  auto r = probe.request("GET", "/metrics", {}, {});
  REQUIRE(r.has_value());
  const std::string text(r->body.begin(), r->body.end());
  const std::string name = "\nvarn_connections_open ";
  const auto at = text.find(name);
  return at == std::string::npos ? -1 : std::stol(text.substr(at + name.size()));
}

void idle_connection_memory(ServerProcess& server, const std::vector<TestDevice>& devices) {
  constexpr int kConnections = 500;
  TlsClient probe(server.port);
  REQUIRE(probe.request("GET", "/healthz", {}, {}).has_value());
  const long before = rss_kib(server.pid());
  // Each connection shows a token once and then idles, as a device's would:
  // the server lets connections that never authenticate go first (at most
  // 64 of them per address). The tokens are the 100 devices', as many
  // tablets would hold them (one device's request rate would refuse 500).
  std::vector<std::unique_ptr<TlsClient>> idle;
  for (int i = 0; i < kConnections; ++i) {
    idle.push_back(std::make_unique<TlsClient>(server.port));
    REQUIRE(idle.back()->connect());
    const auto& token = devices[static_cast<std::size_t>(i) % devices.size()].token;
    REQUIRE(idle.back()->request("GET", "/v1/me", {}, token).has_value());
  }
  REQUIRE(metric_open(probe) >= kConnections);
  const long after = rss_kib(server.pid());
  const double per = static_cast<double>(after - before) / kConnections;
  std::printf("memory per idle TLS connection: %.1f KiB (RSS %ld -> %ld KiB over %d connections; goal <= 32 KiB)\n",
              per, before, after, kConnections);
}

}  // namespace

int main(int argc, char** argv) {
  varn::bench::ScaleOptions scale;
  std::set<std::string> only;
  const std::set<std::string> sections{"server", "hostile", "postgresql", "pull"};
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--long") {
      scale.long_run = true;
    } else if (arg == "--only" && i + 1 < argc && sections.contains(argv[i + 1])) {
      only.insert(argv[++i]);
    } else {
      std::fprintf(stderr,
                   "usage: varn-server-bench [--long] [--only server|hostile|postgresql|pull]...\n"
                   "  --long  longer pushes and pgbench, and pull history up to 1M change sets\n");
      return 2;
    }
  }
  const auto runs = [&only](const char* section) { return only.empty() || only.contains(section); };
  std::puts("# varn-server-bench: the real server on 127.0.0.1, ratios against limits measured in this run");
  std::fflush(stdout);
  bool stopped = true;
  if (runs("server")) {
    const double verifies = ed25519_verifies_per_second();
    ServerProcess server;
    server.start();
    TlsClient admin_client(server.port);
    ProtocolDriver driver(admin_client.transport());
    auto unit = driver.make_unit(server.unit_code);
    std::vector<TestDevice> devices;
    for (int i = 0; i < 100; ++i) devices.push_back(driver.add_member(unit, "worker"));
    push_throughput(server, unit, devices, verifies);
    push_latency(server, unit, devices);
    idle_connection_memory(server, devices);
    stopped = server.stop() == 0;
  }
  if (runs("postgresql")) varn::bench::postgresql_push(scale);
  if (runs("pull")) varn::bench::pull_growth(scale);
  // Last, on a server of its own, so its peak memory is the load's.
  const bool load_stopped = !runs("hostile") || varn::bench::hostile_load();
  return stopped && load_stopped ? 0 : 1;
}
