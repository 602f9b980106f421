// init and passwd: creating the encrypted store and changing its passphrase.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli_context.hpp"
#include "commands.hpp"
#include "passphrase_prompt.hpp"

namespace varn::cli {
namespace {

struct InitOptions {
  bool kdf_floor = false;
  int wipe_after = store::kDefaultWipeAfterFailedUnlocks;
};

Result<void> run_init(Context& ctx, const InitOptions& opts) {
  if (store::LocalStore::exists(ctx.store_path)) {
    return make_error(Errc::conflict, "a store already exists at " + ctx.store_path);
  }
  auto passphrase = read_new_passphrase(kPassphraseEnv, "New passphrase: ");
  if (!passphrase) return passphrase.error();
  store::CreateOptions options;
  if (opts.kdf_floor) {
    options.kdf = crypto::KdfParams::with_new_salt(crypto::kKdfMinOpsLimit, crypto::kKdfMinMemLimit);
  }
  options.wipe_after_failed_unlocks = opts.wipe_after;
  auto session = device::DeviceSession::create(ctx.store_path, passphrase->view(), options);  // makes the identity
  if (!session) return session.error();
  std::cout << "store: " << ctx.store_path << "\n"
            << "device: " << to_hex((*session)->device_id()) << "\n";
  ctx.set_session(std::move(session).value());
  return {};
}

Result<void> run_passwd(Context& ctx) {
  if (!store::LocalStore::exists(ctx.store_path)) return make_error(Errc::not_found, "no store at " + ctx.store_path);
  auto old_passphrase = read_passphrase(kPassphraseEnv, "Current passphrase: ");
  if (!old_passphrase) return old_passphrase.error();
  auto opened = store::LocalStore::open(ctx.store_path, old_passphrase->view());
  if (!opened) {
    if (opened.error().code == Errc::wrong_passphrase) {
      return make_error(Errc::wrong_passphrase, "wrong passphrase for " + ctx.store_path);
    }
    return opened.error();
  }
  auto new_passphrase = read_new_passphrase(kNewPassphraseEnv, "New passphrase: ");
  if (!new_passphrase) return new_passphrase.error();
  if (auto r = (*opened)->change_passphrase(old_passphrase->view(), new_passphrase->view()); !r) return r;
  std::cout << "passphrase changed\n";
  return {};
}

}  // namespace

void add_store_commands(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<InitOptions>();
  auto* init = app.add_subcommand("init", "Create a new encrypted store (passphrase from VARN_PASSPHRASE or asked twice)");
  init->add_flag("--kdf-floor", opts->kdf_floor,
                 "Use the lowest allowed Argon2id cost instead of calibrating (tests, slow devices)");
  init->add_option("--wipe-after", opts->wipe_after, "Wipe the store after this many wrong passphrases in a row")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  init->callback([&ctx, opts] { ctx.action = [&ctx, opts] { return run_init(ctx, *opts); }; });

  auto* passwd = app.add_subcommand(
      "passwd", "Change the store's passphrase (new one from VARN_NEW_PASSPHRASE or asked twice)");
  passwd->callback([&ctx] { ctx.action = [&ctx] { return run_passwd(ctx); }; });
}

}  // namespace varn::cli
