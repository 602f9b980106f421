// Hostile load (docs/PROTOCOL.md, "Limits"): the latency and errors of 20 real
// devices under attack, against the same workload measured quietly in this
// run, and the server's peak memory. Not a test: it prints figures and goals.
//
// Real devices connect from 127.0.0.1; every attacker from addresses of its
// own (127.0.1.x and up), as strangers on the internet would, so the
// per-address cap on unauthenticated connections works against them and
// not against the devices' fresh connections. At the global cap the oldest
// unauthenticated connection goes, which is intended: the attackers simply
// open their connections again, and that churn is part of the load.
#include "load_bench.hpp"

#include "bench_cpu.hpp"
#include "load_links.hpp"

#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <latch>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "protocol_driver.hpp"
#include "raw_tls.hpp"
#include "server_process.hpp"
#include "test_check.hpp"
#include "varn/crypto/random.hpp"
#include "varn/server/config.hpp"
#include "varn/wire/batch_codec.hpp"

namespace varn::bench {
namespace {

using test::TestDevice;
using test::TestUnit;

// The real devices' workload, the same in both phases.
constexpr std::size_t kDevices = 20;
constexpr int kRounds = 120;
constexpr std::chrono::milliseconds kRoundEvery{100};  // per device; the devices are staggered
constexpr int kBatch = 4;                              // change sets a push
constexpr std::size_t kPullLimit = 200;
// The attackers.
constexpr std::size_t kIdleConnections = 1000;
constexpr std::size_t kIdleThreads = 4;
constexpr std::size_t kIdleAddresses = 16;  // 62-63 connections each: under the per-address cap
constexpr std::size_t kBodyConnections = 64;
constexpr std::size_t kBodyAddresses = 2;
constexpr std::size_t kAnnounced = 31 * kMiB;
constexpr std::size_t kFloodThreads = 2;
constexpr std::chrono::milliseconds kTrickleEvery{100};  // one byte of the slow head
constexpr std::chrono::seconds kAnswerGuard{5};          // an attacker's wait for its answer

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double mib(long kib) { return static_cast<double>(kib) / 1024.0; }

// ---- the real devices ----

struct PhaseResult {
  std::vector<double> all, push, pull;  //!< request latencies, ms
  long requests = 0;
  long errors = 0;
  long transport_errors = 0;
  long reconnects = 0;  //!< connections opened beyond each device's first
  std::vector<std::string> first_errors;
  double seconds = 0;
  std::string cpu;
};

double percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}

std::string describe(const std::string& what, const std::optional<Answer>& a) {
  if (!a) return what + ": transport failure";
  std::string body = a->body.substr(0, 120);
  return what + ": " + std::to_string(a->status) + " " + body;
}

//! Every device does kRounds of push + pull from 127.0.0.1, one round every
//! kRoundEvery, each device on a fresh connection; every request is timed.
PhaseResult device_workload(unsigned short port, pid_t server, TestUnit& unit, std::vector<TestDevice>& devices,
                            std::uint64_t head) {
  // Sealed before the clock starts: the figure is the server's, not the signing.
  std::vector<std::vector<std::string>> bodies(devices.size());
  for (std::size_t d = 0; d < devices.size(); ++d) {
    for (int r = 0; r < kRounds; ++r) {
      std::vector<Bytes> batch;
      for (int i = 0; i < kBatch; ++i) batch.push_back(devices[d].seal_next(unit.unit, 1, unit.epoch_key, "load"));
      const Bytes body = wire::encode_push_body(batch);
      bodies[d].emplace_back(body.begin(), body.end());
    }
  }
  const std::string changesets = test::unit_path(unit.unit) + "/changesets";
  std::vector<PhaseResult> per(devices.size());
  std::latch go(static_cast<std::ptrdiff_t>(devices.size() + 1));
  std::vector<std::thread> threads;
  for (std::size_t d = 0; d < devices.size(); ++d) {
    threads.emplace_back([&, d] {
      PhaseResult& out = per[d];
      Link link(port, "127.0.0.1");
      std::uint64_t cursor = head;
      const auto fail = [&](const std::string& what, const std::optional<Answer>& a) {
        ++out.errors;
        if (!a) ++out.transport_errors;
        if (out.first_errors.size() < 3) out.first_errors.push_back(describe(what, a));
      };
      go.arrive_and_wait();
      auto next = Clock::now() + kRoundEvery * static_cast<long>(d) / static_cast<long>(devices.size());
      for (int r = 0; r < kRounds; ++r) {
        std::this_thread::sleep_until(next);  // pacing: a device's round, not synchronisation
        next += kRoundEvery;
        auto start = Clock::now();
        auto pushed = link.request("POST", changesets, bodies[d][static_cast<std::size_t>(r)], devices[d].token);
        out.push.push_back(ms_since(start));
        if (!pushed || pushed->status != 200) fail("push", pushed);
        start = Clock::now();
        auto pulled = link.request(
            "GET", changesets + "?after=" + std::to_string(cursor) + "&limit=" + std::to_string(kPullLimit) + "&wait=0",
            {}, devices[d].token);
        out.pull.push_back(ms_since(start));
        if (!pulled || pulled->status != 200) {
          fail("pull", pulled);
        } else if (!pulled->head.empty()) {
          cursor = std::stoull(pulled->head);
        }
        out.requests += 2;
      }
      out.reconnects = std::max(0L, link.connections() - 1);
    });
  }
  go.arrive_and_wait();
  const auto start = Clock::now();
  const CpuSample cpu_start = cpu_now(server);
  for (auto& t : threads) t.join();
  PhaseResult total;
  total.seconds = ms_since(start) / 1000.0;
  total.cpu = cpu_between(cpu_start, cpu_now(server));
  for (auto& p : per) {
    total.push.insert(total.push.end(), p.push.begin(), p.push.end());
    total.pull.insert(total.pull.end(), p.pull.begin(), p.pull.end());
    total.requests += p.requests;
    total.errors += p.errors;
    total.transport_errors += p.transport_errors;
    total.reconnects += p.reconnects;
    for (auto& e : p.first_errors) {
      if (total.first_errors.size() < 5) total.first_errors.push_back(e);
    }
  }
  total.all = total.push;
  total.all.insert(total.all.end(), total.pull.begin(), total.pull.end());
  return total;
}

void print_phase(const char* name, const PhaseResult& p) {
  std::printf(
      "hostile load, %s: %zu devices x %d rounds of push (%d change sets) + pull: p50 %.2f ms, p99 %.2f ms "
      "(push p99 %.2f, pull p99 %.2f, max %.2f), %ld errors (%ld transport) in %ld requests, %ld reconnects, %.1f s; "
      "%s\n",
      name, kDevices, kRounds, kBatch, percentile(p.all, 0.50), percentile(p.all, 0.99), percentile(p.push, 0.99),
      percentile(p.pull, 0.99), percentile(p.all, 1.0), p.errors, p.transport_errors, p.requests, p.reconnects,
      p.seconds, p.cpu.c_str());
  for (const auto& e : p.first_errors) std::printf("  device error: %s\n", e.c_str());
  std::fflush(stdout);
}

// ---- the attackers ----

//! Attackers would run on machines of their own; here they share the
//! server's cores, so each attacker thread takes the lowest CPU priority:
//! it still sends as fast as the server answers, but a slot on a core goes
//! to the server first. (Without it, on 2 cores, the challenge flood alone
//! took the devices' p99 from ~8 ms to ~200 ms: the flooding threads took
//! the cores the server's threads wait for.)
void lowest_priority() { (void)::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 19); }

struct AttackStats {
  std::atomic<long> idle_open{0};      //!< idle connections open now
  std::atomic<long> idle_reopened{0};  //!< opened again after the server closed them
  std::atomic<long> idle_failed{0};    //!< opens that failed
  std::atomic<long> challenges_ok{0};
  std::atomic<long> challenges_other{0};   //!< answered, not 200
  std::atomic<long> challenges_failed{0};  //!< transport failures
  std::atomic<long> bodies_401{0};
  std::atomic<long> bodies_other{0};
  std::atomic<long> bodies_unanswered{0};  //!< closed or timed out without an answer
  std::atomic<long> slow_connections{0};
  std::atomic<long> slow_cut{0};  //!< closed by the server
  std::atomic<long> slow_longest_ms{0};
};

std::string loopback(int third, std::size_t fourth) {
  return "127.0." + std::to_string(third) + "." + std::to_string(fourth + 1);
}

//! Holds its share of the 1,000 idle connections, every other one never
//! starting TLS, and opens again any the server closes (handshake deadline,
//! idle timeout, or eviction at a cap).
void idle_attacker(std::size_t thread, unsigned short port, AttackStats& stats, StopFlag& stop, std::latch& ready) {
  lowest_priority();
  net::io_context ioc;
  net::ssl::context tls{net::ssl::context::tls_client};
  tls.set_verify_mode(net::ssl::verify_none);
  struct Slot {
    std::unique_ptr<Stream> stream;
    bool handshake = false;
    std::string from;
  };
  std::vector<Slot> slots;
  for (std::size_t i = thread; i < kIdleConnections; i += kIdleThreads) {
    slots.push_back({nullptr, (i / kIdleThreads) % 2 == 1, loopback(1, i % kIdleAddresses)});
  }
  const auto open_slot = [&](Slot& s) {
    s.stream = open_stream(ioc, tls, port, s.from, s.handshake);
    if (s.stream) {
      ++stats.idle_open;
    } else {
      ++stats.idle_failed;
    }
  };
  for (auto& s : slots) open_slot(s);
  ready.count_down();
  std::vector<pollfd> fds;
  std::vector<Slot*> polled;
  while (!stop.stopped()) {
    fds.clear();
    polled.clear();
    for (auto& s : slots) {
      if (!s.stream) continue;
      fds.push_back({fd_of(*s.stream), POLLIN, 0});
      polled.push_back(&s);
    }
    // The poll's timeout paces the reopening.
    (void)::poll(fds.data(), fds.size(), 250);
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].revents != 0 && closed_by_server(*polled[i]->stream)) {
        polled[i]->stream.reset();
        --stats.idle_open;
      }
    }
    if (stop.stopped()) break;
    for (auto& s : slots) {
      if (s.stream) continue;
      open_slot(s);
      if (s.stream) ++stats.idle_reopened;
    }
  }
}

//! Asks for challenges for random devices as fast as one connection goes.
void challenge_flood(std::size_t thread, unsigned short port, AttackStats& stats, StopFlag& stop, std::latch& ready) {
  lowest_priority();
  Link link(port, loopback(2, thread));
  bool first = true;
  while (!stop.stopped()) {
    const std::string body = R"({"device":")" + to_hex(crypto::random_array<16>()) + R"("})";
    auto a = link.request("POST", "/v1/session/challenge", body, {});
    if (!a) {
      ++stats.challenges_failed;
    } else if (a->status == 200) {
      ++stats.challenges_ok;
    } else {
      ++stats.challenges_other;
    }
    if (first) ready.count_down();
    first = false;
  }
}

//! 64 connections at a time announce a 31 MiB push without a token; half
//! send no body, half 64 KiB of it; each waits for its answer, then all
//! come again.
void body_attacker(unsigned short port, const std::string& target, AttackStats& stats, StopFlag& stop,
                   std::latch& ready) {
  lowest_priority();
  net::io_context ioc;
  net::ssl::context tls{net::ssl::context::tls_client};
  tls.set_verify_mode(net::ssl::verify_none);
  const std::string head = test::request_head("POST", target, {}, kAnnounced);
  const std::string with_body = head + std::string(64 * 1024, 'x');
  bool first = true;
  while (!stop.stopped()) {
    std::vector<std::unique_ptr<Stream>> conns;
    for (std::size_t i = 0; i < kBodyConnections; ++i) {
      auto s = open_stream(ioc, tls, port, loopback(3, i % kBodyAddresses), true);
      if (s && !write_all(ioc, *s, i % 2 == 0 ? head : with_body)) s.reset();
      conns.push_back(std::move(s));
    }
    if (first) ready.count_down();
    first = false;
    for (auto& s : conns) {
      if (stop.stopped()) break;
      if (!s) {
        ++stats.bodies_unanswered;
        continue;
      }
      beast::flat_buffer buffer;
      http::response<http::string_body> res;
      beast::error_code result;
      beast::get_lowest_layer(*s).expires_after(kAnswerGuard);
      http::async_read(*s, buffer, res, [&](beast::error_code ec, std::size_t) { result = ec; });
      run(ioc);
      if (result) {
        ++stats.bodies_unanswered;
      } else if (res.result_int() == 401) {
        ++stats.bodies_401;
      } else {
        ++stats.bodies_other;
      }
    }
    (void)stop.wait_for(std::chrono::milliseconds(100));  // pacing between waves
  }
}

//! A request head trickled one byte every kTrickleEvery, never finished;
//! a new connection when the server cuts one.
void slow_header(unsigned short port, const std::string& target, AttackStats& stats, StopFlag& stop,
                 std::latch& ready) {
  lowest_priority();
  net::io_context ioc;
  net::ssl::context tls{net::ssl::context::tls_client};
  tls.set_verify_mode(net::ssl::verify_none);
  const std::string text = "POST " + target +
                           " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + std::to_string(kAnnounced) +
                           "\r\nX-Slow: ";
  bool first = true;
  while (!stop.stopped()) {
    auto s = open_stream(ioc, tls, port, loopback(4, 0), true);
    if (first) ready.count_down();
    first = false;
    if (!s) {
      (void)stop.wait_for(kTrickleEvery);
      continue;
    }
    ++stats.slow_connections;
    const auto opened = Clock::now();
    bool cut = false;
    for (std::size_t sent = 0; !stop.stopped(); ++sent) {
      const char byte = sent < text.size() ? text[sent] : 'a';
      if (closed_by_server(*s) || !write_all(ioc, *s, std::string(1, byte))) {
        cut = true;
        break;
      }
      if (stop.wait_for(kTrickleEvery)) break;  // pacing: the trickle itself
    }
    const auto held = static_cast<long>(ms_since(opened));
    long longest = stats.slow_longest_ms.load();
    while (held > longest && !stats.slow_longest_ms.compare_exchange_weak(longest, held)) {
    }
    if (cut) ++stats.slow_cut;
  }
}

long metric(Link& link, const std::string& name) {
  auto a = link.request("GET", "/metrics", {}, {});
  return a && a->status == 200 ? test::metric_value(a->body, name) : -1;
}

}  // namespace

bool hostile_load() {
  test::ServerProcess server;
  server.start();
  const unsigned short port = server.port;
  test::TlsClient admin_client(port);
  test::ProtocolDriver driver(admin_client.transport());
  auto unit = driver.make_unit(server.unit_code);
  std::vector<TestDevice> devices;
  for (std::size_t i = 0; i < kDevices; ++i) devices.push_back(driver.add_member(unit, "worker"));
  const std::string changesets = test::unit_path(unit.unit) + "/changesets";
  const auto head_now = [&] {
    auto r = driver.pull(unit.admin, unit.unit, 0, 1);
    REQUIRE(r.status == 200);
    return std::stoull(r.headers.at("varn-head"));
  };

  const PhaseResult quiet = device_workload(port, server.pid(), unit, devices, head_now());
  print_phase("quiet", quiet);
  const long hwm_quiet = test::proc_status_kib(server.pid(), "VmHWM");

  AttackStats stats;
  StopFlag stop;
  std::latch ready(static_cast<std::ptrdiff_t>(kIdleThreads + kFloodThreads + 2));
  std::vector<std::thread> attackers;
  const auto attack_start = Clock::now();
  for (std::size_t t = 0; t < kIdleThreads; ++t) {
    attackers.emplace_back([&, t] { idle_attacker(t, port, stats, stop, ready); });
  }
  for (std::size_t t = 0; t < kFloodThreads; ++t) {
    attackers.emplace_back([&, t] { challenge_flood(t, port, stats, stop, ready); });
  }
  attackers.emplace_back([&] { body_attacker(port, changesets, stats, stop, ready); });
  attackers.emplace_back([&] { slow_header(port, changesets, stats, stop, ready); });
  ready.wait();
  const double ramp_seconds = ms_since(attack_start) / 1000.0;
  const long idle_at_start = stats.idle_open.load();

  // While the devices run: the most connections the server held, and its memory.
  StopFlag monitor_stop;
  long most_open = 0, most_rss = 0;
  std::thread monitor([&] {
    Link link(port, "127.0.0.1");
    do {
      most_open = std::max(most_open, metric(link, "varn_connections_open"));
      most_rss = std::max(most_rss, test::proc_status_kib(server.pid(), "VmRSS"));
    } while (!monitor_stop.wait_for(std::chrono::milliseconds(200)));  // sampling pace
  });
  const PhaseResult attacked = device_workload(port, server.pid(), unit, devices, head_now());
  monitor_stop.set();
  monitor.join();
  stop.set();
  for (auto& t : attackers) t.join();
  const double attack_seconds = ms_since(attack_start) / 1000.0;

  Link probe(port, "127.0.0.1");
  const long evicted = metric(probe, "varn_connections_evicted_total");
  const long refused = metric(probe, "varn_connections_refused_total");
  // VmHWM can lag the sampled VmRSS by a little: the peak is the larger.
  const long hwm = std::max(test::proc_status_kib(server.pid(), "VmHWM"), most_rss);

  print_phase("attacked", attacked);
  std::printf(
      "hostile load attackers, %.1f s (%.1f s to set up): %zu idle connections from %zu addresses, half never starting "
      "TLS (%ld open when the devices started, %ld opened again after the server closed them, %ld opens failed); "
      "%zu challenge floods: %ld answered 200, %ld otherwise, %ld failed; %zu unauthenticated 31 MiB push heads at a "
      "time: %ld answered 401, %ld otherwise, %ld closed unanswered; slow header: %ld connections, %ld closed by "
      "the server, longest held %.1f s\n",
      attack_seconds, ramp_seconds, kIdleConnections, kIdleAddresses, idle_at_start, stats.idle_reopened.load(),
      stats.idle_failed.load(), kFloodThreads, stats.challenges_ok.load(), stats.challenges_other.load(),
      stats.challenges_failed.load(), kBodyConnections, stats.bodies_401.load(), stats.bodies_other.load(),
      stats.bodies_unanswered.load(), stats.slow_connections.load(), stats.slow_cut.load(),
      static_cast<double>(stats.slow_longest_ms.load()) / 1000.0);
  std::printf(
      "hostile load server: up to %ld connections open (cap %zu), %ld evicted, %ld refused; VmRSS up to "
      "%.1f MiB while attacked\n",
      most_open, server::Limits{}.max_connections, evicted, refused, mib(most_rss));
  const double ratio = percentile(attacked.all, 0.99) / percentile(quiet.all, 0.99);
  std::printf(
      "hostile load: real-device errors %ld, connections refused %ld (goal 0); p99 %.2f ms attacked / %.2f ms quiet "
      "= %.2fx (goal < 5x); server peak RSS %.1f MiB (VmHWM; %.1f MiB after the quiet run; goal < 256 MiB)\n",
      attacked.errors, refused, percentile(attacked.all, 0.99), percentile(quiet.all, 0.99), ratio, mib(hwm),
      mib(hwm_quiet));
  std::fflush(stdout);
  return server.stop() == 0;
}

}  // namespace varn::bench
