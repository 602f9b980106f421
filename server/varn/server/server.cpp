#include "varn/server/server.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <algorithm>
#include <condition_variable>
#include <csignal>
#include <new>
#include <cstdio>
#include <thread>
#include <vector>

#include "varn/server/init_unit.hpp"
#include "varn/server/listener.hpp"
#include "varn/server/log.hpp"
#include "varn/server/server_key.hpp"
#include "varn/server/storage_open.hpp"
#include "varn/server/tls_identity.hpp"

namespace varn::server {

namespace net = boost::asio;

namespace {

Result<net::ip::tcp::endpoint> parse_listen(const std::string& listen) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) return make_error(Errc::invalid_argument, "--listen wants HOST:PORT");
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  boost::system::error_code ec;
  const auto address = net::ip::make_address(host, ec);
  if (ec) return make_error(Errc::invalid_argument, "--listen: not an IP address: " + host);
  const std::string port_text = listen.substr(colon + 1);
  char* end = nullptr;
  const unsigned long port = std::strtoul(port_text.c_str(), &end, 10);
  if (port_text.empty() || *end != '\0' || port > 65535) return make_error(Errc::invalid_argument, "--listen: bad port");
  return net::ip::tcp::endpoint(address, static_cast<unsigned short>(port));
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// An allocation that fails inside Beast's own read (its buffer growing)
// unwinds out of run(): the operation and its connection are gone with it,
// the rest go on. Sessions catch the failures they can still answer (503).
void run_io(net::io_context& ioc) {
  for (;;) {
    try {
      ioc.run();
      return;
    } catch (const std::bad_alloc&) {
      std::fputs("{\"event\":\"out_of_memory\"}\n", stderr);  // no allocation here
    }
  }
}

int fail(const Error& e) {
  std::fprintf(stderr, "varn-server: %s\n", e.message.c_str());
  return 1;
}

}  // namespace

Result<void> prepare_data_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) {
    if (::mkdir(dir.c_str(), 0700) != 0) return make_error(Errc::io_error, "cannot create the data directory");
  }
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return make_error(Errc::io_error, "the data path is not a directory");
  }
  // Others who may write here could swap the keys or plant links.
  if ((st.st_uid != ::geteuid() && st.st_uid != 0) || (st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    return make_error(Errc::forbidden, "the data directory may be written by other users (make it 0700): " +
                                           dir.string());
  }
  return {};
}

namespace {

// A connection cap above the open-file limit would make accept fail before
// the cap's eviction can make room: the soft limit is raised to the hard
// one, and the cap lowered to what still fits beside the server's own files.
std::size_t connections_that_fit(std::size_t wanted) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return wanted;
  if (limit.rlim_cur < limit.rlim_max) {
    const rlimit raised{limit.rlim_max, limit.rlim_max};
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  constexpr rlim_t kOwnFiles = 64;  // database, WAL, log, epoll, timers, the listening socket
  if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur >= wanted + kOwnFiles) return wanted;
  const std::size_t fits = limit.rlim_cur > 2 * kOwnFiles ? static_cast<std::size_t>(limit.rlim_cur - kOwnFiles) : 16;
  log_event("connections_capped_by_open_files", {{"open_files", limit.rlim_cur}, {"max_connections", fits}});
  return fits;
}

}  // namespace

int run_server(const ServerConfig& config) {
  auto endpoint = parse_listen(config.listen);
  if (!endpoint) return fail(endpoint.error());
  if (auto d = prepare_data_dir(config.data_dir); !d) return fail(d.error());
  // Before anything in the directory is made or read: a second server on
  // a SQLite directory must not write a certificate or key beside the first.
  std::unique_ptr<DataDirLock> sqlite_lock;
  if (!is_postgresql_uri(config.storage)) {
    auto held = DataDirLock::acquire(config.data_dir);
    if (!held) return fail(held.error());
    sqlite_lock = std::move(held).value();
  }
  TlsFiles files{config.cert_file, config.key_file};
  if (files.cert.empty() != files.key.empty()) return fail(make_error(Errc::invalid_argument, "give --cert and --key together"));
  if (files.cert.empty()) {
    auto made = ensure_self_signed(config.data_dir);
    if (!made) return fail(made.error());
    files = *made;
  }
  auto fingerprint = certificate_sha256(files.cert);
  if (!fingerprint) return fail(fingerprint.error());
  net::ssl::context tls(net::ssl::context::tls_server);
  if (auto t = configure_tls(tls, files); !t) return fail(t.error());
  // A data directory without a signing key yet gets one at the first start.
  auto server_key = load_or_create_server_key(config.data_dir);
  if (!server_key) return fail(server_key.error());
  auto session_secret = load_or_create_session_secret(config.data_dir);
  if (!session_secret) return fail(session_secret.error());
  auto opened = open_storage(config.storage, config.data_dir, false, config.pg_pool);
  if (!opened) return fail(opened.error());
  auto& storage = opened->storage;

  // OpenSSL writes the sockets with write(2) (tls_stream.hpp): a peer gone
  // mid-answer must give EPIPE, not a signal that ends the process.
  std::signal(SIGPIPE, SIG_IGN);
  const int threads = std::max(1, config.threads);
  // Before the io_context: handlers it still holds when it goes (a forced
  // stop) give their long-poll slots back to it.
  Quotas quotas(config.limits);
  net::io_context ioc(threads);
  Metrics metrics;
  MemoryChallengeLedger own_challenges;
  ChallengeLedger* shared_challenges = storage->shared_challenges();
  Sessions sessions(std::move(session_secret).value(), config.limits.challenge_lifetime,
                    config.limits.session_lifetime, shared_challenges ? *shared_challenges : own_challenges);
  PullWaiters waiters(metrics);
  Membership membership(*storage);
  const DiskReserve disk(config.data_dir, config.limits.min_free_disk_bytes);
  Context ctx{*storage, membership,    sessions,           waiters,   metrics,
              quotas,    disk,          config.limits,      ioc.get_executor(), &unix_now,
              *server_key};
  storage->set_commit_listener([&waiters](const UnitId& unit, std::uint64_t head) { waiters.notify(unit, head); });
  const std::size_t max_connections = connections_that_fit(config.limits.max_connections);
  ConnectionRegistry registry(metrics, {max_connections, std::min(max_connections, config.limits.max_unauthenticated_per_peer)});
  BodyBudget budget(config.limits.max_body_memory, metrics.body_bytes_reserved);
  auto listener = Listener::open(ioc, tls, *endpoint, ctx, registry, budget);
  if (!listener) return fail(listener.error());
  (*listener)->start();

  // Signals are caught before the listening line is printed: a supervisor
  // (or a test) may stop the server the moment it reads that line.
  std::mutex stop_mutex;
  std::condition_variable stop_cv;
  bool stop_requested = false, finished = false;
  net::signal_set signals(ioc, SIGTERM, SIGINT);
  signals.async_wait([&](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    log_event("shutdown", {{"signal", signal}, {"connections", registry.size()}});
    (*listener)->stop();
    waiters.wake_all();
    registry.stop_all();
    const std::lock_guard lock(stop_mutex);
    stop_requested = true;
    stop_cv.notify_all();
  });
  const auto bound = (*listener)->local_endpoint();
  const std::string host = bound.address().is_v6() ? "[" + bound.address().to_string() + "]" : bound.address().to_string();
  std::printf("listening https://%s:%u cert-sha256=%s\n", host.c_str(), static_cast<unsigned>(bound.port()),
              fingerprint->c_str());
  std::fflush(stdout);
  log_event("start", {{"port", bound.port()}, {"threads", threads}});

  // The watchdog bounds shutdown: in-flight answers get `shutdown_grace`.
  std::thread watchdog([&] {
    std::unique_lock lock(stop_mutex);
    stop_cv.wait(lock, [&] { return stop_requested || finished; });
    if (finished) return;
    if (!stop_cv.wait_for(lock, config.limits.shutdown_grace, [&] { return finished; })) {
      log_event("shutdown_forced", {{"connections", registry.size()}});
      ioc.stop();
    }
  });
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&ioc] { run_io(ioc); });
  run_io(ioc);
  for (auto& t : pool) t.join();
  {
    const std::lock_guard lock(stop_mutex);
    finished = true;
    stop_cv.notify_all();
  }
  watchdog.join();
  storage->close();
  log_event("stopped", {{"commits", storage->commits()}});
  return 0;
}

}  // namespace varn::server
