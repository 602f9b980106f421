// Placements: where the person lives for a time (skyddat boende,
// akutlägenhet, jourhem), with a location shown only inside the case.
#include <CLI/CLI.hpp>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli_context.hpp"
#include "commands.hpp"
#include "records_json.hpp"
#include "text_format.hpp"
#include "varn/device/staff_directory.hpp"

namespace varn::cli {
namespace {

// The words of the command-line contract, and the model's tokens.
const std::map<std::string, std::string> kKindWords = {{"skyddat-boende", "sheltered_housing"},
                                                       {"akutlagenhet", "emergency_flat"},
                                                       {"jourhem", "emergency_foster_home"},
                                                       {"annat", "other"}};

struct PlacementOptions {
  bool json = false;
  std::string case_id, kind;
  store::PlacementInput input;
};

Result<void> add(Context& ctx, const PlacementOptions& o) {
  auto case_id = parse_id(o.case_id, "case");
  if (!case_id) return case_id.error();
  auto session = ctx.content_session();
  if (!session) return session.error();
  if (auto r = check_role(**session, wire::ChangeSetClass::field_work); !r) return r;
  store::PlacementInput input = o.input;
  input.kind = kKindWords.at(o.kind);
  auto id = (*session)->records().add_placement(*case_id, input);
  if (!id) return id.error();
  std::cout << to_hex(*id) << "\n";
  return {};
}

Result<void> list(Context& ctx, const PlacementOptions& o) {
  auto case_id = parse_id(o.case_id, "case");
  if (!case_id) return case_id.error();
  auto session = ctx.content_session();
  if (!session) return session.error();
  auto& records = (*session)->records();
  auto placements = records.placements(*case_id);  // writes an access-log entry
  if (!placements) return placements.error();
  auto staff = records.staff();
  if (!staff) return staff.error();
  const device::StaffDirectory directory(std::move(staff).value());
  if (o.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : *placements) out.push_back(to_json(p, directory));
    std::cout << out.dump(2) << "\n";
    return {};
  }
  for (const auto& p : *placements) {
    std::cout << to_hex(p.id) << "  " << p.placement.kind << "  " << p.placement.from << " - "
              << (p.placement.to.empty() ? std::string("ongoing") : p.placement.to) << "  by "
              << directory.label(p.author) << "\n";
  }
  return {};
}

template <class Run>
void on_run(CLI::App* cmd, Context& ctx, std::shared_ptr<PlacementOptions> o, Run run) {
  cmd->callback([&ctx, o, run] { ctx.action = [&ctx, o, run] { return run(ctx, *o); }; });
}

}  // namespace

void add_placement_commands(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<PlacementOptions>();
  auto* group = app.add_subcommand("placement", "Where the person lives for a time")->require_subcommand(1);
  auto* add_cmd = group->add_subcommand("add", "Record a placement; prints its id");
  add_cmd->add_option("--case", o->case_id, "Case id")->required();
  std::vector<std::string> words;
  for (const auto& [word, token] : kKindWords) words.push_back(word);
  add_cmd->add_option("--kind", o->kind, "skyddat-boende, akutlagenhet, jourhem or annat")
      ->required()
      ->check(CLI::IsMember(words));
  add_cmd->add_option("--from", o->input.from, "First day (YYYY-MM-DD)")->required();
  add_cmd->add_option("--to", o->input.to, "Last day (YYYY-MM-DD); leave out while it lasts");
  add_cmd->add_option("--location", o->input.secret_location, "Where (shown only inside the case)");
  add_cmd->add_option("--decision", o->input.decision, "The decision it follows");
  on_run(add_cmd, ctx, o, add);
  auto* list_cmd = group->add_subcommand("list", "The case's placements by start (a logged read)");
  list_cmd->add_option("--case", o->case_id, "Case id")->required();
  list_cmd->add_flag("--json", o->json, "Print JSON, locations included");
  on_run(list_cmd, ctx, o, list);
}

}  // namespace varn::cli
