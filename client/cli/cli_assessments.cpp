// Assessments: a filled-in instrument saved with the worker's judgement,
// listed and shown back as saved. Showing them is a read of the case, logged.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_context.hpp"
#include "commands.hpp"
#include "records_json.hpp"
#include "text_format.hpp"
#include "varn/device/staff_directory.hpp"
#include "varn/model/instrument.hpp"

namespace varn::cli {
namespace {

struct AssessmentOptions {
  bool json = false;
  std::string case_id, instrument, answers, judgement, risk, id;
};

// The answers file: a JSON object from question id to answer, as
// docs/INSTRUMENTS.md gives them (numbers are taken as their text).
Result<model::Answers> read_answers(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(Errc::io_error, "--answers: cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  const auto parsed = nlohmann::json::parse(text.str(), nullptr, false);
  if (!parsed.is_object()) return make_error(Errc::invalid_argument, "--answers: must be a JSON object of question id to answer");
  model::Answers answers;
  for (const auto& [question, answer] : parsed.items()) {
    if (answer.is_string()) {
      answers[question] = answer.get<std::string>();
    } else if (answer.is_number_integer()) {
      answers[question] = std::to_string(answer.get<long long>());
    } else {
      return make_error(Errc::invalid_argument, "--answers: " + question + ": give the answer as text or a whole number");
    }
  }
  return answers;
}

Result<void> add(Context& ctx, const AssessmentOptions& o) {
  auto case_id = parse_id(o.case_id, "case");
  if (!case_id) return case_id.error();
  auto instrument = model::load_instrument(o.instrument);
  if (!instrument) return instrument.error();
  auto answers = read_answers(o.answers);
  if (!answers) return answers.error();
  auto session = ctx.content_session();
  if (!session) return session.error();
  if (auto r = check_role(**session, wire::ChangeSetClass::field_work); !r) return r;
  auto id = (*session)->records().add_assessment(*case_id, *instrument, *answers, o.judgement, o.risk);
  if (!id) return id.error();
  std::cout << to_hex(*id) << "\n";
  return {};
}

Result<device::StaffDirectory> staff_of(store::Records& records) {
  auto staff = records.staff();
  if (!staff) return staff.error();
  return device::StaffDirectory(std::move(staff).value());
}

Result<void> list(Context& ctx, const AssessmentOptions& o) {
  auto case_id = parse_id(o.case_id, "case");
  if (!case_id) return case_id.error();
  auto session = ctx.content_session();
  if (!session) return session.error();
  auto& records = (*session)->records();
  auto listed = records.assessments(*case_id);  // writes an access-log entry
  if (!listed) return listed.error();
  auto staff = staff_of(records);
  if (!staff) return staff.error();
  if (o.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : *listed) out.push_back(to_json(a, *staff, false));
    std::cout << out.dump(2) << "\n";
    return {};
  }
  for (const auto& a : *listed) {
    std::cout << to_hex(a.id) << "  " << iso_time_ms(a.written_ms) << "  " << a.instrument_id << " "
              << a.instrument_version << "  score " << a.points << (a.band.empty() ? "" : " (" + a.band + ")")
              << "  judgement: " << first_line(a.judgement, 60) << "  by " << staff->label(a.author) << "\n";
  }
  return {};
}

Result<void> show(Context& ctx, const AssessmentOptions& o) {
  auto id = parse_id(o.id, "assessment");
  if (!id) return id.error();
  auto session = ctx.content_session();
  if (!session) return session.error();
  auto& records = (*session)->records();
  auto a = records.assessment(*id);  // writes an access-log entry
  if (!a) return a.error();
  auto staff = staff_of(records);
  if (!staff) return staff.error();
  if (o.json) {
    std::cout << to_json(*a, *staff, true).dump(2) << "\n";
    return {};
  }
  std::cout << "assessment: " << to_hex(a->id) << "\n"
            << "instrument: " << a->instrument_title << " (" << a->instrument_id << " " << a->instrument_version << ")\n"
            << "score: " << a->points << (a->band.empty() ? "" : " (" + a->band + ")") << "\n"
            << "judgement: " << a->judgement << "\n"
            << "by: " << staff->label(a->author) << "  " << iso_time_ms(a->written_ms) << "\n";
  for (const auto& [question, answer] : a->answers) std::cout << "  " << question << ": " << answer << "\n";
  return {};
}

template <class Run>
void on_run(CLI::App* cmd, Context& ctx, std::shared_ptr<AssessmentOptions> o, Run run) {
  cmd->callback([&ctx, o, run] { ctx.action = [&ctx, o, run] { return run(ctx, *o); }; });
}

}  // namespace

void add_assessment_commands(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<AssessmentOptions>();
  auto* group = app.add_subcommand("assessment", "Risk assessments: a filled-in instrument and the worker's judgement")
                    ->require_subcommand(1);
  auto* add_cmd = group->add_subcommand("add", "Save an assessment; prints its id");
  add_cmd->add_option("--case", o->case_id, "Case id")->required();
  add_cmd->add_option("--instrument", o->instrument, "The instrument file (docs/INSTRUMENTS.md)")->required();
  add_cmd->add_option("--answers", o->answers, "A JSON file: question id -> answer")->required();
  add_cmd->add_option("--judgement", o->judgement, "Your own professional judgement (required)")->required();
  add_cmd->add_option("--risk", o->risk, "The risk you judge: low, medium or high (high gates a lone home visit)")
      ->check(CLI::IsMember({"low", "medium", "high"}));
  on_run(add_cmd, ctx, o, add);
  auto* list_cmd = group->add_subcommand("list", "A case's assessments, oldest first (a logged read)");
  list_cmd->add_option("--case", o->case_id, "Case id")->required();
  list_cmd->add_flag("--json", o->json, "Print JSON");
  on_run(list_cmd, ctx, o, list);
  auto* show_cmd = group->add_subcommand("show", "One assessment with its answers (a logged read)");
  show_cmd->add_option("id", o->id, "Assessment id")->required();
  show_cmd->add_flag("--json", o->json, "Print JSON");
  on_run(show_cmd, ctx, o, show);
}

}  // namespace varn::cli
