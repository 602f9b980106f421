// varn-cli: the headless Värn client. Parses the command line (CLI11), runs
// the one selected command, and reports any failure as one line on stderr
// with an exit code from cli_context.hpp.
#include <CLI/CLI.hpp>
#include <QCoreApplication>
#include <iostream>

#include "cli_context.hpp"
#include "commands.hpp"
#include "process_hardening.hpp"

namespace {

constexpr const char* kFooter =
    "The passphrase comes from VARN_PASSPHRASE, else a prompt on the terminal.\n"
    "Exit codes: 0 ok, 1 failure, 2 usage, 3 wrong passphrase, 4 unknown id, 5 refused\n"
    "(signed note, role, conflict), 6 server unreachable, 7 device revoked (store wiped).";

int fail(const varn::Error& error) {
  std::cerr << "varn-cli: " << error.message << "\n";
  return static_cast<int>(varn::cli::exit_for(error.code));
}

}  // namespace

int main(int argc, char** argv) {
  varn::cli::harden_process();
  // Qt Network needs an application object for its event loop; nothing else here is Qt.
  QCoreApplication qt_app(argc, argv);

  varn::cli::Context ctx;
  CLI::App app{"varn-cli: the Värn client for scripts, admins and tests", "varn-cli"};
  app.set_version_flag("--version", std::string("varn-cli ") + VARN_VERSION);
  app.footer(kFooter);
  app.require_subcommand(1);
  app.add_option("--store", ctx.store_path, "The device's encrypted store file")->required();
  varn::cli::add_store_commands(app, ctx);
  varn::cli::add_record_commands(app, ctx);
  varn::cli::add_list_commands(app, ctx);
  varn::cli::add_sync_commands(app, ctx);
  varn::cli::add_admin_commands(app, ctx);
  varn::cli::add_log_commands(app, ctx);
  varn::cli::add_assessment_commands(app, ctx);
  varn::cli::add_safety_plan_commands(app, ctx);
  varn::cli::add_placement_commands(app, ctx);
  varn::cli::add_child_commands(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "varn-cli: " << e.what() << " (see --help)\n";
    return static_cast<int>(varn::cli::Exit::usage);
  }
  if (!ctx.action) return fail(varn::make_error(varn::Errc::invalid_argument, "no command given (see --help)"));
  if (auto r = ctx.action(); !r) return fail(r.error());
  return 0;
}
