// enrol and sync: the device's life with the server. A revoked device wipes
// its store, tells the server, and says plainly what was lost.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <sodium.h>
#include <ctime>
#include <iostream>
#include <memory>
#include <optional>

#include "cli_context.hpp"
#include "commands.hpp"
#include "progress_executor.hpp"
#include "qr_terminal.hpp"
#include "qt_std.hpp"
#include "varn/sync/alarm.hpp"
#include "varn/sync/device_sync.hpp"
#include "varn/sync/enrolment.hpp"
#include "varn/sync/join_address.hpp"
#include "varn/sync/unit_recovery.hpp"

namespace varn::cli {
namespace {

struct EnrolOptions {
  std::string server, pin, code;
};

struct RecoverOptions {
  std::string server, pin, unit, code;
};

struct SyncOptions {
  std::string server;
  int wait_seconds = 0;
  bool progress = false;
  std::size_t ops_per_change_set = 0;
  std::size_t envelopes_per_push = 0;
};

void print_alarm(Session& session) {
  const std::string alarm = sync::current_alarm(session.store());
  if (!alarm.empty()) std::cerr << "varn-cli: ALARM: " << alarm << "\n";
}

// Shown once, on this terminal only: the server never had it, and the
// string is wiped once printed.
void print_recovery_code(std::string& code) {
  std::cout << "recovery-code: " << code << "\n"
            << "Write the recovery code on paper now and keep it in a safe: it is shown only this once.\n"
            << "With it a new admin device can be enrolled if every admin device is lost; whoever holds it\n"
            << "can enrol an admin device for this unit.\n";
  std::cout.flush();
  sodium_memzero(code.data(), code.size());
}

Result<net::ServerTarget> target_for(const std::string& url, const std::string& pin) {
  net::ServerTarget target;
  target.url = url;
  if (!pin.empty()) target.pin_hex = pin;
  if (auto r = net::check_target(target); !r) return r.error();
  return target;
}

Result<void> run_enrol(Context& ctx, const EnrolOptions& o) {
  auto session = ctx.session();
  if (!session) return session.error();
  auto& vault = (*session)->store();
  auto status = vault.setting(sync::settings::kStatus);
  if (!status) return status.error();
  if (*status && **status == "active") return make_error(Errc::conflict, "this device is already enrolled");
  auto join = sync::parse_join_address(o.server);
  if (!join) return join.error();
  net::ServerTarget target;
  target.url = join->server_url;
  if (!o.pin.empty()) target.pin_hex = o.pin;
  if (auto r = net::check_target(target); !r) return r;
  auto http = net::make_executor(target);
  auto outcome = sync::Enrolment((*session)->context())
                     .enrol(*http, o.code.empty() ? std::nullopt : std::optional(o.code), join->unit_hint);
  print_alarm(**session);
  if (!outcome) return outcome.error();
  const bool first_use = !target.pin_hex;
  target = net::pinned_on_first_use(std::move(target), *http);
  if (auto r = net::remember_target(vault, target); !r) return r;
  const bool pending = outcome->status == registry::DeviceStatus::pending;
  std::cout << "status: " << registry::to_string(outcome->status) << "\n";
  if (!outcome->code.empty()) std::cout << "code: " << outcome->code << "\n";
  std::cout << "fingerprint: " << outcome->fingerprint << "\n";
  if (pending) std::cout << "pairing: " << outcome->pairing << "\n";
  if (!outcome->recovery_code.empty()) print_recovery_code(outcome->recovery_code);
  if (first_use && target.pin_hex) {
    std::cout << "pinned: " << *target.pin_hex << " (first use: compare it with the server's cert-sha256)\n";
  }
  if (pending && isatty(STDOUT_FILENO) == 1) {
    // The admin scans "code fingerprint pairing" instead of typing them; the
    // pairing secret reaches the admin's device this way and never the server.
    if (auto qr = render_qr(outcome->code + " " + outcome->fingerprint + " " + outcome->pairing)) std::cout << "\n" << *qr;
    std::cout << "Show this to an admin (never send the pairing secret), then run sync.\n";
  }
  return {};
}

// A fresh device enrols itself as the unit's admin with the recovery code.
Result<void> run_recover(Context& ctx, RecoverOptions& o) {
  auto unit = array_from_hex<16>(o.unit);
  if (!unit) return make_error(Errc::invalid_argument, "--unit must be the unit's id (32 hex characters, `varn-cli unit` on any device)");
  if (o.code.empty()) {
    // Typed at the prompt, the code stays out of the shell's history and the process list.
    std::cerr << "recovery code: " << std::flush;
    std::getline(std::cin, o.code);
  }
  auto session = ctx.session();
  if (!session) return session.error();
  auto& vault = (*session)->store();
  auto join = sync::parse_join_address(o.server);
  if (!join) return join.error();
  auto target = target_for(join->server_url, o.pin);
  if (!target) return target.error();
  auto http = net::make_executor(*target);
  auto outcome = sync::UnitRecovery((*session)->context()).recover(*http, *unit, o.code);
  sodium_memzero(o.code.data(), o.code.size());
  print_alarm(**session);
  if (!outcome) return outcome.error();
  const bool first_use = !target->pin_hex;
  *target = net::pinned_on_first_use(std::move(*target), *http);
  if (auto r = net::remember_target(vault, *target); !r) return r;
  std::cout << "status: active\n"
            << "role: admin\n"
            << "recovered: this device is an admin of unit " << to_hex(*unit) << " by the unit's recovery key\n"
            << "device: " << to_hex(outcome->device) << "\n"
            << "epoch-keys: " << outcome->epochs << "\n"
            << "safety-code: " << outcome->safety_code << " (compare it with the unit's other devices)\n";
  if (first_use && target->pin_hex) {
    std::cout << "pinned: " << *target->pin_hex << " (first use: compare it with the server's cert-sha256)\n";
  }
  std::cout << "The code you typed is void now; this is the unit's new one.\n";
  print_recovery_code(outcome->new_code);
  std::cout << "Revoke the lost device with `admin revoke`.\n";
  return {};
}

// The verified registry revokes this device: everything on it goes, then the server is told.
Result<void> wipe_revoked(Context& ctx, Session& session, sync::HttpExecutor& http) {
  auto waiting = session.records().waiting_ops();
  const std::string path = session.path();
  auto wiped = device::wipe_device(session.context(), path, waiting ? *waiting : 0, [&] { session.lock(); }, http);
  std::cout << "revoked: an admin revoked this device (a signed revoke entry names it)\n";
  ctx.forget_session();
  if (!wiped) {
    return make_error(Errc::revoked, "this device was revoked but wiping its store failed: " + wiped.error().message);
  }
  std::cout << "wiped: the local store " << path << " was erased\n"
            << "discarded: " << wiped->discarded << " unsynced change" << (wiped->discarded == 1 ? "" : "s") << "\n"
            << "wipe confirmed to the server: " << (wiped->confirmed ? "yes" : "no") << "\n";
  return make_error(Errc::revoked, "this device was revoked: its store was wiped and " +
                                       std::to_string(wiped->discarded) + " unsynced change(s) were discarded");
}

void add_up(sync::SyncReport& total, const sync::SyncReport& more) {
  total.sealed += more.sealed;
  total.pushed += more.pushed;
  total.pulled += more.pulled;
  total.healed += more.healed;
  total.held = more.held;
  total.quarantined += more.quarantined;
  total.refused += more.refused;
  total.withdrawn += more.withdrawn;
  total.cursor = more.cursor;
  total.head = more.head;
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

  sync::DeviceSync device(s.context());
  auto report = device.sync(http, limits);
  if (report && o.wait_seconds > 0) {
    auto news = device.wait_for_news(http, o.wait_seconds);
    if (!news) report = news.error();
    else if (*news) {
      auto more = device.sync(http, limits);
      if (more) add_up(*report, *more);
      else report = more.error();
    }
  }
  print_alarm(s);
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
  // What the device did about a server that lost or hid something.
  if (report->healed > 0) std::cout << "healed: " << report->healed << " change set(s) pushed back to the server\n";
  if (report->held > 0) std::cout << "held: " << report->held << "\n";
  if (report->quarantined > 0) std::cout << "quarantined: " << report->quarantined << "\n";
  if (report->refused > 0) std::cout << "refused: " << report->refused << "\n";
  if (report->withdrawn > 0) {
    std::cout << "withdrawn: " << report->withdrawn << " change set(s) this device's role may no longer send "
              << "(kept here, see `list conflicts`)\n";
  }
  return {};
}

// Shows the alarm, or clears it once a person has acted on it.
Result<void> run_alarm(Context& ctx, bool acknowledge) {
  auto session = ctx.session();
  if (!session) return session.error();
  auto& vault = (*session)->store();
  if (!acknowledge) {
    const std::string alarm = sync::current_alarm(vault);
    std::cout << "alarm: " << (alarm.empty() ? "none" : alarm) << "\n";
    return {};
  }
  auto cleared = sync::acknowledge_alarm(vault, (*session)->context().now());
  if (!cleared) return cleared.error();
  std::cout << "acknowledged: " << *cleared << "\n";
  return {};
}

// The unit this device belongs to, and the safety code every device of it
// shows: the same on the admin's screen and the new device's, or the
// enrolment went to someone else.
Result<void> run_unit(Context& ctx) {
  auto session = ctx.session();
  if (!session) return session.error();
  auto& context = (*session)->context();
  const auto status = context.status();
  std::cout << "status: " << (status ? registry::to_string(*status) : std::string("not enrolled")) << "\n";
  auto unit = context.unit();
  if (!unit) return {};
  std::cout << "unit: " << to_hex(*unit) << "\n";
  auto code = sync::Enrolment(context).safety_code();
  if (!code) return code.error();
  std::cout << "safety-code: " << *code << "\n";
  auto stale = (*session)->records().stale_draft_days();
  if (!stale) return stale.error();
  std::cout << "stale-drafts: " << *stale << " days\n";
  return {};
}

}  // namespace

void add_sync_commands(CLI::App& app, Context& ctx) {
  auto e = std::make_shared<EnrolOptions>();
  auto* enrol = app.add_subcommand("enrol", "Enrol this device with a server (prints status, code and fingerprint)");
  enrol->add_option("--server", e->server, "The join address the admin gives: https://HOST:PORT/UNIT (the unit part lists the request for that unit's admins), or just the server URL")->required();
  enrol->add_option("--pin", e->pin, "SHA-256 of the server's certificate (hex); without it the first one seen is pinned");
  enrol->add_option("--code", e->code, "The unit code: this device becomes the unit's first admin");
  enrol->callback([&ctx, e] { ctx.action = [&ctx, e] { return run_enrol(ctx, *e); }; });

  auto r = std::make_shared<RecoverOptions>();
  auto* recover = app.add_subcommand(
      "recover", "Enrol this new device as the unit's admin with the unit's recovery code (every admin device lost)");
  recover->add_option("--server", r->server, "The server's URL")->required();
  recover->add_option("--pin", r->pin, "SHA-256 of the server's certificate (hex); without it the first one seen is pinned");
  recover->add_option("--unit", r->unit, "The unit's id (32 hex characters)")->required();
  recover->add_option("--code", r->code, "The recovery code; without it, read from the terminal");
  recover->callback([&ctx, r] { ctx.action = [&ctx, r] { return run_recover(ctx, *r); }; });

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

  auto* unit = app.add_subcommand("unit", "This device's unit and its safety code (compare it with the admin's)");
  unit->callback([&ctx] { ctx.action = [&ctx] { return run_unit(ctx); }; });
}

}  // namespace varn::cli
