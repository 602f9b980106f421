// Durable pushes through 1, 2 and 4 varn-server processes on one throwaway
// PostgreSQL, against pgbench's TPC-B on the same cluster in the same run:
// a TPC-B transaction (three UPDATEs, a SELECT and an INSERT, committed) is
// the database's own measure of what one durable write transaction costs
// here, so the ratios travel between machines better than the absolute
// figures. Not a test: it prints figures.
#include "scale_bench.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "pg_cluster.hpp"
#include "protocol_driver.hpp"
#include "server_process.hpp"
#include "subprocess.hpp"
#include "test_check.hpp"
#include "varn/wire/batch_codec.hpp"

namespace varn::bench {
namespace {

using Clock = std::chrono::steady_clock;
using test::ServerProcess;
using test::TestDevice;
using test::TestUnit;

constexpr int kDevices = 8;       // pushing at once; also pgbench's clients
constexpr int kBatchSize = 64;    // change sets a push in the throughput phase
constexpr int kPgbenchScale = 8;  // TPC-B wants scale >= clients, or the clients queue on one branch row

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::string pg_bin() {
  if (const char* b = std::getenv("VARN_PG_BIN")) return b;
  return "/usr/lib/postgresql/15/bin";
}

//! "t3" of "postgresql:///t3?host=...".
std::string database_of(const std::string& uri) {
  const auto from = uri.find(":///") + 4;
  return uri.substr(from, uri.find('?') - from);
}

double number_after(const std::string& text, const std::string& key) {
  const auto at = text.find(key);
  return at == std::string::npos ? -1 : std::strtod(text.c_str() + at + key.size(), nullptr);
}

struct Pgbench {
  double tps = 0;
  double latency_ms = 0;  //!< pgbench's "latency average"
};

Pgbench run_pgbench(const std::string& database, int seconds) {
  const std::string& host = test::PgCluster::shared().dir();
  auto r = test::run_process({pg_bin() + "/pgbench", "-h", host, "-U", "varn", "-c", std::to_string(kDevices), "-j",
                              "2", "-T", std::to_string(seconds), database},
                             {}, std::chrono::seconds(seconds + 60));
  if (r.exit_code != 0) std::fprintf(stderr, "pgbench failed: %s\n", r.err.c_str());
  REQUIRE(r.exit_code == 0);
  Pgbench p;
  p.tps = number_after(r.out, "tps = ");
  p.latency_ms = number_after(r.out, "latency average = ");
  REQUIRE(p.tps > 0);
  REQUIRE(p.latency_ms > 0);
  return p;
}

double percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}

struct PushFigures {
  double batched_per_second = 0;  //!< change sets/s, pushes of kBatchSize
  double batched_pushes = 0;      //!< pushes/s in the same phase
  double single_per_second = 0;   //!< pushes/s of one change set each
  double p50_ms = 0, p99_ms = 0;  //!< of the single pushes
};

//! A unit more in the deployment's database, made as the operator would
//! (`varn-server init` on the data directory); answers its one-time code.
std::string init_unit(const ServerProcess& server, const std::string& uri, int n) {
  auto r = test::run_process({VARN_SERVER_BINARY, "init", "--data", server.data_dir, "--storage", uri, "--unit",
                              "Bench " + std::to_string(n)});
  REQUIRE(r.exit_code == 0);
  const auto at = r.out.find("code: ");
  REQUIRE(at != std::string::npos);
  return r.out.substr(at + 6, r.out.find('\n', at) - at - 6);
}

//! `processes` copies of one data directory on a fresh database, and
//! kDevices devices in `units` units (device d in unit d % units); device d
//! pushes to process d % processes, each on its own keep-alive connection.
PushFigures push_through(const std::string& uri, int processes, int units, int batches, int singles) {
  std::vector<std::unique_ptr<ServerProcess>> servers;
  servers.push_back(std::make_unique<ServerProcess>(std::vector<std::string>{"--storage", uri}));
  std::vector<std::string> codes{servers[0]->unit_code};
  for (int u = 1; u < units; ++u) codes.push_back(init_unit(*servers[0], uri, u));
  for (int i = 1; i < processes; ++i) {
    servers.push_back(std::make_unique<ServerProcess>(ServerProcess::CopyOf{*servers[0]}));
  }
  for (auto& s : servers) {
    // The bench pushes faster than one tablet's request rate; the rates are not measured here.
    s->extra_args = {"--storage", uri, "--device-request-burst", "100000", "--device-requests-per-second", "100000"};
    s->start();
  }
  test::TlsClient admin_client(servers[0]->port);
  test::ProtocolDriver driver(admin_client.transport());
  std::vector<TestUnit> unit_of;
  for (const auto& code : codes) unit_of.push_back(driver.make_unit(code));
  std::vector<TestDevice> devices;
  for (int i = 0; i < kDevices; ++i) {
    devices.push_back(driver.add_member(unit_of[static_cast<std::size_t>(i % units)], "worker"));
  }
  const auto unit = [&](int d) -> TestUnit& { return unit_of[static_cast<std::size_t>(d % units)]; };
  const auto path = [&](int d) { return test::unit_path(unit(d).unit) + "/changesets"; };
  const auto port_of = [&](int d) { return servers[static_cast<std::size_t>(d % processes)]->port; };

  // Sealed before the clock starts: the figures are the servers' and the database's, not the signing.
  std::vector<std::vector<Bytes>> batched(kDevices), single(kDevices);
  for (int d = 0; d < kDevices; ++d) {
    auto& device = devices[static_cast<std::size_t>(d)];
    for (int b = 0; b < batches; ++b) {
      std::vector<Bytes> batch;
      for (int i = 0; i < kBatchSize; ++i) {
        batch.push_back(device.seal_next(unit(d).unit, 1, unit(d).epoch_key, "bench note"));
      }
      batched[static_cast<std::size_t>(d)].push_back(wire::encode_push_body(batch));
    }
    for (int i = 0; i < singles; ++i) {
      single[static_cast<std::size_t>(d)].push_back(
          wire::encode_push_body({device.seal_next(unit(d).unit, 1, unit(d).epoch_key, "bench note")}));
    }
  }
  PushFigures f;
  {
    std::vector<std::thread> threads;
    const auto start = Clock::now();
    for (int d = 0; d < kDevices; ++d) {
      threads.emplace_back([&, d] {
        test::TlsClient client(port_of(d));
        for (const auto& body : batched[static_cast<std::size_t>(d)]) {
          auto r = client.request("POST", path(d), body, devices[static_cast<std::size_t>(d)].token);
          REQUIRE(r && r->status == 200);
        }
      });
    }
    for (auto& t : threads) t.join();
    const double took = seconds_since(start);
    f.batched_pushes = kDevices * batches / took;
    f.batched_per_second = f.batched_pushes * kBatchSize;
  }
  {
    std::vector<std::vector<double>> latencies(kDevices);
    std::vector<std::thread> threads;
    const auto start = Clock::now();
    for (int d = 0; d < kDevices; ++d) {
      threads.emplace_back([&, d] {
        test::TlsClient client(port_of(d));
        REQUIRE(client.connect());
        for (const auto& body : single[static_cast<std::size_t>(d)]) {
          const auto sent = Clock::now();
          auto r = client.request("POST", path(d), body, devices[static_cast<std::size_t>(d)].token);
          latencies[static_cast<std::size_t>(d)].push_back(seconds_since(sent) * 1000.0);
          REQUIRE(r && r->status == 200);
        }
      });
    }
    for (auto& t : threads) t.join();
    f.single_per_second = kDevices * singles / seconds_since(start);
    std::vector<double> all;
    for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
    f.p50_ms = percentile(all, 0.50);
    f.p99_ms = percentile(all, 0.99);
  }
  // Every acknowledged change set is in its unit's history, at one number each.
  std::uint64_t heads = 0;
  for (auto& u : unit_of) {
    auto head = driver.pull(u.admin, u.unit, 0, 1);
    REQUIRE(head.status == 200);
    heads += std::stoull(head.headers.at("varn-head"));
  }
  REQUIRE(heads == static_cast<std::uint64_t>(kDevices) * static_cast<std::uint64_t>(batches * kBatchSize + singles));
  for (auto& s : servers) REQUIRE(s->stop() == 0);
  return f;
}

}  // namespace

void postgresql_push(const ScaleOptions& options) {
  const int pgbench_seconds = options.long_run ? 15 : 3;
  const int batches = options.long_run ? 40 : 6;
  const int singles = options.long_run ? 200 : 30;
  auto& cluster = test::PgCluster::shared();
  const std::string pgbench_db = database_of(cluster.new_database());
  auto init = test::run_process({pg_bin() + "/pgbench", "-h", cluster.dir(), "-U", "varn", "-i", "-q", "-s",
                                 std::to_string(kPgbenchScale), pgbench_db},
                                {}, std::chrono::seconds(120));
  if (init.exit_code != 0) std::fprintf(stderr, "pgbench -i failed: %s\n", init.err.c_str());
  REQUIRE(init.exit_code == 0);
  std::printf(
      "postgresql: pgbench TPC-B (scale %d, %d clients, %d s, fsync on, synchronous_commit on) before and after "
      "each configuration; its ratios use the mean of the two\n",
      kPgbenchScale, kDevices, pgbench_seconds);
  std::fflush(stdout);
  // The machine's other work moves during the run (pgbench has moved 2x
  // within a minute here), so each configuration is held against the
  // pgbench runs on either side of it rather than one for the whole run.
  Pgbench before = run_pgbench(pgbench_db, pgbench_seconds);
  for (const auto& [processes, units] : {std::pair{1, 1}, {2, 1}, {4, 1}, {1, kDevices}, {4, kDevices}}) {
    const PushFigures f = push_through(cluster.new_database(), processes, units, batches, singles);
    const Pgbench after = run_pgbench(pgbench_db, pgbench_seconds);
    const double tps = (before.tps + after.tps) / 2, latency = (before.latency_ms + after.latency_ms) / 2;
    std::printf(
        "postgresql push, %d process%s, %d devices in %d unit%s (pgbench %.0f tps, latency average %.2f ms): "
        "batches of %d: %.0f change sets/s (%.1f pushes/s) = %.2fx pgbench tps; one change set a push: %.0f "
        "pushes/s = %.2fx pgbench tps, p50 %.2f ms, p99 %.2f ms = %.2fx pgbench's latency average\n",
        processes, processes == 1 ? "" : "es", kDevices, units, units == 1 ? "" : "s", tps, latency, kBatchSize,
        f.batched_per_second, f.batched_pushes, f.batched_per_second / tps, f.single_per_second,
        f.single_per_second / tps, f.p50_ms, f.p99_ms, f.p99_ms / latency);
    std::fflush(stdout);
    before = after;
  }
}

}  // namespace varn::bench
