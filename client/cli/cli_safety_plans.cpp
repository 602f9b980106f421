// Safety plans: versions that each follow a named version, so two devices
// writing offline both keep theirs and every device shows both as current.
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

struct PlanOptions {
  bool json = false;
  std::string case_id, text, assessment;
  std::vector<std::string> after;
};

Result<std::optional<model::EntityId>> optional_id(const std::string& text, const std::string& what) {
  if (text.empty()) return std::optional<model::EntityId>{};
  auto id = parse_id(text, what);
  if (!id) return id.error();
  return std::optional<model::EntityId>(*id);
}

Result<void> add(Context& ctx, const PlanOptions& o) {
  auto case_id = parse_id(o.case_id, "case");
  if (!case_id) return case_id.error();
  std::vector<model::EntityId> after;
  for (const auto& a : o.after) {
    auto id = parse_id(a, "safety-plan version");
    if (!id) return id.error();
    after.push_back(*id);
  }
  auto assessment = optional_id(o.assessment, "assessment");
  if (!assessment) return assessment.error();
  auto session = ctx.content_session();
  if (!session) return session.error();
  if (auto r = check_role(**session, wire::ChangeSetClass::field_work); !r) return r;
  auto id = (*session)->records().add_safety_plan_version(*case_id, o.text, after, *assessment);
  if (!id) return id.error();
  std::cout << to_hex(*id) << "\n";
  return {};
}

std::string follows(const std::vector<model::EntityId>& after) {
  if (after.empty()) return "-";
  std::string out;
  for (const auto& a : after) out += (out.empty() ? "" : ",") + short_id(to_hex(a));
  return out;
}

Result<void> list(Context& ctx, const PlanOptions& o) {
  auto case_id = parse_id(o.case_id, "case");
  if (!case_id) return case_id.error();
  auto session = ctx.content_session();
  if (!session) return session.error();
  auto& records = (*session)->records();
  auto plans = records.safety_plans(*case_id);  // writes an access-log entry
  if (!plans) return plans.error();
  auto staff = records.staff();
  if (!staff) return staff.error();
  const device::StaffDirectory directory(std::move(staff).value());
  if (o.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : *plans) out.push_back(to_json(p, directory));
    std::cout << out.dump(2) << "\n";
    return {};
  }
  std::size_t current = 0;
  for (const auto& p : *plans) {
    current += p.current ? 1 : 0;
    std::cout << to_hex(p.id) << "  " << iso_time_ms(p.written_ms) << (p.current ? "  current" : "  replaced")
              << "  follows " << follows(p.after) << "  by "
              << directory.label(p.author) << "  " << first_line(p.text, 60) << "\n";
  }
  if (current > 1) {
    std::cout << current << " versions are current (written at the same time on different devices): add one with "
              << "--after each version it joins\n";
  }
  return {};
}

template <class Run>
void on_run(CLI::App* cmd, Context& ctx, std::shared_ptr<PlanOptions> o, Run run) {
  cmd->callback([&ctx, o, run] { ctx.action = [&ctx, o, run] { return run(ctx, *o); }; });
}

}  // namespace

void add_safety_plan_commands(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<PlanOptions>();
  auto* group = app.add_subcommand("safety-plan", "A case's safety plan, version by version")->require_subcommand(1);
  auto* add_cmd = group->add_subcommand("add", "Write a new version; prints its id");
  add_cmd->add_option("--case", o->case_id, "Case id")->required();
  add_cmd->add_option("--text", o->text, "The plan")->required();
  add_cmd->add_option("--after", o->after,
                      "The version it follows (default: the one current version); again to join versions");
  add_cmd->add_option("--assessment", o->assessment, "The assessment it follows up");
  on_run(add_cmd, ctx, o, add);
  auto* list_cmd = group->add_subcommand("list", "The case's versions, oldest first, and which are current (a logged read)");
  list_cmd->add_option("--case", o->case_id, "Case id")->required();
  list_cmd->add_flag("--json", o->json, "Print JSON");
  on_run(list_cmd, ctx, o, list);
}

}  // namespace varn::cli
