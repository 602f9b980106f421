// The case screen of a restricted case (model/case_vault.hpp): it names who
// may read it, and on a device whose person it does not name it shows that
// the case is restricted and nothing of it.
#include <catch2/catch.hpp>

#include <QQuickItem>

#include "ids.hpp"
#include "screen_harness.hpp"
#include "ui_fixture.hpp"
#include "varn/crypto/device_identity.hpp"

using namespace varn;
using varn::test::App;
using varn::test::UiFixture;

TEST_CASE("a restricted case's screen names who may read it, and one that does not name this device's person shows "
          "nothing of it",
          "[ui][screens][restricted]") {
  UiFixture f;
  auto host = f.session().host();
  const auto bos_tablet = crypto::DeviceIdentity::generate();
  model::EntityId anna{}, bo{};
  REQUIRE(host->with_records([&](store::Records& r) -> Result<void> {
    anna = r.add_staff("Anna Lind", "socialsekreterare").value();
    bo = r.add_staff("Bo Ek", "socialsekreterare").value();
    if (auto done = r.set_staff_device(anna, host->device(), true); !done) return done;
    return r.set_staff_device(bo, bos_tablet.device_id(), true);
  }));
  // The verified registry as a reviewer's tablet holds it (no server here).
  registry::RegistryState state;
  state.devices[host->device()].bundle = host->bundle();
  state.devices[host->device()].role = registry::Role::reviewer;
  state.devices[bos_tablet.device_id()].bundle = bos_tablet.public_bundle();
  const QString annas = f.person_with_case(QStringLiteral("Sara Skyddad"), QStringLiteral("confidential"));
  const QString bos = f.person_with_case(QStringLiteral("Mira Hemlig"), QStringLiteral("confidential"));
  REQUIRE(host->with_records([&](store::Records& r) { return r.restrict_case(*ui::parse_id(annas), {anna}, state); }));
  REQUIRE(host->with_records([&](store::Records& r) { return r.restrict_case(*ui::parse_id(bos), {bo}, state); }));

  App app(f);
  app.open("PersonCaseScreen.qml", {{QStringLiteral("caseId"), annas}});
  auto* label = app.item(QStringLiteral("restrictionLabel"));
  REQUIRE(label);
  CHECK(label->property("text").toString() == QStringLiteral("Skyddat ärende: Anna Lind, socialsekreterare"));
  auto* name = app.item(QStringLiteral("personName"));
  REQUIRE(name);
  CHECK(name->property("text").toString() == QStringLiteral("Sara Skyddad"));
  app.shoot(QStringLiteral("person-case-restricted"), QStringLiteral("personCaseScreen"));

  app.open("PersonCaseScreen.qml", {{QStringLiteral("caseId"), bos}});
  auto* error = app.item(QStringLiteral("caseError"));
  REQUIRE(error);
  CHECK(error->property("text").toString().startsWith(QStringLiteral("Ärendet är skyddat.")));
  // Nothing of the case shows, nor a way to write into it.
  CHECK(app.item(QStringLiteral("personName")) == nullptr);
  CHECK(app.item(QStringLiteral("restrictionLabel")) == nullptr);
  CHECK(app.item(QStringLiteral("newVisitButton")) == nullptr);
  app.shoot(QStringLiteral("person-case-restricted-other"), QStringLiteral("personCaseScreen"));
  App::check_no_qml_errors();
}
