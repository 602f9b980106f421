// varn-server: `serve` (the default), `init` and `--version`.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "varn/server/config.hpp"
#include "varn/server/init_unit.hpp"
#include "varn/server/migrate.hpp"
#include "varn/server/server.hpp"
#include "serve_config.hpp"

namespace {

void add_serve_options(CLI::App& serve, varn::server::ServerConfig& c, std::int64_t (&secs)[5],
                       std::filesystem::path& config_file) {
  serve.add_option("--data", c.data_dir, "data directory (created 0700)")->required();
  serve.add_option("--storage", c.storage,
                   "postgresql://... to store in PostgreSQL (several processes may share it); "
                   "default: SQLite in --data, one process");
  serve.add_option("--listen", c.listen, "HOST:PORT to listen on; port 0 picks one")->capture_default_str();
  serve.add_option("--cert", c.cert_file, "PEM certificate (default: self-signed in the data directory)");
  serve.add_option("--key", c.key_file, "PEM private key for --cert");
  serve.add_option("--threads", c.threads, "I/O threads")->capture_default_str();
  auto& l = c.limits;
  serve.add_option("--max-body-bytes", l.max_body_bytes, "largest push body")->capture_default_str();
  serve.add_option("--max-control-body-bytes", l.max_control_body_bytes,
                   "largest body of a JSON control call (and of an unknown path)")
      ->capture_default_str();
  serve.add_option("--max-key-copies-body-bytes", l.max_key_copies_body_bytes,
                   "largest body of a call carrying key copies (registry, keys, approve)")
      ->capture_default_str();
  serve.add_option("--max-body-memory", l.max_body_memory, "request bodies held at once, all connections")
      ->capture_default_str();
  serve.add_option("--max-push-envelopes", l.max_push_envelopes, "envelopes per push")->capture_default_str();
  serve.add_option("--max-pull-limit", l.max_pull_limit, "change sets per pull")->capture_default_str();
  serve.add_option("--max-pull-bytes", l.max_pull_bytes, "envelope bytes per pull (at least one envelope)")
      ->capture_default_str();
  serve.add_option("--max-connections", l.max_connections, "open connections")->capture_default_str();
  serve.add_option("--max-pending-enrolments", l.max_pending_enrolments, "enrolment requests waiting, whole server")
      ->capture_default_str();
  serve.add_option("--max-pending-per-peer", l.max_pending_per_peer, "enrolment requests waiting from one address")
      ->capture_default_str();
  serve.add_option("--max-unauthenticated-per-peer", l.max_unauthenticated_per_peer,
                   "connections from one address that have not shown a token or opened a session")
      ->capture_default_str();
  serve.add_option("--max-device-bytes", l.max_device_bytes, "change-set bytes stored per author device")
      ->capture_default_str();
  serve.add_option("--max-unit-bytes", l.max_unit_bytes, "change-set bytes stored per unit")->capture_default_str();
  serve.add_option("--device-request-burst", l.device_request_burst, "requests a device may make at once")
      ->capture_default_str();
  serve.add_option("--device-requests-per-second", l.device_requests_per_second, "a device's steady request rate")
      ->capture_default_str();
  serve.add_option("--device-byte-burst", l.device_byte_burst, "body bytes a device may send at once")
      ->capture_default_str();
  serve.add_option("--device-bytes-per-second", l.device_bytes_per_second, "a device's steady body-byte rate")
      ->capture_default_str();
  serve.add_option("--unit-byte-burst", l.unit_byte_burst, "push bytes a unit's devices may send at once")
      ->capture_default_str();
  serve.add_option("--unit-bytes-per-second", l.unit_bytes_per_second, "a unit's steady push-byte rate")
      ->capture_default_str();
  serve.add_option("--max-polls-per-device", l.max_polls_per_device, "long-polls one device holds open")
      ->capture_default_str();
  serve.add_option("--max-polls-per-unit", l.max_polls_per_unit, "long-polls one unit's devices hold open")
      ->capture_default_str();
  serve.add_option("--min-free-disk-bytes", l.min_free_disk_bytes,
                   "free disk the data directory keeps; below it pushes and enrolment requests are refused")
      ->capture_default_str();
  serve.add_option("--max-long-poll", secs[0], "longest long-poll wait, seconds")->capture_default_str();
  serve.add_option("--idle-timeout", secs[1], "idle/read timeout, seconds")->capture_default_str();
  serve.add_option("--session-lifetime", secs[2], "bearer token lifetime, seconds")->capture_default_str();
  serve.add_option("--shutdown-grace", secs[3], "how long SIGTERM waits for answers in flight, seconds")
      ->capture_default_str();
  serve.add_option("--handshake-timeout", secs[4], "from accept to a finished TLS handshake, seconds")
      ->capture_default_str();
  serve.add_option("--pg-pool", c.pg_pool,
                   "PostgreSQL connections this process lends to requests (besides its push writers and "
                   "listener); a request beyond them waits for one")
      ->capture_default_str();
  serve.add_option("--config", config_file,
                   "settings file ('option = value' lines; default: DIR/varn-server.conf when present); "
                   "the command line wins");
}

//! The whole command line, parsed into its settings; built afresh for each pass.
struct Cli {
  CLI::App app{"varn-server: stores and relays Värn's end-to-end encrypted change sets"};
  varn::server::ServerConfig config;
  std::int64_t secs[5] = {config.limits.max_long_poll.count(), config.limits.idle_timeout.count(),
                          config.limits.session_lifetime.count(), config.limits.shutdown_grace.count(),
                          config.limits.handshake_timeout.count()};
  std::filesystem::path config_file;
  CLI::App* serve = nullptr;
  CLI::App* init = nullptr;
  CLI::App* migrate = nullptr;
  std::filesystem::path init_data;
  std::string unit_name;
  std::string init_storage;
  std::filesystem::path migrate_from;
  std::string migrate_to;

  Cli() {
    app.require_subcommand(1);
    serve = app.add_subcommand("serve", "serve the sync protocol over HTTPS");
    add_serve_options(*serve, config, secs, config_file);
    init = app.add_subcommand("init", "create a unit and print its one-time admin enrolment code");
    init->add_option("--data", init_data, "data directory (created 0700)")->required();
    init->add_option("--unit", unit_name, "the unit's name (kept on the server only)")->required();
    init->add_option("--storage", init_storage,
                     "postgresql://... to create the unit in PostgreSQL (default: SQLite in --data); "
                     "a new data directory then keeps it in varn-server.conf for serve");
    migrate = app.add_subcommand("migrate", "copy a SQLite data directory's units into PostgreSQL, verified");
    migrate->add_option("--from", migrate_from, "the SQLite data directory (no server may be serving it)")->required();
    migrate->add_option("--to", migrate_to, "postgresql://... of the target database")->required();
  }
  //! CLI11 wants the arguments last first.
  int parse(const std::vector<std::string>& args) {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
      app.parse(reversed);
    } catch (const CLI::ParseError& e) {
      const int code = app.exit(e);  // prints the help or the error
      return code == 0 ? -1 : code;
    }
    return 0;
  }
};

//! The settings file `serve` reads: --config, or DIR/varn-server.conf when present.
std::filesystem::path settings_file(const Cli& cli) {
  if (!cli.config_file.empty()) return cli.config_file;
  auto in_dir = cli.config.data_dir / varn::server::kConfigFileName;
  std::error_code ec;
  return std::filesystem::exists(in_dir, ec) ? in_dir : std::filesystem::path();
}

int run_init(const Cli& cli) {
  std::error_code ec;
  const bool had_sqlite = std::filesystem::exists(cli.init_data / "varn.db", ec);
  const int code = varn::server::init_unit(cli.init_data, cli.unit_name, cli.init_storage);
  if (code != 0 || cli.init_storage.empty() || had_sqlite) return code;
  // A new directory for PostgreSQL: `serve --data DIR` (or a copy) must not
  // start on an empty SQLite file instead.
  if (varn::server::write_storage_setting(cli.init_data, cli.init_storage)) {
    std::printf("config: %s\n", (cli.init_data / varn::server::kConfigFileName).c_str());
  }
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] == "--version") {
    std::printf("varn-server %s\n", VARN_VERSION);
    return 0;
  }
  // `varn-server --data DIR ...` means `varn-server serve --data DIR ...`.
  if (!args.empty() && args[0].rfind("--", 0) == 0 && args[0] != "--help") args.insert(args.begin(), "serve");

  auto cli = std::make_unique<Cli>();
  if (const int parsed = cli->parse(args); parsed != 0) return parsed < 0 ? 0 : parsed;
  if (*cli->init) return run_init(*cli);
  if (*cli->migrate) return varn::server::migrate_to_postgresql(cli->migrate_from, cli->migrate_to);
  if (const auto file = settings_file(*cli); !file.empty()) {
    // The file's settings become flags the command line did not give, and
    // everything is parsed again: one set of rules for both.
    CLI::App* serve = cli->serve;
    auto extra = varn::server::config_file_args(
        file, [serve](const std::string& name) { return serve->get_option_no_throw("--" + name) != nullptr; },
        [serve](const std::string& name) { return serve->count("--" + name) > 0; });
    if (!extra) {
      std::fprintf(stderr, "varn-server: %s\n", extra.error().message.c_str());
      return 2;
    }
    args.insert(args.end(), extra->begin(), extra->end());
    cli = std::make_unique<Cli>();
    if (const int parsed = cli->parse(args); parsed != 0) return parsed < 0 ? 0 : parsed;
  }
  varn::server::ServerConfig& config = cli->config;
  const auto& secs = cli->secs;
  for (auto s : secs) {
    if (s <= 0) {
      std::fprintf(stderr, "varn-server: time limits must be positive\n");
      return 2;
    }
  }
  const auto& l = config.limits;
  if (l.max_connections == 0 || l.max_unauthenticated_per_peer == 0 || l.max_body_memory == 0 || config.pg_pool == 0) {
    std::fprintf(stderr, "varn-server: connection and memory limits must be positive\n");
    return 2;
  }
  if (l.device_request_burst == 0 || l.device_requests_per_second == 0 || l.device_byte_burst == 0 ||
      l.device_bytes_per_second == 0 || l.unit_byte_burst == 0 || l.unit_bytes_per_second == 0 ||
      l.max_polls_per_device == 0 || l.max_polls_per_unit == 0) {
    std::fprintf(stderr, "varn-server: rates and long-poll limits must be positive\n");
    return 2;
  }
  if (l.device_byte_burst < l.max_body_bytes) {
    std::fprintf(stderr, "varn-server: --device-byte-burst must be at least --max-body-bytes\n");
    return 2;
  }
  config.limits.max_long_poll = std::chrono::seconds(secs[0]);
  config.limits.idle_timeout = std::chrono::seconds(secs[1]);
  config.limits.session_lifetime = std::chrono::seconds(secs[2]);
  config.limits.shutdown_grace = std::chrono::seconds(secs[3]);
  config.limits.handshake_timeout = std::chrono::seconds(secs[4]);
  return varn::server::run_server(config);
}
