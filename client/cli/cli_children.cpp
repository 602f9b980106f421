// Accompanying children (R16): each with how they were exposed, the link to
// their own case or report, and their own decisions, one record each.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli_context.hpp"
#include "commands.hpp"
#include "records_json.hpp"
#include "text_format.hpp"
#include "varn/device/staff_directory.hpp"

namespace varn::cli {
namespace {

struct ChildOptions {
  bool json = false;
  std::string case_id, child_id, decision;
  store::ChildInput input;
};

Result<void> add(Context& ctx, const ChildOptions& o) {
  auto case_id = parse_id(o.case_id, "case");
  if (!case_id) return case_id.error();
  auto session = ctx.content_session();
  if (!session) return session.error();
  if (auto r = check_role(**session, wire::ChangeSetClass::field_work); !r) return r;
  auto id = (*session)->records().add_child(*case_id, o.input);
  if (!id) return id.error();
  std::cout << to_hex(*id) << "\n";
  return {};
}

Result<void> decide(Context& ctx, const ChildOptions& o) {
  auto child = parse_id(o.child_id, "child");
  if (!child) return child.error();
  auto session = ctx.content_session();
  if (!session) return session.error();
  if (auto r = check_role(**session, wire::ChangeSetClass::field_work); !r) return r;
  auto id = (*session)->records().decide_child(*child, o.decision);
  if (!id) return id.error();
  std::cout << to_hex(*id) << "\n";
  return {};
}

Result<void> list(Context& ctx, const ChildOptions& o) {
  auto case_id = parse_id(o.case_id, "case");
  if (!case_id) return case_id.error();
  auto session = ctx.content_session();
  if (!session) return session.error();
  auto& records = (*session)->records();
  auto children = records.children(*case_id);  // writes an access-log entry
  if (!children) return children.error();
  auto staff = records.staff();
  if (!staff) return staff.error();
  const device::StaffDirectory directory(std::move(staff).value());
  if (o.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : *children) out.push_back(to_json(c, directory));
    std::cout << out.dump(2) << "\n";
    return {};
  }
  for (const auto& c : *children) {
    std::cout << to_hex(c.id) << "  " << c.child.name << " (" << c.child.born << ")  "
              << (c.decisions.empty() ? std::string("no decision") : first_line(c.decisions.back().text, 60)) << "\n";
  }
  return {};
}

template <class Run>
void on_run(CLI::App* cmd, Context& ctx, std::shared_ptr<ChildOptions> o, Run run) {
  cmd->callback([&ctx, o, run] { ctx.action = [&ctx, o, run] { return run(ctx, *o); }; });
}

}  // namespace

void add_child_commands(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ChildOptions>();
  auto* group = app.add_subcommand("child", "Accompanying children and their decisions")->require_subcommand(1);
  auto* add_cmd = group->add_subcommand("add", "Record an accompanying child; prints its id");
  add_cmd->add_option("--case", o->case_id, "Case id")->required();
  add_cmd->add_option("--name", o->input.name, "The child's name")->required();
  add_cmd->add_option("--born", o->input.born, "Year of birth (YYYY)")->required();
  add_cmd->add_option("--exposure", o->input.exposure, "How the child was exposed to the violence");
  add_cmd->add_option("--link", o->input.link, "The child's own case or report");
  on_run(add_cmd, ctx, o, add);
  auto* decide_cmd = group->add_subcommand("decide", "Record a decision about a child; prints its id");
  decide_cmd->add_option("id", o->child_id, "Child id")->required();
  decide_cmd->add_option("--decision", o->decision, "The decision (beslut)")->required();
  on_run(decide_cmd, ctx, o, decide);
  auto* list_cmd = group->add_subcommand("list", "The case's children with their decisions (a logged read)");
  list_cmd->add_option("--case", o->case_id, "Case id")->required();
  list_cmd->add_flag("--json", o->json, "Print JSON");
  on_run(list_cmd, ctx, o, list);
}

}  // namespace varn::cli
