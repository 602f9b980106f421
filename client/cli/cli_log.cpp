// The access log and its monthly review: `log`, `log review --month M`
// (the sample and the anomalies) and `log review --month M --sign`.
#include <CLI/CLI.hpp>
#include <iostream>
#include <map>
#include <memory>

#include "cli_context.hpp"
#include "commands.hpp"
#include "records_json.hpp"
#include "text_format.hpp"
#include "varn/device/log_readers.hpp"

namespace varn::cli {
namespace {

struct LogOptions {
  bool json = false;
  std::string month;
  bool sign = false;
  std::string comment;
  std::vector<std::string> read_comments;  // ENTRY=TEXT
};

nlohmann::json read_json(const model::LogRead& r, const device::StaffDirectory& staff) {
  return {{"entry", to_hex(r.entry)},
          {"case", to_hex(r.case_id)},
          {"device", r.device},
          {"by", author_json(r.device, staff)},
          {"action", r.action},
          {"at", iso_time_unix(static_cast<std::int64_t>(r.at_unix))}};
}

void print_read(const model::LogRead& r, const device::StaffDirectory& staff) {
  std::cout << "  " << to_hex(r.entry) << "  " << iso_time_unix(static_cast<std::int64_t>(r.at_unix)) << "  "
            << r.action << "  case " << to_hex(r.case_id) << "  by " << staff.label(r.device);
}

Result<void> review(Context& ctx, const LogOptions& o) {
  auto session = ctx.content_session();
  if (!session) return session.error();
  auto& records = (*session)->records();
  auto readers = device::LogReaders::read((*session)->store(), records);
  if (!readers) return readers.error();
  const auto& staff = readers->staff();
  const auto known = readers->facts();
  if (o.sign) {
    if (auto r = check_role(**session, wire::ChangeSetClass::review); !r) {
      return make_error(Errc::forbidden, "only a reviewer or admin device signs off the access log");
    }
    std::map<std::string, std::string> comments;
    for (const auto& pair : o.read_comments) {
      const auto eq = pair.find('=');
      if (eq == std::string::npos) return make_error(Errc::invalid_argument, "--read: give ENTRY=COMMENT");
      comments[pair.substr(0, eq)] = pair.substr(eq + 1);
    }
    auto id = records.sign_log_review(o.month, o.comment, comments, known);
    if (!id) return id.error();
    std::cout << "signed-off: " << to_hex(*id) << "\n";
    return {};
  }
  auto view = records.log_review(o.month, known);
  if (!view) return view.error();
  const auto& m = view->review;
  if (o.json) {
    nlohmann::json sample = nlohmann::json::array(), anomalies = nlohmann::json::array(), signs = nlohmann::json::array();
    for (const auto& r : m.sample) sample.push_back(read_json(r, staff));
    for (const auto& f : m.anomalies) {
      auto j = read_json(f.read, staff);
      j["why"] = nlohmann::json::array();
      for (auto w : f.why) j["why"].push_back(std::string(model::to_string(w)));
      anomalies.push_back(std::move(j));
    }
    for (const auto& s : view->sign_offs) {
      signs.push_back({{"id", to_hex(s.id)},
                       {"by", author_json(s.reviewer, staff)},
                       {"written", iso_time_ms(s.written_ms)},
                       {"comment", s.comment},
                       {"reads", s.reads}});
    }
    std::cout << nlohmann::json{{"month", m.month}, {"reads", m.reads}, {"sample", sample}, {"anomalies", anomalies},
                                {"signed_off", signs}}
                     .dump(2)
              << "\n";
    return {};
  }
  std::cout << "month: " << m.month << "  reads: " << m.reads << "\n";
  std::cout << "sample (" << m.sample.size() << "):\n";
  for (const auto& r : m.sample) {
    print_read(r, staff);
    std::cout << "\n";
  }
  std::cout << "anomalies (" << m.anomalies.size() << "):\n";
  for (const auto& f : m.anomalies) {
    print_read(f.read, staff);
    for (auto w : f.why) std::cout << "  " << model::to_string(w);
    std::cout << "\n";
  }
  if (view->sign_offs.empty()) std::cout << "signed off: no\n";
  for (const auto& s : view->sign_offs) {
    std::cout << "signed off: " << iso_time_ms(s.written_ms) << " by " << staff.label(s.reviewer) << ": " << s.comment
              << "\n";
  }
  return {};
}

}  // namespace

void add_log_commands(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<LogOptions>();
  auto* log = app.add_subcommand("log", "The access log: every read of case content, by whom, how and when");
  log->add_flag("--json", o->json, "Print JSON");
  auto* rev = log->add_subcommand("review", "The monthly review: a sample of the month's reads and its anomalies");
  rev->add_option("--month", o->month, "YYYY-MM, by this device's calendar")->required();
  rev->add_flag("--json", o->json, "Print JSON");
  rev->add_flag("--sign", o->sign, "Sign the month off (reviewer or admin); needs --comment");
  rev->add_option("--comment", o->comment, "The review's comment");
  rev->add_option("--read", o->read_comments, "ENTRY=COMMENT on one read of the sample or anomalies (repeatable)");
  rev->callback([&ctx, o] { ctx.action = [&ctx, o] { return review(ctx, *o); }; });
  log->callback([&ctx, o, log] {
    if (!log->get_subcommands().empty()) return;  // `log review` set its own action
    ctx.action = [&ctx, o] { return print_access_log(ctx, o->json); };
  });
}

}  // namespace varn::cli
