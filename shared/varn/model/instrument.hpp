#pragma once
//! Assessment instruments as data, never as code. The municipality
//! installs the real, copyrighted ones as JSON files; the project ships only
//! shared/instruments/example_instrument.json in its own words.
//!
//! Format (docs/INSTRUMENTS.md):
//! {"format": 1, "id": "...", "title": "...", "version": "...",
//!  "sections": [{"id": "...", "title": "...", "questions": [
//!     {"id": "...", "text": "...", "kind": "yes_no" | "scale" | "choice" | "text",
//!      "min": 0, "max": 3,                  (scale)
//!      "options": [{"value": "...", "label": "...", "points": 1}],  (choice)
//!      "points_if_yes": 1}]}],              (yes_no)
//!  "score": {"rule": "sum", "bands": [{"from": 0, "label": "..."}]},
//!  "judgement": {"required": true, "prompt": "..."}}
//! The loader refuses a file whose judgement is not required: the software
//! never hands out a verdict of its own.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "varn/util/result.hpp"

namespace varn::model {

enum class AnswerKind { yes_no, scale, choice, text };

struct ChoiceOption {
  std::string value;
  std::string label;
  int points = 0;
};

struct Question {
  std::string id;
  std::string text;
  AnswerKind kind = AnswerKind::yes_no;
  int min = 0;
  int max = 0;
  int points_if_yes = 0;
  std::vector<ChoiceOption> options;
};

struct Section {
  std::string id;
  std::string title;
  std::vector<Question> questions;
};

struct ScoreBand {
  int from = 0;
  std::string label;
};

struct Instrument {
  std::string id;
  std::string title;
  std::string version;
  std::vector<Section> sections;
  std::vector<ScoreBand> bands;  //!< ascending by `from`
  std::string judgement_prompt;
};

//! Errc::malformed with a message naming the field, e.g.
//! "sections[1].questions[0].kind: must be one of yes_no, scale, choice, text"
//! (Errc::unsupported_version for a "format" other than 1). Unknown keys are
//! refused too, so a misspelt "points_if_yes" cannot silently score 0.
[[nodiscard]] Result<Instrument> parse_instrument(std::string_view json_text);
//! Reads a file of at most kMaxInstrumentBytes (Errc::io_error if unreadable).
[[nodiscard]] Result<Instrument> load_instrument(const std::string& path);
inline constexpr std::size_t kMaxInstrumentBytes = std::size_t{1} << 20;

//! The question with this id, or nullptr.
[[nodiscard]] const Question* find_question(const Instrument& instrument, std::string_view id);

using Answers = std::map<std::string, std::string>;  //!< question id -> answer ("yes", "2", option value, text)

struct Score {
  int points = 0;
  std::string band;  //!< label of the highest band whose `from` <= points
  std::vector<std::string> unanswered;  //!< ids of scored questions left without an answer (count 0)
};

//! Sum rule: yes_no gives points_if_yes for "yes", 0 for "no"; scale gives
//! the number answered; choice the option's points; text nothing. Missing
//! answers count 0 and are listed. Errc::invalid_argument naming the question
//! ("answers.q3: ...") when an answer is out of range or the id is unknown.
[[nodiscard]] Result<Score> score(const Instrument& instrument, const Answers& answers);

}  // namespace varn::model
