// The admin's staff screen: each person with their tablets and casework,
// and changing the casework there changes what their admin tablets open.
#include <catch2/catch.hpp>

#include <QQuickItem>

#include "screen_harness.hpp"
#include "ui_fixture.hpp"
#include "varn/crypto/random.hpp"

using namespace varn;
using varn::test::App;
using varn::test::UiFixture;

TEST_CASE("the staff screen lists each person with their tablets and casework, and a tick there changes the casework "
          "on every device",
          "[ui][screens][staff]") {
  UiFixture f;
  auto host = f.session().host();
  model::EntityId anna{};
  REQUIRE(host->with_records([&](store::Records& r) -> Result<void> {
    anna = r.add_staff("Anna Lind", "enhetschef").value();
    const auto bo = r.add_staff("Bo Ek", "socialsekreterare").value();
    if (auto done = r.set_staff_device(anna, host->device(), true); !done) return done;
    if (auto done = r.set_staff_device(bo, crypto::random_array<16>(), true); !done) return done;
    return r.set_staff_device(bo, crypto::random_array<16>(), true);
  }));

  App app(f);
  app.go("StaffScreen.qml");
  auto* list = app.item(QStringLiteral("staffList"));
  REQUIRE(list);
  CHECK(list->property("count").toInt() == 2);
  app.shoot(QStringLiteral("staff"), QStringLiteral("staffScreen"));

  // Anna (first by name) gets the reviewer's casework: her admin tablet opens case content for review.
  auto* reviewer = app.item(QStringLiteral("caseworkReviewer"));
  REQUIRE(reviewer);
  CHECK_FALSE(reviewer->property("checked").toBool());
  reviewer->setProperty("checked", true);
  REQUIRE(QMetaObject::invokeMethod(reviewer, "toggled"));
  app.settle();
  auto staff = host->with_records([](store::Records& r) { return r.staff(); });
  REQUIRE(staff);
  REQUIRE(staff->front().id == anna);
  CHECK(staff->front().casework.review);
  CHECK_FALSE(staff->front().casework.field);
  CHECK(host->with_records([](store::Records& r) { return r.waiting_ops(); }).value() > 0);  // it travels to every device
  App::check_no_qml_errors();
}
