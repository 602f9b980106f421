#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

#include "varn/model/instrument.hpp"
#include "varn/model/instrument_reader.hpp"

namespace varn::model {
namespace {

using detail::index_path;
using detail::join_path;
using detail::Json;
using detail::JsonReader;

// Bounds that keep every sum far inside an int and the UI sane.
constexpr int kMaxPoints = 1000;
constexpr std::size_t kMaxTextBytes = 4000;
constexpr std::size_t kMaxSections = 50;
constexpr std::size_t kMaxQuestionsPerSection = 200;
constexpr std::size_t kMaxOptions = 50;
constexpr std::size_t kMaxBands = 20;

std::optional<AnswerKind> answer_kind_from(const Json& j) {
  if (!j.is_string()) return std::nullopt;
  const auto& s = j.get_ref<const std::string&>();
  if (s == "yes_no") return AnswerKind::yes_no;
  if (s == "scale") return AnswerKind::scale;
  if (s == "choice") return AnswerKind::choice;
  if (s == "text") return AnswerKind::text;
  return std::nullopt;
}

// The lowest total a question can add, counting an unanswered one as 0.
int lowest_points(const Question& q) {
  switch (q.kind) {
    case AnswerKind::yes_no: return std::min(0, q.points_if_yes);
    case AnswerKind::scale: return std::min(0, q.min);
    case AnswerKind::choice: {
      int low = 0;
      for (const auto& o : q.options) low = std::min(low, o.points);
      return low;
    }
    case AnswerKind::text: return 0;
  }
  return 0;
}

void read_options(JsonReader& r, const Json& jq, const std::string& path, Question& q) {
  const Json* options = r.array(jq, path, "options", kMaxOptions);
  if (options == nullptr) return;
  std::set<std::string> values;
  for (std::size_t i = 0; i < options->size() && !r.failed(); ++i) {
    const std::string at = index_path(path, "options", i);
    const Json& jo = (*options)[i];
    if (!r.require_object(jo, at)) return;
    ChoiceOption o;
    o.value = r.identifier(jo, at, "value");
    o.label = r.text(jo, at, "label", kMaxTextBytes);
    o.points = r.integer(jo, at, "points", -kMaxPoints, kMaxPoints);
    r.only_keys(jo, at, {"value", "label", "points"});
    if (!r.failed() && !values.insert(o.value).second) r.fail(join_path(at, "value"), "is used twice");
    q.options.push_back(std::move(o));
  }
}

void read_question(JsonReader& r, const Json& jq, const std::string& path, Question& q) {
  if (!r.require_object(jq, path)) return;
  q.id = r.identifier(jq, path, "id");
  q.text = r.text(jq, path, "text", kMaxTextBytes);
  const Json* kind = r.member(jq, path, "kind", true);
  if (kind == nullptr) return;
  const auto parsed = answer_kind_from(*kind);
  if (!parsed) return r.fail(join_path(path, "kind"), "must be one of yes_no, scale, choice, text");
  q.kind = *parsed;
  switch (q.kind) {
    case AnswerKind::yes_no:
      q.points_if_yes = r.integer(jq, path, "points_if_yes", -kMaxPoints, kMaxPoints);
      r.only_keys(jq, path, {"id", "text", "kind", "points_if_yes"}, "is not allowed in a yes_no question");
      break;
    case AnswerKind::scale:
      q.min = r.integer(jq, path, "min", -kMaxPoints, kMaxPoints);
      q.max = r.integer(jq, path, "max", -kMaxPoints, kMaxPoints);
      if (!r.failed() && q.max <= q.min) r.fail(join_path(path, "max"), "must be greater than min");
      r.only_keys(jq, path, {"id", "text", "kind", "min", "max"}, "is not allowed in a scale question");
      break;
    case AnswerKind::choice:
      read_options(r, jq, path, q);
      r.only_keys(jq, path, {"id", "text", "kind", "options"}, "is not allowed in a choice question");
      break;
    case AnswerKind::text:
      r.only_keys(jq, path, {"id", "text", "kind"}, "is not allowed in a text question");
      break;
  }
}

void read_sections(JsonReader& r, const Json& root, Instrument& out) {
  const Json* sections = r.array(root, "", "sections", kMaxSections);
  if (sections == nullptr) return;
  std::set<std::string> section_ids, question_ids;  // answers are keyed by question id alone
  for (std::size_t s = 0; s < sections->size() && !r.failed(); ++s) {
    const std::string at = index_path("", "sections", s);
    const Json& js = (*sections)[s];
    if (!r.require_object(js, at)) return;
    Section section;
    section.id = r.identifier(js, at, "id");
    section.title = r.text(js, at, "title", kMaxTextBytes);
    if (!r.failed() && !section_ids.insert(section.id).second) r.fail(join_path(at, "id"), "is used twice");
    const Json* questions = r.array(js, at, "questions", kMaxQuestionsPerSection);
    r.only_keys(js, at, {"id", "title", "questions"});
    for (std::size_t i = 0; questions != nullptr && i < questions->size() && !r.failed(); ++i) {
      const std::string qat = index_path(at, "questions", i);
      Question q;
      read_question(r, (*questions)[i], qat, q);
      if (!r.failed() && !question_ids.insert(q.id).second) r.fail(join_path(qat, "id"), "is used twice");
      section.questions.push_back(std::move(q));
    }
    out.sections.push_back(std::move(section));
  }
}

void read_score(JsonReader& r, const Json& root, Instrument& out) {
  const Json* score = r.member(root, "", "score", true);
  if (score == nullptr || !r.require_object(*score, "score")) return;
  const Json* rule = r.member(*score, "score", "rule", true);
  if (rule != nullptr && !(rule->is_string() && rule->get_ref<const std::string&>() == "sum")) {
    r.fail("score.rule", "must be \"sum\" (the only rule this version knows)");
  }
  const Json* bands = r.array(*score, "score", "bands", kMaxBands);
  r.only_keys(*score, "score", {"rule", "bands"});
  for (std::size_t i = 0; bands != nullptr && i < bands->size() && !r.failed(); ++i) {
    const std::string at = index_path("score", "bands", i);
    if (!r.require_object((*bands)[i], at)) return;
    ScoreBand band;
    band.from = r.integer((*bands)[i], at, "from", -1000000, 1000000);
    band.label = r.text((*bands)[i], at, "label", kMaxTextBytes);
    r.only_keys((*bands)[i], at, {"from", "label"});
    if (!r.failed() && i > 0 && band.from <= out.bands.back().from) {
      r.fail(join_path(at, "from"), "must be greater than the band before it");
    }
    out.bands.push_back(std::move(band));
  }
  if (r.failed()) return;
  int lowest = 0;
  for (const auto& section : out.sections) {
    for (const auto& q : section.questions) lowest += lowest_points(q);
  }
  if (out.bands.front().from > lowest) {
    r.fail("score.bands[0].from", "must be at most " + std::to_string(lowest) + ", the lowest possible score");
  }
}

void read_judgement(JsonReader& r, const Json& root, Instrument& out) {
  const Json* judgement = r.member(root, "", "judgement", true);
  if (judgement == nullptr || !r.require_object(*judgement, "judgement")) return;
  const Json* required = r.member(*judgement, "judgement", "required", true);
  if (required != nullptr && !(required->is_boolean() && required->get<bool>())) {
    // The software never hands out a verdict of its own.
    r.fail("judgement.required", "must be true: the worker's own judgement is always required");
  }
  out.judgement_prompt = r.text(*judgement, "judgement", "prompt", kMaxTextBytes);
  r.only_keys(*judgement, "judgement", {"required", "prompt"});
}

}  // namespace

Result<Instrument> parse_instrument(std::string_view json_text) {
  if (json_text.size() > kMaxInstrumentBytes) return make_error(Errc::malformed, "(document): larger than 1 MiB");
  const Json root = Json::parse(json_text.begin(), json_text.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return make_error(Errc::malformed, "(document): is not valid JSON");
  JsonReader r;
  if (!r.require_object(root, "")) return r.error();
  const Json* format = r.member(root, "", "format", true);
  if (format != nullptr && !(format->is_number_integer() && *format == 1)) {
    r.fail("format", "must be 1 (the only format this version reads)", Errc::unsupported_version);
  }
  Instrument out;
  out.id = r.identifier(root, "", "id");
  out.title = r.text(root, "", "title", kMaxTextBytes);
  out.version = r.text(root, "", "version", 64);
  read_sections(r, root, out);
  read_score(r, root, out);
  read_judgement(r, root, out);
  r.only_keys(root, "", {"format", "id", "title", "version", "sections", "score", "judgement"});
  if (r.failed()) return r.error();
  return out;
}

Result<Instrument> load_instrument(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(Errc::io_error, "cannot open instrument file " + path);
  std::string text;
  text.resize(kMaxInstrumentBytes + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) return make_error(Errc::io_error, "cannot read instrument file " + path);
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > kMaxInstrumentBytes) return make_error(Errc::malformed, path + ": larger than 1 MiB");
  auto parsed = parse_instrument(text);
  if (!parsed) return make_error(parsed.error().code, path + ": " + parsed.error().message);
  return parsed;
}

}  // namespace varn::model
