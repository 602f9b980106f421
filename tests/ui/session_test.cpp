// Session: create, lock, unlock (wrong and right passphrase), quick-hide,
// and that nothing stays in a model behind the lock screen.
#include <catch2/catch.hpp>

#include <QSignalSpy>

#include "person_list_model.hpp"
#include "ui_fixture.hpp"

using namespace varn;
using varn::test::UiFixture;

TEST_CASE("a new store is unlocked at once and an existing one asks for the passphrase", "[ui][session]") {
  UiFixture f(false);
  CHECK_FALSE(f.session().storeExists());
  CHECK_FALSE(f.session().createStore(QStringLiteral("abcdefgh"), QStringLiteral("abcdefgX")));
  CHECK_FALSE(f.session().lastError().isEmpty());
  CHECK_FALSE(f.session().storeExists());
  REQUIRE(f.session().createStore(QString::fromUtf8(test::kPassphrase), QString::fromUtf8(test::kPassphrase)));
  CHECK(f.session().storeExists());
  CHECK(f.session().unlocked());
  CHECK(f.session().lastError().isEmpty());
}

TEST_CASE("a wrong passphrase leaves the store locked and says so, the right one opens it", "[ui][session]") {
  UiFixture f;
  f.session().lock();
  REQUIRE_FALSE(f.session().unlocked());
  CHECK_FALSE(f.session().unlock(QStringLiteral("not the passphrase")));
  CHECK_FALSE(f.session().unlocked());
  CHECK_FALSE(f.session().lastError().isEmpty());
  CHECK(f.session().unlock(QString::fromUtf8(test::kPassphrase)));
  CHECK(f.session().unlocked());
  CHECK(f.session().lastError().isEmpty());
}

TEST_CASE("quick-hide hides at once, locks the store and empties the models", "[ui][session]") {
  UiFixture f;
  f.person_with_case(QStringLiteral("Anna Andersson"));
  ui::PersonListModel persons;
  persons.reload();
  REQUIRE(persons.count() == 1);
  QSignalSpy locking(&f.session(), &ui::SessionController::locking);

  f.session().quickHide();
  CHECK(f.session().hidden());
  CHECK_FALSE(f.session().unlocked());
  CHECK(locking.count() == 1);  // screens were told to keep their drafts first
  CHECK(persons.count() == 0);
  CHECK(f.records().addPerson(QStringLiteral("X"), {}, QStringLiteral("none"), {}).isEmpty());

  f.session().leaveHidden();
  CHECK_FALSE(f.session().hidden());
  CHECK_FALSE(f.session().unlocked());  // back to the lock screen, not to the content
}

TEST_CASE("the store locks itself after the idle time", "[ui][session]") {
  UiFixture f;
  f.session().setIdleLockSeconds(1);
  QSignalSpy unlocked(&f.session(), &ui::SessionController::unlockedChanged);
  REQUIRE(unlocked.wait(5000));
  CHECK_FALSE(f.session().unlocked());
}

TEST_CASE("roles decide which parts of the app are used, before enrolment all are open", "[ui][session]") {
  UiFixture f;
  CHECK(f.session().mayUse(QStringLiteral("field")));
  CHECK(f.session().mayUse(QStringLiteral("admin")));
  auto host = f.session().host();
  host->with_store([](store::LocalStore& s) { REQUIRE(s.put_setting(sync::settings::kRole, "reviewer").ok()); });
  f.session().refreshEnrolment();
  CHECK(f.session().role() == QStringLiteral("reviewer"));
  CHECK_FALSE(f.session().mayUse(QStringLiteral("field")));
  CHECK(f.session().mayUse(QStringLiteral("review")));
  CHECK_FALSE(f.session().mayUse(QStringLiteral("admin")));
}
