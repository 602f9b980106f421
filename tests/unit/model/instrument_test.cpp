#include "varn/model/instrument.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace varn::model {
namespace {

using nlohmann::json;

const std::string kExamplePath = std::string(VARN_INSTRUMENTS_DIR) + "/example_instrument.json";

json example_json() {
  std::ifstream in(kExamplePath);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

Instrument example() {
  auto loaded = load_instrument(kExamplePath);
  if (!loaded) FAIL(loaded.error().message);
  return std::move(loaded).value();
}

TEST_CASE("the shipped example instrument loads and uses every answer kind", "[model][instrument]") {
  const Instrument inst = example();
  CHECK(inst.id == "varn-example-risk");
  CHECK(inst.sections.size() == 3);
  std::size_t questions = 0;
  std::set<AnswerKind> kinds;
  for (const auto& s : inst.sections) {
    questions += s.questions.size();
    for (const auto& q : s.questions) kinds.insert(q.kind);
  }
  CHECK(questions >= 10);
  CHECK(kinds.size() == 4);
  CHECK(inst.bands.size() == 3);
  CHECK_FALSE(inst.judgement_prompt.empty());
  const Question* q = find_question(inst, "digital_control");
  REQUIRE(q != nullptr);
  CHECK(q->options.size() == 3);
  CHECK(find_question(inst, "nope") == nullptr);
}

struct BrokenCase {
  const char* name;
  std::function<void(json&)> mutate;
  const char* path;  // the error must name this field path
};

TEST_CASE("broken instrument files are refused with the field path in the message", "[model][instrument]") {
  const std::vector<BrokenCase> cases = {
      {"missing id", [](json& j) { j.erase("id"); }, "id: "},
      {"wrong kind", [](json& j) { j["sections"][1]["questions"][0]["kind"] = "slider"; },
       "sections[1].questions[0].kind: "},
      {"kind not a string", [](json& j) { j["sections"][0]["questions"][2]["kind"] = 3; },
       "sections[0].questions[2].kind: "},
      {"scale without max", [](json& j) { j["sections"][0]["questions"][1].erase("max"); },
       "sections[0].questions[1].max: "},
      {"scale with max not above min", [](json& j) { j["sections"][0]["questions"][1]["max"] = 0; },
       "sections[0].questions[1].max: "},
      {"judgement not required", [](json& j) { j["judgement"]["required"] = false; }, "judgement.required: "},
      {"judgement required as a string", [](json& j) { j["judgement"]["required"] = "true"; },
       "judgement.required: "},
      {"judgement without required", [](json& j) { j["judgement"].erase("required"); }, "judgement.required: "},
      {"no judgement at all", [](json& j) { j.erase("judgement"); }, "judgement: "},
      {"choice without options", [](json& j) { j["sections"][1]["questions"][0].erase("options"); },
       "sections[1].questions[0].options: "},
      {"choice with empty options", [](json& j) { j["sections"][1]["questions"][0]["options"] = json::array(); },
       "sections[1].questions[0].options: "},
      {"option without points", [](json& j) { j["sections"][2]["questions"][0]["options"][1].erase("points"); },
       "sections[2].questions[0].options[1].points: "},
      {"misspelt key", [](json& j) { j["sections"][0]["questions"][0]["point_if_yes"] = 1; },
       "sections[0].questions[0].point_if_yes: "},
      {"options on a yes_no question", [](json& j) { j["sections"][0]["questions"][0]["options"] = json::array(); },
       "sections[0].questions[0].options: "},
      {"duplicate question id", [](json& j) { j["sections"][2]["questions"][1]["id"] = "choked"; },
       "sections[2].questions[1].id: "},
      {"points as a fraction", [](json& j) { j["sections"][0]["questions"][0]["points_if_yes"] = 1.5; },
       "sections[0].questions[0].points_if_yes: "},
      {"bands not ascending", [](json& j) { j["score"]["bands"][2]["from"] = 6; }, "score.bands[2].from: "},
      {"first band above the lowest score", [](json& j) { j["score"]["bands"][0]["from"] = 1; },
       "score.bands[0].from: "},
      {"unknown score rule", [](json& j) { j["score"]["rule"] = "max"; }, "score.rule: "},
      {"sections not a list", [](json& j) { j["sections"] = json::object(); }, "sections: "},
      {"a section that is not an object", [](json& j) { j["sections"][1] = 5; }, "sections[1]: "},
      {"empty title", [](json& j) { j["title"] = ""; }, "title: "},
      {"future format", [](json& j) { j["format"] = 2; }, "format: "},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    json j = example_json();
    c.mutate(j);
    const auto parsed = parse_instrument(j.dump());
    REQUIRE_FALSE(parsed.ok());
    CHECK_THAT(parsed.error().message, Catch::StartsWith(c.path));
    CHECK((parsed.error().code == Errc::malformed || parsed.error().code == Errc::unsupported_version));
  }
}

TEST_CASE("non-JSON and non-object instrument files are refused", "[model][instrument]") {
  for (const char* text : {"", "{ \"format\": 1, ", "not json at all", "[1, 2, 3]", "\"a string\"", "{\"a\": \"\xff\"}"}) {
    CAPTURE(text);
    const auto parsed = parse_instrument(text);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().code == Errc::malformed);
    CHECK_THAT(parsed.error().message, Catch::StartsWith("(document): "));
  }
  const auto missing = load_instrument(std::string(VARN_INSTRUMENTS_DIR) + "/no_such_file.json");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == Errc::io_error);
}

// Every question answered at its lowest or its highest score.
Answers all_answers(bool high) {
  const char* yes_no = high ? "yes" : "no";
  return {{"threatened_recently", yes_no},     {"physical_frequency", high ? "3" : "0"},
          {"weapon_access", yes_no},           {"choked", yes_no},
          {"digital_control", high ? "yes" : "no"}, {"isolation", high ? "3" : "0"},
          {"money_control", yes_no},           {"separation", high ? "recent" : "together"},
          {"children_witnessed", yes_no},      {"own_worry", high ? "4" : "0"},
          {"other_circumstances", "fritext"}};
}

TEST_CASE("score() sums the answers and picks the highest band reached", "[model][instrument]") {
  const Instrument inst = example();

  const auto none = score(inst, all_answers(false));
  REQUIRE(none.ok());
  CHECK(none->points == 0);
  CHECK(none->band == "Få av de frågade riskfaktorerna");
  CHECK(none->unanswered.empty());

  const auto all = score(inst, all_answers(true));
  REQUIRE(all.ok());
  CHECK(all->points == 2 + 3 + 3 + 3 + 2 + 3 + 1 + 2 + 2 + 4);
  CHECK(all->band == "Många riskfaktorer");

  // 2 + 2 + 2 = 6: exactly the lower edge of the middle band.
  const auto some = score(inst, {{"threatened_recently", "yes"}, {"physical_frequency", "2"}, {"separation", "planning"}});
  REQUIRE(some.ok());
  CHECK(some->points == 6);
  CHECK(some->band == "Flera riskfaktorer");
  CHECK(some->unanswered.size() == 7);  // the text question is never "unanswered"
}

TEST_CASE("score() refuses out-of-range answers and names the question", "[model][instrument]") {
  const Instrument inst = example();
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"physical_frequency", "4"}, {"physical_frequency", "-1"}, {"physical_frequency", "1.5"},
      {"physical_frequency", " 1"}, {"physical_frequency", "yes"}, {"threatened_recently", "maybe"},
      {"threatened_recently", "Yes"}, {"digital_control", "perhaps"}, {"no_such_question", "yes"},
  };
  for (const auto& [id, answer] : bad) {
    CAPTURE(id, answer);
    const auto result = score(inst, {{id, answer}});
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == Errc::invalid_argument);
    CHECK_THAT(result.error().message, Catch::StartsWith("answers." + id + ": "));
  }
}

}  // namespace
}  // namespace varn::model
