// The app's controllers against the real varn-server process: enrolment
// (first admin with the unit code, then a pending device), approval by
// fingerprint, sync on the network thread both ways, the device list, and
// a revoked device wiping itself. Every wait is bounded.
#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTest>

#include "admin_controller.hpp"
#include "e2e_fixture.hpp"
#include "enrolment_controller.hpp"
#include "qt_std.hpp"
#include "sync_controller.hpp"
#include "ui_fixture.hpp"
#include "varn/registry/recovery_key.hpp"
#include "varn/store/local_store.hpp"
#include "varn/sync/registry_keeper.hpp"

using namespace varn;
using varn::test::UiFixture;

namespace {

constexpr int kWaitMs = 60'000;

void sync_once(UiFixture& device) {
  auto& sync = device.context().sync();
  REQUIRE(sync.canSync());
  sync.syncNow();
  REQUIRE(sync.state() == ui::sync_state::Syncing);
  REQUIRE(QTest::qWaitFor([&] { return sync.state() != ui::sync_state::Syncing; }, kWaitMs));
  INFO(sync.lastError().toStdString());
  REQUIRE(sync.state() == ui::sync_state::Synced);
}

std::vector<std::string> person_names(UiFixture& device) {
  auto persons = device.session().host()->with_records([](store::Records& r) { return r.persons(); });
  REQUIRE(persons.ok());
  std::vector<std::string> names;
  for (const auto& p : *persons) names.push_back(p.name);
  return names;
}

}  // namespace

TEST_CASE("the app enrols, approves by fingerprint, syncs and wipes a revoked device against the real server",
          "[ui][e2e]") {
  test::E2eServer server;
  const QString url = qt::to_qstring(server.url);

  UiFixture admin;
  auto& admin_enrol = admin.context().enrolment();
  admin_enrol.enrol(url, qt::to_qstring(server.unit_code));
  REQUIRE(admin_enrol.busy());  // the network call runs off the GUI thread
  REQUIRE(QTest::qWaitFor([&] { return !admin_enrol.busy(); }, kWaitMs));
  INFO(admin_enrol.lastError().toStdString());
  REQUIRE(admin.session().enrolStatus() == QStringLiteral("active"));
  CHECK(admin.session().role() == QStringLiteral("admin"));
  admin.session().host()->with_store([&](store::LocalStore& s) {
    auto pin = s.setting(sync::settings::kServerPin);
    REQUIRE(pin.ok());
    REQUIRE(pin->has_value());
    CHECK(**pin == server.cert_sha256);  // pinned on first contact
  });

  UiFixture worker;
  auto& worker_enrol = worker.context().enrolment();
  worker_enrol.enrol(url, {});
  REQUIRE(QTest::qWaitFor([&] { return !worker_enrol.busy(); }, kWaitMs));
  INFO(worker_enrol.lastError().toStdString());
  REQUIRE(worker_enrol.status() == QStringLiteral("pending"));
  REQUIRE_FALSE(worker_enrol.code().isEmpty());
  REQUIRE(worker_enrol.pairing().size() == 22);
  CHECK(worker_enrol.qrText() ==
        worker_enrol.code() + QLatin1Char(' ') + worker_enrol.fingerprint() + QLatin1Char(' ') + worker_enrol.pairing());

  auto& admin_ctl = admin.context().admin();
  // What the admin's device reads from the QR code is what it approves with.
  const auto scanned = admin_ctl.parseEnrolmentText(worker_enrol.qrText());
  CHECK(scanned[QStringLiteral("code")].toString() == worker_enrol.code());
  CHECK(scanned[QStringLiteral("fingerprint")].toString() == worker_enrol.fingerprint());
  CHECK(scanned[QStringLiteral("pairing")].toString() == worker_enrol.pairing());
  admin_ctl.approve(worker_enrol.code(), QStringLiteral("00000 00000 00000 00000 00000 00000"), worker_enrol.pairing(),
                    QStringLiteral("worker"));
  REQUIRE(QTest::qWaitFor([&] { return !admin_ctl.busy(); }, kWaitMs));
  CHECK_FALSE(admin_ctl.lastError().isEmpty());  // a fingerprint that does not match is refused
  // Approved for a named staff member, as the admin types them in.
  admin_ctl.approve(worker_enrol.code(), worker_enrol.fingerprint(), worker_enrol.pairing(), QStringLiteral("worker"),
                    QStringLiteral("Anna Lind"), QStringLiteral("socialsekreterare"));
  REQUIRE(QTest::qWaitFor([&] { return !admin_ctl.busy(); }, kWaitMs));
  INFO(admin_ctl.lastError().toStdString());
  REQUIRE(admin_ctl.lastError().isEmpty());

  worker.person_with_case(QStringLiteral("Greta Gustafsson"));
  REQUIRE(worker.context().sync().waiting() > 0);
  sync_once(worker);  // finishes the enrolment, then pushes
  CHECK(worker.session().enrolStatus() == QStringLiteral("active"));
  CHECK(worker.session().role() == QStringLiteral("worker"));
  CHECK_FALSE(worker_enrol.safetyCode().isEmpty());
  CHECK(worker_enrol.safetyCode() == admin_enrol.safetyCode());  // both screens show the same code
  CHECK(worker.context().sync().waiting() == 0);
  CHECK(worker.context().sync().lastSync().isValid());

  sync_once(admin);
  const auto names = person_names(admin);
  CHECK(std::find(names.begin(), names.end(), "Greta Gustafsson") != names.end());

  REQUIRE(QTest::qWaitFor([&] { return !admin_ctl.busy(); }, kWaitMs));  // the refresh after approving
  admin_ctl.refreshDevices();
  REQUIRE(QTest::qWaitFor([&] { return !admin_ctl.busy(); }, kWaitMs));
  REQUIRE(admin_ctl.devices().size() == 2);
  QString worker_id;
  for (const auto& d : admin_ctl.devices()) {
    const auto row = d.toMap();
    if (!row[QStringLiteral("isMe")].toBool()) {
      worker_id = row[QStringLiteral("deviceId")].toString();
      CHECK(row[QStringLiteral("personName")].toString() == QStringLiteral("Anna Lind, socialsekreterare"));
    }
    CHECK(row[QStringLiteral("fingerprint")].toString().size() >= 30);
  }
  REQUIRE_FALSE(worker_id.isEmpty());

  admin_ctl.revoke(worker_id);
  REQUIRE(QTest::qWaitFor([&] { return !admin_ctl.busy(); }, kWaitMs));
  INFO(admin_ctl.lastError().toStdString());
  REQUIRE(admin_ctl.lastError().isEmpty());

  QSignalSpy wiped(&worker.context().sync(), &ui::SyncController::wiped);
  worker.context().sync().syncNow();
  REQUIRE(QTest::qWaitFor([&] { return wiped.count() == 1; }, kWaitMs));
  CHECK_FALSE(worker.session().unlocked());
  CHECK_FALSE(worker.session().storeExists());
  CHECK_FALSE(worker.session().lastError().isEmpty());
}

TEST_CASE("panic delete on an enrolled device pushes what waits, erases the store and the admin sees it wiped by "
          "its user", "[ui][e2e][panic]") {
  test::E2eServer server;
  const QString url = qt::to_qstring(server.url);
  UiFixture admin;
  auto& admin_enrol = admin.context().enrolment();
  admin_enrol.enrol(url, qt::to_qstring(server.unit_code));
  REQUIRE(QTest::qWaitFor([&] { return !admin_enrol.busy(); }, kWaitMs));
  REQUIRE(admin.session().enrolStatus() == QStringLiteral("active"));

  UiFixture worker;
  auto& worker_enrol = worker.context().enrolment();
  worker_enrol.enrol(url, {});
  REQUIRE(QTest::qWaitFor([&] { return !worker_enrol.busy(); }, kWaitMs));
  auto& admin_ctl = admin.context().admin();
  admin_ctl.approve(worker_enrol.code(), worker_enrol.fingerprint(), worker_enrol.pairing(), QStringLiteral("worker"));
  REQUIRE(QTest::qWaitFor([&] { return !admin_ctl.busy(); }, kWaitMs));
  REQUIRE(admin_ctl.lastError().isEmpty());
  sync_once(worker);
  REQUIRE(worker.session().enrolStatus() == QStringLiteral("active"));
  const QString worker_id = qt::to_qstring(to_hex(worker.session().host()->device()));

  // Written just before the partner walks in, never synced.
  worker.person_with_case(QStringLiteral("Hanna Holm"));
  REQUIRE(worker.session().unsyncedCount() > 0);
  QSignalSpy wiped(&worker.context().sync(), &ui::SyncController::wiped);
  worker.context().sync().setPanicSyncMs(kWaitMs);  // the loopback server answers well within it
  worker.context().sync().panicWipe();
  REQUIRE(QTest::qWaitFor([&] { return wiped.count() == 1; }, kWaitMs));
  CHECK_FALSE(worker.session().storeExists());
  CHECK_FALSE(store::LocalStore::exists(qt::to_std(worker.store_path())));

  sync_once(admin);
  const auto names = person_names(admin);
  CHECK(std::find(names.begin(), names.end(), "Hanna Holm") != names.end());  // pushed before the wipe
  // The notice goes after the wipe, on the network thread: wait until the server has it.
  bool seen_wiped = false;
  REQUIRE(QTest::qWaitFor(
      [&] {
        if (admin_ctl.busy()) return false;
        for (const auto& d : admin_ctl.devices()) {
          const auto row = d.toMap();
          if (row[QStringLiteral("deviceId")].toString() == worker_id && row[QStringLiteral("wipeConfirmed")].toBool()) {
            seen_wiped = row[QStringLiteral("status")].toString() == QStringLiteral("active");
            return true;
          }
        }
        admin_ctl.refreshDevices();
        return false;
      },
      kWaitMs));
  CHECK(seen_wiped);  // active, wiped by its user: the admin revokes it next
}

TEST_CASE("the app's first admin device shows the unit's recovery code once, and it is the key the registry commits to",
          "[ui][e2e][recovery]") {
  test::E2eServer server;
  UiFixture admin;
  auto& enrol = admin.context().enrolment();
  enrol.enrol(qt::to_qstring(server.url), qt::to_qstring(server.unit_code));
  REQUIRE(QTest::qWaitFor([&] { return !enrol.busy(); }, kWaitMs));
  INFO(enrol.lastError().toStdString());
  REQUIRE(admin.session().enrolStatus() == QStringLiteral("active"));
  const std::string code = qt::to_std(enrol.recoveryCode());
  REQUIRE(code.size() == 35);
  auto key = registry::RecoveryKey::from_code(code);
  REQUIRE(key.ok());
  bool committed = false;
  admin.session().host()->with_store([&](store::LocalStore& s) {
    auto entries = sync::RegistryKeeper(s).cached_entries();
    REQUIRE(entries.ok());
    for (const auto& e : *entries) {
      if (e.kind == registry::EntryKind::set_recovery) committed = e.bundle == key->public_bundle();
    }
  });
  CHECK(committed);
  // Once written down it is gone from the screen, and no later enrolment state brings it back.
  enrol.forgetRecoveryCode();
  CHECK(enrol.recoveryCode().isEmpty());
  admin.session().refreshEnrolment();
  CHECK(enrol.recoveryCode().isEmpty());
}
