// Reads: list notes / persons / conflicts / access-log, show case. Note text
// is printed only here, where the user asked for it.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>

#include "cli_context.hpp"
#include "commands.hpp"
#include "records_json.hpp"
#include "varn/device/case_directory.hpp"
#include "varn/device/caseload.hpp"
#include "text_format.hpp"

namespace varn::cli {
namespace {

struct ListOptions {
  bool json = false;
  bool only_unsigned = false;
  bool only_unreviewed = false;
  bool only_stale = false;
  bool only_mine = false;
  std::string case_id;
  std::string id;
};

Result<store::Records*> records(Context& ctx) {
  auto session = ctx.content_session();
  if (!session) return session.error();
  return &(*session)->records();
}

void print_json(const nlohmann::json& j) { std::cout << j.dump(2) << "\n"; }

// Who each device belongs to, as the admins recorded it.
Result<device::StaffDirectory> staff_directory(store::Records& r) {
  auto staff = r.staff();
  if (!staff) return staff.error();
  return device::StaffDirectory(std::move(staff).value());
}

Result<void> list_notes(Context& ctx, const ListOptions& o) {
  store::NoteFilter filter;
  if (o.only_unsigned) filter.only_unsigned = true;
  if (o.only_unreviewed) filter.only_unreviewed = true;
  if (o.only_stale) filter.only_stale = true;
  if (!o.case_id.empty()) {
    auto id = parse_id(o.case_id, "case");
    if (!id) return id.error();
    filter.case_id = *id;
  }
  auto r = records(ctx);
  if (!r) return r.error();
  auto notes = (*r)->notes(filter);
  if (!notes) return notes.error();
  auto staff = staff_directory(**r);
  if (!staff) return staff.error();
  sort_notes(*notes);
  if (o.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& n : *notes) list.push_back(to_json(n, *staff));
    print_json(list);
    return {};
  }
  for (const auto& n : *notes) {
    const char* state = n.reviewed ? "reviewed" : n.is_signed ? "signed" : n.stale ? "old-draft" : "draft";
    std::cout << to_hex(n.id) << "  event " << (n.event_time.empty() ? "-" : n.event_time) << "  written "
              << iso_time_ms(n.written_ms) << "  " << state << "  by " << staff->label(n.author) << "  "
              << first_line(n.body, 60) << "\n";
  }
  return {};
}

Result<void> list_persons(Context& ctx, const ListOptions& o) {
  auto r = records(ctx);
  if (!r) return r.error();
  auto persons = (*r)->persons();
  if (!persons) return persons.error();
  std::sort(persons->begin(), persons->end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  if (o.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : *persons) list.push_back(to_json(p));
    print_json(list);
    return {};
  }
  for (const auto& p : *persons) {
    std::cout << to_hex(p.id) << "  " << p.name << (p.protection == "none" ? "" : "  [" + p.protection + "]") << "\n";
  }
  return {};
}

Result<void> list_conflicts(Context& ctx, const ListOptions& o) {
  auto r = records(ctx);
  if (!r) return r.error();
  auto conflicts = (*r)->conflicts();
  if (!conflicts) return conflicts.error();
  if (o.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : *conflicts) list.push_back(to_json(c));
    print_json(list);
    return {};
  }
  for (const auto& c : *conflicts) {
    std::cout << model::kind_name(c.kind) << " " << to_hex(c.id) << "  " << c.field << "  by " << short_id(c.author)
              << "  " << iso_time_ms(c.written_ms) << "  " << c.reason << "\n";
  }
  return {};
}

}  // namespace

Result<void> print_access_log(Context& ctx, bool json) {
  ListOptions o;
  o.json = json;
  auto r = records(ctx);
  if (!r) return r.error();
  auto log = (*r)->access_log();
  if (!log) return log.error();
  auto staff = staff_directory(**r);
  if (!staff) return staff.error();
  if (o.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : *log) list.push_back(to_json(e, *staff));
    print_json(list);
    return {};
  }
  for (const auto& e : *log) {
    std::cout << iso_time_unix(static_cast<std::int64_t>(e.at_unix)) << "  " << e.action << "  case "
              << to_hex(e.case_id) << "  by " << staff->label(e.device) << "\n";
  }
  return {};
}

namespace {

Result<void> list_access_log(Context& ctx, const ListOptions& o) { return print_access_log(ctx, o.json); }

Result<void> show_case(Context& ctx, const ListOptions& o) {
  auto id = parse_id(o.id, "case");
  if (!id) return id.error();
  auto r = records(ctx);
  if (!r) return r.error();
  auto view = (*r)->open_case_view(*id);  // writes an access-log entry
  if (!view) return view.error();
  auto staff = staff_directory(**r);
  if (!staff) return staff.error();
  const nlohmann::json j = to_json(*view, *staff);
  if (o.json) {
    print_json(j);
    return {};
  }
  std::cout << "case: " << j["id"].get<std::string>() << "\n"
            << "person: " << view->person.name << " (" << view->person.protection << ")\n";
  if (view->person.address) std::cout << "address: " << *view->person.address << "\n";
  std::cout << "phase: " << view->phase << "\n";
  std::cout << "responsible: ";
  if (view->responsible.empty()) std::cout << "nobody";
  for (std::size_t i = 0; i < view->responsible.size(); ++i) {
    std::cout << (i ? "; " : "") << staff->staff_label(view->responsible[i]);
  }
  std::cout << "\n";
  if (!view->flags.empty()) std::cout << "flags: " << j["flags"].dump() << "\n";
  for (const auto& v : j["visits"]) {
    std::cout << "visit " << v["id"].get<std::string>() << "  " << v["kind"].get<std::string>()
              << "  partner present: " << v["partner_present"].get<std::string>() << "\n";
  }
  for (const auto& n : j["notes"]) {
    std::cout << "note " << n["id"].get<std::string>() << "  " << n["written"].get<std::string>()
 << (n["signed"].get<bool>() ? "  signed" : "  draft")
              << "  by " << staff->label(n["author"]["device"].get<std::string>()) << "\n  " << n["body"].get<std::string>() << "\n";
    for (const auto& a : n["addenda"]) {
      std::cout << "  + " << a["kind"].get<std::string>() << " " << a["written"].get<std::string>() << ": "
                << a["text"].get<std::string>() << "\n";
    }
  }
  return {};
}

// Cases with their person and who is responsible; --mine: the ones this
// device's lists hold (device/caseload.hpp). Listing opens no case.
Result<void> list_cases(Context& ctx, const ListOptions& o) {
  auto session = ctx.content_session();
  if (!session) return session.error();
  auto& r = (*session)->records();
  auto cases = device::list_cases((*session)->store());
  if (!cases) return cases.error();
  auto load = device::caseload_of((*session)->store(), r, (*session)->device_id());
  if (!load) return load.error();
  auto persons = r.persons();
  if (!persons) return persons.error();
  std::map<std::string, std::string> names;
  for (const auto& p : *persons) names[to_hex(p.id)] = p.name;
  auto staff = staff_directory(r);
  if (!staff) return staff.error();
  std::sort(cases->begin(), cases->end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : *cases) {
    if (o.only_mine && !load->lists(c)) continue;
    if (o.json) {
      list.push_back({{"id", to_hex(c.id)},
                      {"person", {{"id", c.person}, {"name", names[c.person]}}},
                      {"phase", c.phase},
                      {"responsible", responsible_json(c.responsible, *staff)}});
      continue;
    }
    std::cout << to_hex(c.id) << "  " << names[c.person] << "  " << c.phase << "  responsible: ";
    if (c.responsible.empty()) std::cout << "nobody";
    for (std::size_t i = 0; i < c.responsible.size(); ++i) {
      std::cout << (i ? "; " : "") << staff->staff_label(c.responsible[i]);
    }
    std::cout << "\n";
  }
  if (o.json) print_json(list);
  return {};
}

template <class Run>
void leaf(CLI::App* cmd, Context& ctx, std::shared_ptr<ListOptions> o, Run run) {
  cmd->add_flag("--json", o->json, "Print JSON");
  cmd->callback([&ctx, o, run] { ctx.action = [&ctx, o, run] { return run(ctx, *o); }; });
}

}  // namespace

void add_list_commands(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ListOptions>();
  auto* list = app.add_subcommand("list", "List what this device holds")->require_subcommand(1);
  auto* notes = list->add_subcommand("notes", "Notes, oldest first");
  notes->add_flag("--unsigned", o->only_unsigned, "Only drafts");
  notes->add_flag("--unreviewed", o->only_unreviewed, "Only notes no reviewer signed off");
  notes->add_flag("--stale", o->only_stale, "Only drafts older than the unit's stale-draft days");
  notes->add_option("--case", o->case_id, "Only this case's notes");
  leaf(notes, ctx, o, list_notes);
  leaf(list->add_subcommand("persons", "People"), ctx, o, list_persons);
  auto* cases = list->add_subcommand("cases", "Cases with who is responsible (listing opens none)");
  cases->add_flag("--mine", o->only_mine, "Only this device's caseload (a reviewer's is the unit's)");
  leaf(cases, ctx, o, list_cases);
  leaf(list->add_subcommand("conflicts", "Changes every device refused (e.g. edits of a signed note)"), ctx, o,
       list_conflicts);
  leaf(list->add_subcommand("access-log", "Who read which case, how and when (as `log`)"), ctx, o, list_access_log);

  auto* show = app.add_subcommand("show", "Show one record (opening a case is logged)")->require_subcommand(1);
  auto* show_case_cmd = show->add_subcommand("case", "A case with its person, visits and notes");
  show_case_cmd->add_option("id", o->id, "Case id")->required();
  leaf(show_case_cmd, ctx, o, show_case);
}

}  // namespace varn::cli
