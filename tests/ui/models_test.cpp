// The list models and details objects against a real LocalStore.
#include <catch2/catch.hpp>

#include <QDateTime>
#include <QSignalSpy>

#include "access_log_model.hpp"
#include "admin_controller.hpp"
#include "case_details.hpp"
#include "conflict_list_model.hpp"
#include "device_list_model.hpp"
#include "note_details.hpp"
#include "note_list_model.hpp"
#include "note_rows.hpp"
#include "person_list_model.hpp"
#include "sync_controller.hpp"
#include "task_list_model.hpp"
#include "ui_fixture.hpp"
#include "varn/crypto/random.hpp"
#include "visit_list_model.hpp"

using namespace varn;
using varn::test::UiFixture;

namespace {

QString iso_in_days(int days, int hour) {
  return QDateTime(QDate::currentDate().addDays(days), QTime(hour, 0)).toString(Qt::ISODate);
}

}  // namespace

TEST_CASE("persons: a protected person's address is in no row, an unprotected one's is", "[ui][models]") {
  UiFixture f;
  const QString open_case = f.person_with_case(QStringLiteral("Anna Andersson"));
  f.person_with_case(QStringLiteral("Britt Berg"), QStringLiteral("confidential"),
                     QStringLiteral("Hemliga vägen 3"));
  ui::PersonListModel persons;
  persons.reload();
  REQUIRE(persons.count() == 2);
  for (int i = 0; i < persons.count(); ++i) {
    const QVariantMap row = persons.get(i);
    if (row[QStringLiteral("name")] == QStringLiteral("Britt Berg")) {
      CHECK(row[QStringLiteral("isProtected")].toBool());
      CHECK(row[QStringLiteral("address")].toString().isEmpty());
    } else {
      CHECK(row[QStringLiteral("address")] == QStringLiteral("Storgatan 1, Umeå"));
      CHECK(row[QStringLiteral("caseId")] == open_case);
    }
  }
  persons.setSearch(QStringLiteral("britt"));
  CHECK(persons.count() == 1);
}

TEST_CASE("ensureCase gives a person's existing case instead of opening a second", "[ui][models]") {
  UiFixture f;
  const QString person = f.records().addPerson(QStringLiteral("Cecilia"), {}, QStringLiteral("none"), {});
  const QString first = f.records().ensureCase(person);
  REQUIRE_FALSE(first.isEmpty());
  CHECK(f.records().ensureCase(person) == first);
}

TEST_CASE("case details never carry a protected address, and opening one is logged", "[ui][models]") {
  UiFixture f;
  const QString case_id = f.person_with_case(QStringLiteral("Britt Berg"), QStringLiteral("confidential"),
                                             QStringLiteral("Hemliga vägen 3"));
  ui::AccessLogModel log;
  log.reload();
  const int before = log.count();
  ui::CaseDetails details;
  details.setCaseId(case_id);
  REQUIRE(details.loaded());
  CHECK(details.isProtected());
  CHECK(details.address().isEmpty());
  CHECK(details.personName() == QStringLiteral("Britt Berg"));
  log.reload();
  CHECK(log.count() == before + 1);
  CHECK(log.get(0)[QStringLiteral("caseId")] == case_id);
  CHECK(log.get(0)[QStringLiteral("deviceIsMe")].toBool());
  CHECK(log.get(0)[QStringLiteral("personName")] == QStringLiteral("Britt Berg"));
  CHECK(log.get(0)[QStringLiteral("reader")] == QStringLiteral("Du"));
  CHECK(log.get(0)[QStringLiteral("actionLabel")] == QStringLiteral("Öppnade ärendet"));
}

TEST_CASE("the review list and a note's detail are logged as reads, the list of visits is not", "[ui][models]") {
  UiFixture f;
  const QString case_id = f.person_with_case(QStringLiteral("Britt Berg"));
  const QString visit = f.visit(case_id, iso_in_days(0, 15));
  const QString note = f.records().addNote(visit, QStringLiteral("Hen berättar om hot."));
  REQUIRE_FALSE(note.isEmpty());
  ui::AccessLogModel log;
  ui::VisitListModel visits;
  visits.reload();
  REQUIRE(visits.count() == 1);
  log.reload();
  CHECK(log.count() == 0);

  ui::NoteListModel queue;
  queue.setOnlyUnreviewed(true);
  queue.reload();
  REQUIRE(queue.count() == 1);
  log.reload();
  REQUIRE(log.count() == 1);
  CHECK(log.get(0)[QStringLiteral("actionLabel")] == QStringLiteral("Läste anteckningar i en lista"));
  CHECK(log.get(0)[QStringLiteral("caseId")] == case_id);

  ui::NoteDetails details;
  details.setNoteId(note);
  REQUIRE(details.loaded());
  log.reload();
  REQUIRE(log.count() == 2);
  QStringList actions{log.get(0)[QStringLiteral("actionLabel")].toString(), log.get(1)[QStringLiteral("actionLabel")].toString()};
  actions.sort();
  CHECK(actions == QStringList{QStringLiteral("Läste anteckningar i en lista"), QStringLiteral("Läste en anteckning")});
}

// The worker records a visit from the case (the case screen underneath,
// inactive) and comes back: the visit is there, offline, with no sync.
TEST_CASE("case details: a visit recorded while the case screen is covered shows on return", "[ui][models]") {
  UiFixture f;
  const QString case_id = f.person_with_case(QStringLiteral("Cecilia"));
  ui::CaseDetails details;
  details.setCaseId(case_id);
  REQUIRE(details.loaded());
  REQUIRE(details.visits().isEmpty());
  details.setActive(false);  // the visit form is pushed on top
  const QString visit = f.visit(case_id, iso_in_days(0, 15));
  REQUIRE_FALSE(visit.isEmpty());
  details.setActive(true);  // popped back
  REQUIRE(details.visits().size() == 1);
  CHECK(details.visits().front().toMap()[QStringLiteral("visitId")] == visit);
}

TEST_CASE("visits: Today lists visits still to come soonest first, none past or done", "[ui][models]") {
  UiFixture f;
  const QString case_id = f.person_with_case(QStringLiteral("Anna"));
  f.visit(case_id, iso_in_days(2, 9));
  f.visit(case_id, iso_in_days(0, 14));
  f.visit(case_id, iso_in_days(-3, 10));
  f.visit(case_id, iso_in_days(0, 9));  // earlier today: past
  const QString done = f.visit(case_id, iso_in_days(1, 10));
  REQUIRE_FALSE(f.records().addNote(done, QStringLiteral("Besöket är gjort.")).isEmpty());
  ui::VisitListModel today;
  today.setNow(QDateTime(QDate::currentDate(), QTime(12, 0)));
  today.reload();
  REQUIRE(today.count() == 5);
  today.setUpcomingOnly(true);
  REQUIRE(today.count() == 2);
  CHECK(today.get(0)[QStringLiteral("plannedAt")] == iso_in_days(0, 14));
  CHECK(today.get(1)[QStringLiteral("plannedAt")] == iso_in_days(2, 9));
  CHECK(today.get(0)[QStringLiteral("personName")] == QStringLiteral("Anna"));
  CHECK(today.get(0)[QStringLiteral("kindLabel")] == QStringLiteral("Hembesök"));
}

TEST_CASE("violence questions are refused unless the partner is absent", "[ui][records]") {
  UiFixture f;
  const QString case_id = f.person_with_case(QStringLiteral("Anna"));
  CHECK(f.records().violenceQuestionsAllowed(QStringLiteral("no")));
  CHECK_FALSE(f.records().violenceQuestionsAllowed(QStringLiteral("yes")));
  CHECK_FALSE(f.records().violenceQuestionsAllowed(QStringLiteral("unknown")));
  QVariantMap visit{{QStringLiteral("caseId"), case_id},
                    {QStringLiteral("kind"), QStringLiteral("home")},
                    {QStringLiteral("partnerPresent"), QStringLiteral("yes")},
                    {QStringLiteral("violenceAnswers"), QStringLiteral("Ja, i går")}};
  CHECK(f.records().recordVisit(visit).isEmpty());
  CHECK_FALSE(f.records().lastError().isEmpty());
  visit[QStringLiteral("partnerPresent")] = QStringLiteral("no");
  const QString visit_id = f.records().recordVisit(visit);
  REQUIRE_FALSE(visit_id.isEmpty());
  ui::NoteListModel notes;
  notes.setVisitId(visit_id);
  REQUIRE(notes.count() == 1);
  CHECK(notes.get(0)[QStringLiteral("body")].toString().contains(QStringLiteral("Ja, i går")));
  CHECK_FALSE(notes.get(0)[QStringLiteral("signed")].toBool());
}

TEST_CASE("notes: draft edits, signing, then only addenda, and the filters follow", "[ui][models]") {
  UiFixture f;
  const QString case_id = f.person_with_case(QStringLiteral("Anna"));
  const QString visit = f.visit(case_id, iso_in_days(0, 10));
  const QString draft = f.records().addNote(visit, QStringLiteral("Första utkast"));
  const QString other = f.records().addNote(visit, QStringLiteral("Andra"));
  REQUIRE_FALSE(draft.isEmpty());
  CHECK(f.records().editNote(draft, QStringLiteral("Rättat utkast")));

  ui::NoteDetails details;
  details.setNoteId(draft);
  REQUIRE(details.loaded());
  CHECK(details.body() == QStringLiteral("Rättat utkast"));
  CHECK(details.editable());

  REQUIRE(f.records().signNote(draft));
  CHECK(details.isSigned());  // reloaded on the change
  CHECK_FALSE(details.editable());
  CHECK_FALSE(f.records().editNote(draft, QStringLiteral("ändrat i efterhand")));
  CHECK_FALSE(f.records().lastError().isEmpty());
  CHECK_FALSE(f.records().addAddendum(draft, QStringLiteral("correction"), QStringLiteral("Rätt datum är 3/2")).isEmpty());
  REQUIRE(details.addenda().size() == 1);
  CHECK(details.addenda()[0].toMap()[QStringLiteral("kindLabel")] == QStringLiteral("Rättelse"));

  ui::NoteListModel notes;
  notes.setCaseId(case_id);
  CHECK(notes.count() == 2);
  notes.setOnlyUnsigned(true);
  REQUIRE(notes.count() == 1);
  CHECK(notes.get(0)[QStringLiteral("noteId")] == other);
  notes.setOnlyUnsigned(false);
  notes.setOnlyUnreviewed(true);
  CHECK(notes.count() == 2);
  REQUIRE(f.records().signOff(draft));
  CHECK(notes.count() == 1);
  notes.setOnlyUnreviewed(false);
  notes.setAuthor(QStringLiteral("me"));
  CHECK(notes.count() == 2);
  notes.setAuthor(QStringLiteral("00000000000000000000000000000000"));
  CHECK(notes.count() == 0);
  notes.setAuthor({});
  notes.setFromDay(QDate::currentDate().addDays(1).toString(Qt::ISODate));
  CHECK(notes.count() == 0);
  notes.setFromDay(QDate::currentDate().toString(Qt::ISODate));
  notes.setToDay(QDate::currentDate().toString(Qt::ISODate));
  CHECK(notes.count() == 2);
}

TEST_CASE("tasks: added to a case, listed open first, completed ones hidden until asked", "[ui][models]") {
  UiFixture f;
  const QString case_id = f.person_with_case(QStringLiteral("Anna"));
  const QString later = f.records().addTask(case_id, QStringLiteral("Ring skolan"), QStringLiteral("2999-01-01"));
  const QString overdue = f.records().addTask(case_id, QStringLiteral("Boka tolk"), QStringLiteral("2000-01-01"));
  REQUIRE_FALSE(later.isEmpty());
  ui::TaskListModel tasks;
  tasks.setCaseId(case_id);
  REQUIRE(tasks.count() == 2);
  CHECK(tasks.get(0)[QStringLiteral("taskId")] == overdue);
  CHECK(tasks.get(0)[QStringLiteral("overdue")].toBool());
  REQUIRE(f.records().completeTask(overdue));
  REQUIRE(tasks.count() == 1);
  CHECK(tasks.get(0)[QStringLiteral("taskId")] == later);
  tasks.setShowDone(true);
  REQUIRE(tasks.count() == 2);
  CHECK(tasks.get(1)[QStringLiteral("done")].toBool());
}

TEST_CASE("no conflicts on a fresh store, the sync bar counts waiting changes and cannot sync unenrolled",
          "[ui][models][sync]") {
  UiFixture f;
  ui::ConflictListModel conflicts;
  conflicts.reload();
  CHECK(conflicts.count() == 0);
  CHECK(conflicts.error().isEmpty());
  auto& sync = f.context().sync();
  const int before = sync.waiting();
  f.person_with_case(QStringLiteral("Anna"));
  CHECK(sync.waiting() > before);
  CHECK_FALSE(sync.canSync());
  CHECK(sync.state() == ui::sync_state::Offline);
  sync.syncNow();  // does nothing without enrolment
  CHECK(sync.state() == ui::sync_state::Offline);
}

TEST_CASE("the sync bar shows the alarm until a person acknowledges it", "[ui][models][sync]") {
  UiFixture f;
  auto& sync = f.context().sync();
  CHECK_FALSE(sync.acknowledgeAlarm());  // nothing to acknowledge
  f.session().host()->with_store([](store::LocalStore& s) {
    REQUIRE(s.put_setting(sync::settings::kAlarm, "the server was behind what this device had seen").ok());
  });
  sync.refresh();
  CHECK(sync.alarm().contains(QStringLiteral("behind")));
  CHECK(sync.acknowledgeAlarm());
  CHECK(sync.alarm().isEmpty());
  f.session().host()->with_store([](store::LocalStore& s) {
    auto kept = s.setting(sync::settings::kAlarmAcknowledged);
    REQUIRE(kept.ok());
    REQUIRE(kept->has_value());
    CHECK((*kept)->find("behind") != std::string::npos);
  });
}

TEST_CASE("devices: rows as fetched, and the enrolment QR text splits into code and fingerprint", "[ui][models]") {
  UiFixture f;
  auto& admin = f.context().admin();
  ui::DeviceListModel devices;
  CHECK(devices.rowCount() == 0);
  admin.setDevices({QVariantMap{{QStringLiteral("deviceId"), QStringLiteral("ab")},
                                {QStringLiteral("status"), QStringLiteral("active")}}});
  REQUIRE(devices.rowCount() == 1);
  CHECK(devices.data(devices.index(0), Qt::UserRole + 1) == QStringLiteral("ab"));
  const QVariantMap parsed = admin.parseEnrolmentText(QStringLiteral(" K7Q2-XM 12345 67890 11111 22222 33333 44444 "));
  CHECK(parsed[QStringLiteral("code")] == QStringLiteral("K7Q2-XM"));
  CHECK(parsed[QStringLiteral("fingerprint")] == QStringLiteral("12345 67890 11111 22222 33333 44444"));
  CHECK(parsed[QStringLiteral("pairing")] == QString());
  const QVariantMap scanned =
      admin.parseEnrolmentText(QStringLiteral("K7Q2-XM 12345 67890 11111 22222 33333 44444 7K2M-QX9D-A4PR-VT3N-8C"));
  CHECK(scanned[QStringLiteral("fingerprint")] == QStringLiteral("12345 67890 11111 22222 33333 44444"));
  CHECK(scanned[QStringLiteral("pairing")] == QStringLiteral("7K2M-QX9D-A4PR-VT3N-8C"));
  f.session().lock();
  CHECK(devices.rowCount() == 0);  // nothing about the unit behind the lock screen
}

TEST_CASE("notes name their writer by the staff member an admin named for the device", "[ui][models][staff]") {
  const crypto::DeviceId me = crypto::random_array<16>();
  const crypto::DeviceId annas = crypto::random_array<16>();
  const crypto::DeviceId unnamed = crypto::random_array<16>();
  store::StaffView anna;
  anna.id = crypto::random_array<16>();
  anna.name = "Anna Lind";
  anna.title = "socialsekreterare";
  anna.devices = {annas};
  const device::StaffDirectory staff({anna});
  CHECK(ui::author_text(to_hex(annas), me, staff) == QStringLiteral("Anna Lind, socialsekreterare"));
  CHECK(ui::author_text(to_hex(me), me, staff) == QStringLiteral("dig"));
  CHECK(ui::author_text(to_hex(unnamed), me, staff) ==
        QStringLiteral("surfplatta %1").arg(QString::fromStdString(to_hex(unnamed).substr(0, 8))));
}
