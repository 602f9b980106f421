// The risk gate on the app's path: the visit form shows the flag and asks
// for a reviewer's override before a home visit alone, and the store
// refuses one without it whatever the form does.
#include <catch2/catch.hpp>

#include <QQuickItem>

#include "screen_harness.hpp"
#include "ui_fixture.hpp"

using namespace varn;
using varn::test::App;
using varn::test::UiFixture;

TEST_CASE("the app refuses a lone home visit to a case flagged for threats without an override, shows the flag and "
          "asks for the override",
          "[ui][screens][risk]") {
  UiFixture f;
  const QString case_id = f.person_with_case(QStringLiteral("Karin Lindqvist"));
  auto& records = f.records();
  REQUIRE(records.setThreatsToStaff(case_id, true));
  CHECK(records.visitRisk(case_id).value(QStringLiteral("threatsToStaff")).toBool());
  CHECK(records.visitNeedsOverride(case_id, QStringLiteral("home"), false));
  CHECK_FALSE(records.visitNeedsOverride(case_id, QStringLiteral("home"), true));
  const QVariantMap alone{{QStringLiteral("caseId"), case_id}, {QStringLiteral("kind"), QStringLiteral("home")},
                          {QStringLiteral("partnerPresent"), QStringLiteral("unknown")}};
  CHECK(records.recordVisit(alone).isEmpty());
  CHECK_FALSE(records.lastError().isEmpty());
  QVariantMap overridden = alone;
  overridden.insert(QStringLiteral("riskOverride"), QStringLiteral("Maria Ek: larm och avstämning var 30:e minut"));
  CHECK_FALSE(records.recordVisit(overridden).isEmpty());

  App app(f);
  app.open("RecordVisitScreen.qml", {{QStringLiteral("caseId"), case_id}});
  auto* kind = app.item(QStringLiteral("kindBox"));
  REQUIRE(kind);
  kind->setProperty("currentIndex", records.visitKinds().indexOf(QStringLiteral("home")));
  app.settle();
  CHECK(app.item(QStringLiteral("riskNotice")) != nullptr);
  CHECK(app.item(QStringLiteral("overrideField")) != nullptr);
  app.shoot(QStringLiteral("record-visit-risk"), QStringLiteral("recordVisitScreen"));
  auto* two = app.item(QStringLiteral("twoStaffSwitch"));
  REQUIRE(two);
  two->setProperty("checked", true);
  app.settle();
  CHECK(app.item(QStringLiteral("overrideField")) == nullptr);  // two staff: no override asked
  App::check_no_qml_errors();
}
