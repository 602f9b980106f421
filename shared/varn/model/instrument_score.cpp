#include <charconv>

#include "varn/model/instrument.hpp"

namespace varn::model {
namespace {

Error bad_answer(const std::string& id, const std::string& what) {
  return make_error(Errc::invalid_argument, "answers." + id + ": " + what);
}

// Strict decimal: an optional '-' and digits, nothing else.
std::optional<int> parse_whole(const std::string& s) {
  if (s.empty() || s.size() > 8) return std::nullopt;
  int v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

Result<int> points_for(const Question& q, const std::string& answer) {
  switch (q.kind) {
    case AnswerKind::yes_no:
      if (answer == "yes") return q.points_if_yes;
      if (answer == "no") return 0;
      return bad_answer(q.id, "must be yes or no");
    case AnswerKind::scale: {
      const auto v = parse_whole(answer);
      if (!v || *v < q.min || *v > q.max) {
        return bad_answer(q.id, "must be a whole number from " + std::to_string(q.min) + " to " + std::to_string(q.max));
      }
      return *v;
    }
    case AnswerKind::choice:
      for (const auto& o : q.options) {
        if (o.value == answer) return o.points;
      }
      return bad_answer(q.id, "is not one of the question's options");
    case AnswerKind::text:
      return 0;
  }
  return bad_answer(q.id, "has an unknown answer kind");
}

}  // namespace

const Question* find_question(const Instrument& instrument, std::string_view id) {
  for (const auto& section : instrument.sections) {
    for (const auto& q : section.questions) {
      if (q.id == id) return &q;
    }
  }
  return nullptr;
}

Result<Score> score(const Instrument& instrument, const Answers& answers) {
  for (const auto& [id, answer] : answers) {
    if (find_question(instrument, id) == nullptr) return bad_answer(id, "is not a question of " + instrument.id);
  }
  Score out;
  for (const auto& section : instrument.sections) {
    for (const auto& q : section.questions) {
      const auto it = answers.find(q.id);
      if (it == answers.end()) {
        if (q.kind != AnswerKind::text) out.unanswered.push_back(q.id);
        continue;
      }
      auto points = points_for(q, it->second);
      if (!points) return points.error();
      out.points += *points;
    }
  }
  const ScoreBand* band = nullptr;
  for (const auto& b : instrument.bands) {
    if (b.from <= out.points && (band == nullptr || b.from > band->from)) band = &b;
  }
  if (band == nullptr) {
    return make_error(Errc::invalid_argument, "score: no band covers " + std::to_string(out.points) + " points");
  }
  out.band = band->label;
  return out;
}

}  // namespace varn::model
