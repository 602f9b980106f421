// Assessments read back as they were saved, and every read of them is logged.
#include <catch2/catch.hpp>

#include <algorithm>

#include "store_fixture.hpp"
#include "varn/crypto/random.hpp"
#include "varn/model/domain.hpp"
#include "varn/store/records.hpp"

using namespace varn;

namespace {

model::Instrument instrument_version(const std::string& version, const std::string& raised_label) {
  model::Instrument instrument;
  instrument.id = "example";
  instrument.title = "Exempel";
  instrument.version = version;
  model::Question q;
  q.id = "q1";
  q.kind = model::AnswerKind::yes_no;
  q.points_if_yes = 2;
  instrument.sections.push_back({"s1", "Section", {q}});
  instrument.bands = {{0, "low"}, {2, raised_label}};
  return instrument;
}

struct AssessmentDesk : test::RecordsDesk {
  model::EntityId case_id{};
  AssessmentDesk() {
    const auto person = records.add_person({"Karin Lindqvist", "", "none", ""}).value();
    case_id = records.open_case(person).value();
  }
  [[nodiscard]] std::vector<std::string> actions() {
    std::vector<std::string> out;
    const auto log = records.access_log().value();
    for (const auto& e : log) out.push_back(e.action);
    std::sort(out.begin(), out.end());
    return out;
  }
};

}  // namespace

TEST_CASE("an assessment reads back with the instrument's id, version and title then, its score and judgement, and "
          "a later instrument version changes nothing of it",
          "[store][records][assessment]") {
  AssessmentDesk d;
  const auto first = d.records.add_assessment(d.case_id, instrument_version("1.0", "raised"), {{"q1", "yes"}},
                                              "Hög risk enligt min bedömning");
  REQUIRE(first);
  d.wall.ms += 60'000;
  // The unit installs a new version whose bands say something else.
  REQUIRE(d.records.add_assessment(d.case_id, instrument_version("2.0", "high"), {{"q1", "no"}}, "Lägre nu"));

  const auto listed = d.records.assessments(d.case_id);
  REQUIRE(listed);
  REQUIRE(listed->size() == 2);
  const auto& a = (*listed)[0];
  CHECK(a.id == *first);
  CHECK(a.case_id == d.case_id);
  CHECK(a.instrument_id == "example");
  CHECK(a.instrument_version == "1.0");
  CHECK(a.instrument_title == "Exempel");
  CHECK(a.points == 2);
  CHECK(a.band == "raised");
  CHECK(a.judgement == "Hög risk enligt min bedömning");
  CHECK(a.author == to_hex(d.me));
  CHECK(a.answers == model::Answers{{"q1", "yes"}});
  CHECK((*listed)[1].instrument_version == "2.0");
  CHECK((*listed)[1].points == 0);
  CHECK((*listed)[1].band == "low");

  const auto one = d.records.assessment(*first);
  REQUIRE(one);
  CHECK(one->band == "raised");
  CHECK(d.records.assessment(crypto::random_array<16>()).error().code == Errc::not_found);
}

TEST_CASE("listing a case's assessments and opening one are each an access-log entry, and a case without any logs "
          "nothing",
          "[store][records][assessment][access-log]") {
  AssessmentDesk d;
  REQUIRE(d.records.assessments(d.case_id)->empty());
  CHECK(d.actions().empty());
  const auto id = d.records.add_assessment(d.case_id, instrument_version("1.0", "raised"), {{"q1", "yes"}}, "ok");
  REQUIRE(id);
  REQUIRE(d.records.assessments(d.case_id)->size() == 1);
  CHECK(d.actions() == std::vector<std::string>{std::string(model::domain::kAccessReadAssessments)});
  REQUIRE(d.records.assessment(*id));
  REQUIRE(d.records.assessment(*id));  // every opening of one is an entry
  CHECK(d.actions() == std::vector<std::string>{std::string(model::domain::kAccessReadAssessment),
                                                std::string(model::domain::kAccessReadAssessment),
                                                std::string(model::domain::kAccessReadAssessments)});
  const auto log = d.records.access_log().value();
  for (const auto& e : log) {
    CHECK(e.case_id == d.case_id);
    CHECK(e.device == to_hex(d.me));
  }
}
