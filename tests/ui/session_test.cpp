// Session: create, lock, unlock (wrong and right passphrase), quick-hide,
// and that nothing stays in a model behind the lock screen.
#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QPointer>
#include <QSignalSpy>

#include "app_options.hpp"
#include "person_list_model.hpp"
#include "qt_std.hpp"
#include "sync_controller.hpp"
#include "ui_fixture.hpp"
#include "varn/store/key_file.hpp"
#include "varn/store/local_store.hpp"
#include "varn/sync/device_vault.hpp"

using namespace varn;
using varn::test::UiFixture;

TEST_CASE("a new store is unlocked at once and an existing one asks for the passphrase", "[ui][session]") {
  UiFixture f(false);
  CHECK_FALSE(f.session().storeExists());
  CHECK_FALSE(f.session().createStore(QStringLiteral("abcdefgh"), QStringLiteral("abcdefgX")));
  CHECK_FALSE(f.session().lastError().isEmpty());
  CHECK_FALSE(f.session().storeExists());
  CHECK_FALSE(f.session().busy());  // refused at once, nothing started
  REQUIRE(f.session().createStore(QString::fromUtf8(test::kPassphrase), QString::fromUtf8(test::kPassphrase)));
  CHECK(f.session().busy());
  REQUIRE(test::wait_open(f.session()));
  CHECK(f.session().storeExists());
  CHECK(f.session().unlocked());
  CHECK(f.session().lastError().isEmpty());
}

TEST_CASE("a wrong passphrase leaves the store locked and says so, the right one opens it", "[ui][session]") {
  UiFixture f;
  f.session().lock();
  REQUIRE_FALSE(f.session().unlocked());
  REQUIRE(f.session().unlock(QStringLiteral("not the passphrase")));
  CHECK_FALSE(test::wait_open(f.session()));
  CHECK_FALSE(f.session().busy());
  CHECK_FALSE(f.session().unlocked());
  CHECK(f.session().storeExists());  // one wrong try is counted, not punished
  CHECK_FALSE(f.session().lastError().isEmpty());
  REQUIRE(f.session().unlock(QString::fromUtf8(test::kPassphrase)));
  CHECK(test::wait_open(f.session()));
  CHECK(f.session().unlocked());
  CHECK(f.session().lastError().isEmpty());
}

TEST_CASE("unlock returns at once, busy while the key is derived, then unlocked", "[ui][session]") {
  UiFixture f;
  f.session().lock();
  QSignalSpy busy_changes(&f.session(), &ui::SessionController::busyChanged);
  QSignalSpy unlocked_changes(&f.session(), &ui::SessionController::unlockedChanged);
  QSignalSpy finished(&f.session(), &ui::SessionController::openFinished);

  REQUIRE(f.session().unlock(QString::fromUtf8(test::kPassphrase)));
  // The result is queued to this thread: nothing below can have seen it yet.
  CHECK(f.session().busy());
  CHECK_FALSE(f.session().unlocked());
  CHECK(busy_changes.count() == 1);
  CHECK(finished.isEmpty());

  REQUIRE(finished.wait(30000));
  CHECK(finished.first().first().toBool());
  CHECK_FALSE(f.session().busy());
  CHECK(f.session().unlocked());
  CHECK(busy_changes.count() == 2);
  CHECK(unlocked_changes.count() == 1);
}

TEST_CASE("a second unlock or create while one is running is refused", "[ui][session]") {
  UiFixture f;
  f.session().lock();
  REQUIRE(f.session().unlock(QString::fromUtf8(test::kPassphrase)));
  REQUIRE(f.session().busy());
  CHECK_FALSE(f.session().unlock(QStringLiteral("not the passphrase")));
  CHECK_FALSE(f.session().createStore(QStringLiteral("abcdefghij"), QStringLiteral("abcdefghij")));
  CHECK(f.session().busy());
  CHECK(test::wait_open(f.session()));  // the first one, with the right passphrase, goes through
  CHECK(f.session().unlocked());
  CHECK(f.session().lastError().isEmpty());
  CHECK_FALSE(f.session().unlock(QString::fromUtf8(test::kPassphrase)));  // nothing to do once unlocked
}

TEST_CASE("quick-hide while the key is derived keeps the store locked", "[ui][session]") {
  UiFixture f;
  f.session().lock();
  REQUIRE(f.session().unlock(QString::fromUtf8(test::kPassphrase)));
  f.session().quickHide();
  CHECK_FALSE(test::wait_open(f.session()));
  CHECK_FALSE(f.session().busy());
  CHECK(f.session().hidden());
  CHECK_FALSE(f.session().unlocked());
  CHECK(f.session().lastError().isEmpty());
}

TEST_CASE("the session can go away while an unlock is running", "[ui][session]") {
  QPointer<ui::SessionController> session;
  {
    UiFixture f;
    f.session().lock();
    REQUIRE(f.session().unlock(QString::fromUtf8(test::kPassphrase)));
    session = &f.session();
    CHECK(session->busy());
  }  // the controller is destroyed with the job running or its result queued
  CHECK(session.isNull());
  QCoreApplication::processEvents();  // a queued result must not reach the deleted controller
  CHECK(session.isNull());
}

TEST_CASE("quick-hide hides at once, locks the store and empties the models", "[ui][session]") {
  UiFixture f;
  f.person_with_case(QStringLiteral("Anna Andersson"));
  ui::PersonListModel persons;
  persons.reload();
  REQUIRE(persons.count() == 1);
  const QString slot = f.records().noteSlot({}, QStringLiteral("00112233445566778899aabbccddeeff"));
  REQUIRE(f.records().keepTyped(slot, QStringLiteral("Hon säger att")));

  f.session().quickHide();
  CHECK(f.session().hidden());
  CHECK_FALSE(f.session().unlocked());
  CHECK(persons.count() == 0);
  CHECK(f.records().addPerson(QStringLiteral("X"), {}, QStringLiteral("none"), {}).isEmpty());

  f.session().leaveHidden();
  CHECK_FALSE(f.session().hidden());
  CHECK_FALSE(f.session().unlocked());  // back to the lock screen, not to the content
  // What was typed is still there after the next unlock.
  REQUIRE(f.session().unlock(QString::fromUtf8(test::kPassphrase)));
  REQUIRE(test::wait_open(f.session()));
  CHECK(f.records().typed(slot) == QStringLiteral("Hon säger att"));
  CHECK(f.records().lastTyped()[QStringLiteral("visitId")] == QStringLiteral("00112233445566778899aabbccddeeff"));
}

TEST_CASE("the store locks itself after the idle time", "[ui][session]") {
  UiFixture f;
  f.session().setIdleLockSeconds(1);
  QSignalSpy unlocked(&f.session(), &ui::SessionController::unlockedChanged);
  REQUIRE(unlocked.wait(5000));
  CHECK_FALSE(f.session().unlocked());
}

TEST_CASE("roles decide which parts of the app are used, and a device not yet approved uses none", "[ui][session]") {
  UiFixture f;
  CHECK_FALSE(f.session().mayUse(QStringLiteral("field")));  // not enrolled: only the enrolment
  CHECK_FALSE(f.session().mayUse(QStringLiteral("admin")));
  auto host = f.session().host();
  host->with_store([](store::LocalStore& s) {
    REQUIRE(s.put_setting(sync::settings::kStatus, "pending").ok());
    REQUIRE(s.put_setting(sync::settings::kRole, "admin").ok());
  });
  f.session().refreshEnrolment();
  CHECK_FALSE(f.session().mayUse(QStringLiteral("review")));  // waiting for approval, whatever it asked for
  CHECK_FALSE(f.session().mayUse(QStringLiteral("admin")));
  host->with_store([](store::LocalStore& s) {
    REQUIRE(s.put_setting(sync::settings::kStatus, "active").ok());
    REQUIRE(s.put_setting(sync::settings::kRole, "reviewer").ok());
  });
  f.session().refreshEnrolment();
  CHECK(f.session().role() == QStringLiteral("reviewer"));
  CHECK_FALSE(f.session().mayUse(QStringLiteral("field")));
  CHECK(f.session().mayUse(QStringLiteral("review")));
  CHECK_FALSE(f.session().mayUse(QStringLiteral("admin")));
}

TEST_CASE("an admin's device shows administration, and case screens only in the casework its person holds",
          "[ui][session][roles]") {
  UiFixture f;
  auto host = f.session().host();
  host->with_store([](store::LocalStore& s) {
    REQUIRE(s.put_setting(sync::settings::kStatus, "active").ok());
    REQUIRE(s.put_setting(sync::settings::kRole, "admin").ok());
  });
  f.session().refreshEnrolment();
  CHECK(f.session().mayUse(QStringLiteral("admin")));
  CHECK_FALSE(f.session().mayUse(QStringLiteral("field")));
  CHECK_FALSE(f.session().mayUse(QStringLiteral("review")));  // nobody named: no casework

  model::EntityId maria{};
  REQUIRE(host->with_records([&](store::Records& r) -> Result<void> {
    auto made = r.add_staff("Maria Ek", "enhetschef");
    if (!made) return made.error();
    maria = *made;
    if (auto d = r.set_staff_device(maria, host->device(), true); !d) return d;
    return r.set_staff_casework(maria, registry::Casework{false, true});
  }));
  f.session().refreshEnrolment();  // as after the sync that brings the staff record
  CHECK(f.session().mayUse(QStringLiteral("admin")));
  CHECK_FALSE(f.session().mayUse(QStringLiteral("field")));
  CHECK(f.session().mayUse(QStringLiteral("review")));

  REQUIRE(host->with_records([&](store::Records& r) { return r.set_staff_casework(maria, registry::Casework{}); }));
  f.session().refreshEnrolment();
  CHECK_FALSE(f.session().mayUse(QStringLiteral("review")));
}

TEST_CASE("a store the app creates is wiped after 10 wrong passphrases in a row unless chosen otherwise",
          "[ui][session]") {
  UiFixture f;
  auto key_file = store::read_key_file(f.store_path().toStdString());
  REQUIRE(key_file);
  CHECK(key_file->wipe_after == 10);
  CHECK(ui::AppOptions{}.wipe_after_failed_unlocks == store::kDefaultWipeAfterFailedUnlocks);
}

TEST_CASE("panic delete from the quick-hide screen erases the store at once and says what was unsynced",
          "[ui][session][panic]") {
  UiFixture f;
  f.person_with_case(QStringLiteral("Anna Andersson"));
  const int waiting = f.session().unsyncedCount();
  REQUIRE(waiting > 0);
  f.session().quickHide();
  REQUIRE_FALSE(f.session().unlocked());
  CHECK(f.session().unsyncedCount() == waiting);  // remembered from before the lock: the dialog says it
  REQUIRE(store::LocalStore::exists(qt::to_std(f.store_path())));

  QSignalSpy wiped(&f.context().sync(), &ui::SyncController::wiped);
  f.context().sync().panicWipe();  // never enrolled: nothing to sync first, nobody to tell
  CHECK(wiped.count() == 1);
  CHECK_FALSE(store::LocalStore::exists(qt::to_std(f.store_path())));
  CHECK_FALSE(f.session().storeExists());
  CHECK(f.session().hidden());  // the notepad stays up
  CHECK(f.session().unsyncedCount() == -1);
  for (const char* suffix : {"", "-wal", "-journal", ".key"}) {
    INFO(suffix);
    CHECK_FALSE(QFileInfo::exists(f.store_path() + QString::fromLatin1(suffix)));
  }
}

TEST_CASE("past the unit's lease the app hides case content and says when it must sync", "[ui][session][lease]") {
  UiFixture f;
  auto& sync = f.context().sync();
  const auto set_contact = [&](std::int64_t days_ago, const char* lease_days) {
    const std::int64_t now = QDateTime::currentSecsSinceEpoch();
    f.session().host()->with_store([&](store::LocalStore& s) {
      REQUIRE(s.put_setting(sync::settings::kLeaseDays, lease_days).ok());
      REQUIRE(s.put_setting(sync::settings::kLastContact, std::to_string(now - days_ago * 86400)).ok());
      REQUIRE(s.put_setting(sync::settings::kLatestSeen, std::to_string(now - days_ago * 86400)).ok());
    });
    sync.refresh();
  };
  // A store that never reached a server runs no lease.
  sync.refresh();
  CHECK(sync.leaseDaysLeft() == -1);
  CHECK_FALSE(sync.leaseExpired());

  set_contact(1, "7");
  CHECK(sync.leaseDaysLeft() == 6);
  CHECK_FALSE(sync.leaseExpired());
  set_contact(3, "2");
  CHECK(sync.leaseExpired());
  CHECK(sync.leaseDaysLeft() == 0);
  CHECK(sync.leaseDays() == 2);
}
