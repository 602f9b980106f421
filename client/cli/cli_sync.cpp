// enrol and sync: the device's life with the server. A revoked device wipes
// its store, tells the server, and says plainly what was lost.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <ctime>
#include <iostream>
#include <memory>
#include <optional>

#include "cli_context.hpp"
#include "commands.hpp"
#include "progress_executor.hpp"
#include "qr_terminal.hpp"
#include "qt_std.hpp"
#include "varn/sync/api_client.hpp"

namespace varn::cli {
namespace {

struct EnrolOptions {
  std::string server, pin, code;
};

struct SyncOptions {
  std::string server;
  int wait_seconds = 0;
  bool progress = false;
  std::size_t ops_per_change_set = 0;
  std::size_t envelopes_per_push = 0;
};

void print_alarm(sync::DeviceClient& device) {
  const std::string alarm = device.alarm();
  if (!alarm.empty()) std::cerr << "varn-cli: ALARM: " << alarm << "\n";
}

Result<void> run_enrol(Context& ctx, const EnrolOptions& o) {
  auto session = ctx.session();
  if (!session) return session.error();
  auto& vault = (*session)->store();
  auto status = vault.setting(sync::settings::kStatus);
  if (!status) return status.error();
  if (*status && **status == "active") return make_error(Errc::conflict, "this device is already enrolled");
  net::ServerTarget target;
  target.url = o.server;
  if (!o.pin.empty()) target.pin_hex = o.pin;
  if (auto r = net::check_target(target); !r) return r;
  auto http = net::make_executor(target);
  auto outcome = (*session)->device().enrol(*http, o.code.empty() ? std::nullopt : std::optional(o.code));
  if (!outcome) return outcome.error();
  const bool first_use = !target.pin_hex;
  target = net::pinned_on_first_use(std::move(target), *http);
  if (auto r = net::remember_target(vault, target); !r) return r;
  std::cout << "status: " << outcome->status << "\n";
  if (!outcome->code.empty()) std::cout << "code: " << outcome->code << "\n";
  std::cout << "fingerprint: " << outcome->fingerprint << "\n";
  if (first_use && target.pin_hex) {
    std::cout << "pinned: " << *target.pin_hex << " (first use: compare it with the server's cert-sha256)\n";
  }
  if (outcome->status == "pending" && isatty(STDOUT_FILENO) == 1) {
    // The admin scans "code fingerprint" instead of typing 30 digits.
    if (auto qr = render_qr(outcome->code + " " + outcome->fingerprint)) std::cout << "\n" << *qr;
    std::cout << "Ask an admin to approve this device, then run sync.\n";
  }
  return {};
}

// The admin revoked this device: everything on it goes, then the server is told.
Result<void> wipe_revoked(Context& ctx, Session& session, sync::HttpExecutor& http) {
  auto waiting = session.records().waiting_ops();
  const std::size_t discarded = waiting ? *waiting : 0;
  const std::string path = session.store().path();
  session.store().lock();
  auto wiped = store::LocalStore::wipe(path);
  std::cout << "revoked: an admin revoked this device\n";
  if (!wiped) {
    ctx.forget_session();
    return make_error(Errc::revoked, "this device was revoked but wiping its store failed: " + wiped.error().message);
  }
  std::cout << "wiped: the local store " << path << " was erased\n"
            << "discarded: " << discarded << " unsynced change" << (discarded == 1 ? "" : "s") << "\n";
  // The identity is still in memory (the client loaded it to sync): sign the goodbye.
  auto confirmed = session.device().confirm_wipe(http, static_cast<std::int64_t>(std::time(nullptr)));
  std::cout << "wipe confirmed to the server: " << (confirmed ? "yes" : "no (" + confirmed.error().message + ")") << "\n";
  ctx.forget_session();
  return make_error(Errc::revoked, "this device was revoked: its store was wiped and " + std::to_string(discarded) +
                                       " unsynced change(s) were discarded");
}

void add_up(sync::SyncReport& total, const sync::SyncReport& more) {
  total.sealed += more.sealed;
  total.pushed += more.pushed;
  total.pulled += more.pulled;
  total.cursor = more.cursor;
  total.head = more.head;
}

// Holds one long-poll open until something new reaches the server (or the
// wait runs out): a cheap way for a script to follow the unit.
Result<bool> wait_for_news(Session& session, sync::HttpExecutor& http, int seconds) {
  auto me = session.device().identity();
  if (!me) return me.error();
  auto unit_hex = session.store().setting(sync::settings::kUnit);
  if (!unit_hex) return unit_hex.error();
  auto unit = *unit_hex ? array_from_hex<16>(**unit_hex) : std::nullopt;
  if (!unit) return make_error(Errc::locked, "this device is not enrolled in a unit yet");
  auto cursor = session.store().pull_cursor();
  if (!cursor) return cursor.error();
  sync::ApiClient api(http, **me);
  auto page = api.pull(*unit, *cursor, 1, seconds);
  if (!page) return page.error();
  return !page->items.empty();
}

Result<void> run_sync(Context& ctx, const SyncOptions& o) {
  auto session = ctx.session();
  if (!session) return session.error();
  Session& s = **session;
  const std::optional<std::string> url_override = o.server.empty() ? std::nullopt : std::optional(o.server);
  auto target = known_server(s.store(), url_override);
  if (!target) return target.error();
  auto transport = net::make_executor(*target);
  ProgressExecutor progress(*transport, std::cout);
  sync::HttpExecutor& http = o.progress ? static_cast<sync::HttpExecutor&>(progress) : *transport;
  sync::SyncLimits limits;
  if (o.ops_per_change_set > 0) limits.ops_per_change_set = o.ops_per_change_set;
  if (o.envelopes_per_push > 0) limits.envelopes_per_push = o.envelopes_per_push;

  auto report = s.device().sync(http, limits);
  if (report && o.wait_seconds > 0) {
    auto news = wait_for_news(s, http, o.wait_seconds);
    if (!news) report = news.error();
    else if (*news) {
      auto more = s.device().sync(http, limits);
      if (more) add_up(*report, *more);
      else report = more.error();
    }
  }
  print_alarm(s.device());
  if (!report) {
    if (report.error().code == Errc::revoked) return wipe_revoked(ctx, s, *transport);
    return report.error();
  }
  if (url_override) {
    if (auto r = net::remember_target(s.store(), *target); !r) return r;
  }
  auto waiting = s.records().waiting_ops();
  std::cout << "sealed: " << report->sealed << "\n"
            << "pushed: " << report->pushed << "\n"
            << "pulled: " << report->pulled << "\n"
            << "cursor: " << report->cursor << "\n";
  if (waiting) std::cout << "waiting: " << *waiting << "\n";
  return {};
}

// Shows the alarm, or clears it once a person has acted on it.
Result<void> run_alarm(Context& ctx, bool acknowledge) {
  auto session = ctx.session();
  if (!session) return session.error();
  auto& device = (*session)->device();
  if (!acknowledge) {
    const std::string alarm = device.alarm();
    std::cout << "alarm: " << (alarm.empty() ? "none" : alarm) << "\n";
    return {};
  }
  auto cleared = device.acknowledge_alarm(static_cast<std::int64_t>(std::time(nullptr)));
  if (!cleared) return cleared.error();
  std::cout << "acknowledged: " << *cleared << "\n";
  return {};
}

}  // namespace

void add_sync_commands(CLI::App& app, Context& ctx) {
  auto e = std::make_shared<EnrolOptions>();
  auto* enrol = app.add_subcommand("enrol", "Enrol this device with a server (prints status, code and fingerprint)");
  enrol->add_option("--server", e->server, "Server URL, https://HOST:PORT")->required();
  enrol->add_option("--pin", e->pin, "SHA-256 of the server's certificate (hex); without it the first one seen is pinned");
  enrol->add_option("--code", e->code, "The unit code: this device becomes the unit's first admin");
  enrol->callback([&ctx, e] { ctx.action = [&ctx, e] { return run_enrol(ctx, *e); }; });

  auto o = std::make_shared<SyncOptions>();
  auto* sync_cmd = app.add_subcommand("sync", "Push local changes and pull the unit's (prints sealed/pushed/pulled)");
  sync_cmd->add_option("--server", o->server, "Server URL, when it moved (kept for later syncs)");
  sync_cmd->add_option("--wait", o->wait_seconds, "Then wait up to S seconds for news from others, and sync again")
      ->check(CLI::Range(0, 3600));
  sync_cmd->add_flag("--progress", o->progress, "Print `acked: N` as each push is acknowledged");
  sync_cmd->add_option("--ops-per-change-set", o->ops_per_change_set, "Tuning: outbox ops sealed per change set")
      ->check(CLI::Range(1, 100000));
  sync_cmd->add_option("--push-batch", o->envelopes_per_push, "Tuning: change sets per push")->check(CLI::Range(1, 256));
  sync_cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_sync(ctx, *o); }; });

  auto acknowledge = std::make_shared<bool>(false);
  auto* alarm = app.add_subcommand("alarm", "Show the alarm raised when the server misbehaved (or `alarm: none`)");
  alarm->add_flag("--acknowledge", *acknowledge, "Clear it after acting on it (a later sync raises it again if still true)");
  alarm->callback([&ctx, acknowledge] { ctx.action = [&ctx, acknowledge] { return run_alarm(ctx, *acknowledge); }; });
}

}  // namespace varn::cli
