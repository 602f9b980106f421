// The monthly access-log review: the month's reads through
// model::review_month, and the reviewer's sign-off.
#include <ctime>
#include <nlohmann/json.hpp>

#include "varn/model/domain.hpp"
#include "varn/store/queries.hpp"
#include "varn/store/record_checks.hpp"
#include "varn/store/record_write.hpp"
#include "varn/store/records.hpp"

namespace varn::store {

namespace dom = model::domain;
using model::EntityKind;

namespace {

model::LocalTime local_time(std::uint64_t unix_seconds) {
  const auto t = static_cast<std::time_t>(unix_seconds);
  std::tm local{};
  if (localtime_r(&t, &local) == nullptr) return {};
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_hour};
}

std::string text_of(Result<std::optional<std::string>> field) { return field && *field ? **field : std::string(); }

}  // namespace

Result<LogReviewView> Records::log_review(const std::string& month,
                                          const model::ReaderFacts& readers) {
  auto entries = access_log();
  if (!entries) return entries.error();
  std::vector<model::LogRead> reads;
  for (const auto& e : *entries) reads.push_back({e.id, e.case_id, e.device, e.at_unix, e.action});
  auto review = model::review_month(reads, month, local_time, readers);
  if (!review) return make_error(Errc::invalid_argument, "month: must be YYYY-MM");
  LogReviewView view{std::move(*review), {}};
  Database& db = store_.database();
  auto ids = ids_with_field(db, EntityKind::log_review, dom::kLogReviewMonth);
  if (!ids) return ids.error();
  for (const auto& id : *ids) {
    if (text_of(stored_field(db, EntityKind::log_review, id, dom::kLogReviewMonth)) != month) continue;
    LogReviewSignOff s;
    s.id = id;
    s.month = month;
    s.comment = text_of(stored_field(db, EntityKind::log_review, id, dom::kLogReviewComment));
    auto created = stored_op(db, EntityKind::log_review, id, model::fields::kCreated);
    if (!created) return created.error();
    if (*created) {
      s.reviewer = to_hex((*created)->device);
      s.written_ms = (*created)->hlc.wall_ms();
    }
    const auto reads_json =
        nlohmann::json::parse(text_of(stored_field(db, EntityKind::log_review, id, dom::kLogReviewReads)), nullptr, false);
    if (reads_json.is_object()) {
      for (const auto& [entry, comment] : reads_json.items()) {
        if (comment.is_string()) s.reads[entry] = comment.get<std::string>();
      }
    }
    view.sign_offs.push_back(std::move(s));
  }
  std::sort(view.sign_offs.begin(), view.sign_offs.end(),
            [](const LogReviewSignOff& a, const LogReviewSignOff& b) { return a.written_ms < b.written_ms; });
  return view;
}

Result<EntityId> Records::sign_log_review(const std::string& month, const std::string& comment,
                                          const std::map<std::string, std::string>& read_comments,
                                          const model::ReaderFacts& readers) {
  if (auto r = require_text("comment", comment); !r) return r.error();
  auto view = log_review(month, readers);
  if (!view) return view.error();
  nlohmann::json reads = nlohmann::json::object();
  for (const auto& r : view->review.sample) reads[to_hex(r.entry)] = "";
  for (const auto& f : view->review.anomalies) reads[to_hex(f.read.entry)] = "";
  for (const auto& [entry, text] : read_comments) {
    if (!reads.contains(entry)) {
      return make_error(Errc::invalid_argument, "read " + entry + ": not in this month's sample or anomalies");
    }
    reads[entry] = text;
  }
  auto w = RecordWrite::begin(store_, clock_, me_);
  if (!w) return w.error();
  const EntityId id = w->new_id();
  constexpr auto review = wire::ChangeSetClass::review;
  if (auto r = w->put(EntityKind::log_review, id, model::fields::kCreated, to_hex(me_), review); !r) return r.error();
  if (auto r = w->put(EntityKind::log_review, id, dom::kLogReviewMonth, month, review); !r) return r.error();
  if (auto r = w->put(EntityKind::log_review, id, dom::kLogReviewComment, comment, review); !r) return r.error();
  if (auto r = w->put(EntityKind::log_review, id, dom::kLogReviewReads, reads.dump(), review); !r) return r.error();
  if (auto r = w->commit(); !r) return r.error();
  return id;
}

}  // namespace varn::store
