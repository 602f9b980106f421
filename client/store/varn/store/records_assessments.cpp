// Reading assessments back: each as it was saved (the instrument's id,
// version and title then, the score then), and each read logged.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

#include "varn/model/domain.hpp"
#include "varn/store/queries.hpp"
#include "varn/store/records.hpp"

namespace varn::store {
namespace {

namespace dom = model::domain;
using model::EntityKind;

std::string text_of(Result<std::optional<std::string>> field) { return field && *field ? **field : std::string(); }

Result<AssessmentView> read_assessment(Database& db, const EntityId& id) {
  AssessmentView a;
  a.id = id;
  const auto field = [&](std::string_view name) { return text_of(stored_field(db, EntityKind::assessment, id, name)); };
  a.case_id = array_from_hex<16>(field(dom::kAssessmentCase)).value_or(EntityId{});
  a.instrument_id = field(dom::kAssessmentInstrument);
  a.instrument_version = field(dom::kAssessmentInstrumentVersion);
  a.instrument_title = field(dom::kAssessmentInstrumentTitle);
  a.judgement = field(dom::kAssessmentJudgement);
  a.risk = field(dom::kAssessmentRisk);
  // Written by this code's own writer, but a colleague's device could send
  // anything: what does not parse reads as empty rather than failing.
  const auto answers = nlohmann::json::parse(field(dom::kAssessmentAnswers), nullptr, false);
  if (answers.is_object()) {
    for (const auto& [question, answer] : answers.items()) {
      if (answer.is_string()) a.answers[question] = answer.get<std::string>();
    }
  }
  const auto score = nlohmann::json::parse(field(dom::kAssessmentScore), nullptr, false);
  if (score.is_object()) {
    if (score.contains("points") && score["points"].is_number_integer()) a.points = score["points"].get<int>();
    if (score.contains("band") && score["band"].is_string()) a.band = score["band"].get<std::string>();
  }
  auto created = stored_op(db, EntityKind::assessment, id, model::fields::kCreated);
  if (!created) return created.error();
  if (*created) {
    a.author = to_hex((*created)->device);
    a.written_ms = (*created)->hlc.wall_ms();
  }
  return a;
}

}  // namespace

Result<std::vector<AssessmentView>> Records::assessments(const EntityId& case_id) {
  if (store_.locked()) return make_error(Errc::locked, "the store is locked");
  if (auto named = require_named(case_id); !named) return named.error();
  Database& db = store_.database();
  auto ids = referring(db, EntityKind::assessment, dom::kAssessmentCase, case_id);
  if (!ids) return ids.error();
  std::vector<AssessmentView> out;
  for (const auto& id : *ids) {
    auto a = read_assessment(db, id);
    if (!a) return a.error();
    out.push_back(std::move(a).value());
  }
  std::sort(out.begin(), out.end(), [](const AssessmentView& x, const AssessmentView& y) {
    return std::tie(x.written_ms, x.id) < std::tie(y.written_ms, y.id);
  });
  if (!out.empty()) {
    if (auto r = log_access({case_id}, dom::kAccessReadAssessments); !r) return r.error();
  }
  return out;
}

Result<AssessmentView> Records::assessment(const EntityId& id) {
  if (store_.locked()) return make_error(Errc::locked, "the store is locked");
  Database& db = store_.database();
  auto exists = entity_exists(db, EntityKind::assessment, id);
  if (!exists) return exists.error();
  if (!*exists) return make_error(Errc::not_found, "assessment: no such assessment");
  auto a = read_assessment(db, id);
  if (!a) return a.error();
  logged_ms_.erase({a->case_id, std::string(dom::kAccessReadAssessment)});  // every opening is an entry
  if (auto r = log_access({a->case_id}, dom::kAccessReadAssessment); !r) return r.error();
  return a;
}

}  // namespace varn::store
