#pragma once
//! Each command group registers its subcommands on the CLI11 app; a parsed
//! leaf command stores its action in the Context, which main runs.

#include "varn/util/result.hpp"

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
void add_log_commands(CLI::App& app, Context& ctx);      // log, log review
void add_assessment_commands(CLI::App& app, Context& ctx);  // assessment add, list, show
void add_safety_plan_commands(CLI::App& app, Context& ctx);  // safety-plan add, list
void add_placement_commands(CLI::App& app, Context& ctx);    // placement add, list
void add_child_commands(CLI::App& app, Context& ctx);        // child add, decide, list

//! The access log, as `log` and `list access-log` print it.
[[nodiscard]] Result<void> print_access_log(Context& ctx, bool json);

}  // namespace varn::cli
