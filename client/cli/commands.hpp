#pragma once
//! Each command group registers its subcommands on the CLI11 app; a parsed
//! leaf command stores its action in the Context, which main runs.

namespace CLI {
class App;
}

namespace varn::cli {

struct Context;

void add_store_commands(CLI::App& app, Context& ctx);    // init, passwd
void add_record_commands(CLI::App& app, Context& ctx);   // person, case, visit, note
void add_list_commands(CLI::App& app, Context& ctx);     // list, show
void add_sync_commands(CLI::App& app, Context& ctx);     // enrol, sync
void add_admin_commands(CLI::App& app, Context& ctx);    // admin ...

}  // namespace varn::cli
