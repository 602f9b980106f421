// The form engine over the example instrument the project ships.
#include <catch2/catch.hpp>

#include "instrument_form_model.hpp"
#include "ui_fixture.hpp"

using namespace varn;
using varn::test::UiFixture;

namespace {

int row_of(const ui::InstrumentFormModel& form, const QString& question) {
  for (int i = 0; i < form.rowCount(); ++i) {
    if (form.data(form.index(i), ui::InstrumentFormModel::QuestionIdRole) == question) return i;
  }
  return -1;
}

}  // namespace

TEST_CASE("the example instrument becomes rows, scores by its rules and needs the judgement", "[ui][instrument]") {
  UiFixture f;
  const QStringList files = f.records().instrumentFiles();
  REQUIRE_FALSE(files.isEmpty());
  ui::InstrumentFormModel form;
  form.setSource(files.first());
  INFO(form.error().toStdString());
  REQUIRE(form.loaded());
  CHECK(form.data(form.index(0), ui::InstrumentFormModel::RowKindRole) == QStringLiteral("section"));
  CHECK(form.questionCount() > 3);

  const int threatened = row_of(form, QStringLiteral("threatened_recently"));
  const int frequency = row_of(form, QStringLiteral("physical_frequency"));
  REQUIRE(threatened > 0);
  REQUIRE(frequency > 0);
  // yes/no and scale questions offer their answers as options to tap.
  CHECK(form.data(form.index(threatened), ui::InstrumentFormModel::OptionsRole).toList().size() == 2);
  CHECK(form.data(form.index(frequency), ui::InstrumentFormModel::OptionsRole).toList().size() == 4);

  form.setAnswer(threatened, QStringLiteral("yes"));  // 2 points
  form.setAnswer(frequency, QStringLiteral("3"));     // 3 points
  CHECK(form.scoreValid());
  CHECK(form.points() == 5);
  CHECK(form.answered() == 2);
  CHECK(form.data(form.index(frequency), ui::InstrumentFormModel::AnswerRole) == QStringLiteral("3"));

  const QString case_id = f.person_with_case(QStringLiteral("Anna"));
  CHECK_FALSE(form.canSave());
  CHECK(f.records().saveAssessment(case_id, &form).isEmpty());  // no judgement: refused
  CHECK_FALSE(f.records().lastError().isEmpty());
  form.setJudgement(QStringLiteral("Hög risk enligt min bedömning; skyddat boende erbjuds."));
  CHECK(form.canSave());
  CHECK_FALSE(f.records().saveAssessment(case_id, &form).isEmpty());
}

TEST_CASE("a broken instrument file shows an error, not a form", "[ui][instrument]") {
  UiFixture f;
  ui::InstrumentFormModel form;
  CHECK_FALSE(form.loadJson(QStringLiteral(R"({"format": 1, "id": "x"})")));
  CHECK_FALSE(form.loaded());
  CHECK_FALSE(form.error().isEmpty());
  CHECK(form.rowCount() == 0);
}
