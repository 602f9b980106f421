// Every main screen rendered offscreen (screen_harness.hpp: both
// orientations, saved for people to look at, checked to be whole and
// touchable), and what each screen shows and does.
#include <catch2/catch.hpp>

#include <QDir>
#include <algorithm>
#include <atomic>
#include <QQuickItem>
#include <QTest>

#include "admin_controller.hpp"
#include "case_details.hpp"
#include "ids.hpp"
#include "screen_harness.hpp"
#include "sync_controller.hpp"
#include "ui_fixture.hpp"
#include "varn/store/database.hpp"
#include "varn/store/local_store.hpp"
#include "varn/sync/device_vault.hpp"

using namespace varn;
using varn::test::App;
using varn::test::UiFixture;

TEST_CASE("first run, lock and neutral screens render whole", "[ui][screens]") {
  UiFixture f(false);
  App app(f);
  app.settle();
  app.shoot(QStringLiteral("first-run"), QStringLiteral("createStoreScreen"));
  REQUIRE(f.session().createStore(QString::fromUtf8(test::kPassphrase), QString::fromUtf8(test::kPassphrase)));
  REQUIRE(test::wait_open(f.session()));
  f.session().lock();
  app.settle();
  app.shoot(QStringLiteral("lock"), QStringLiteral("lockScreen"));
  f.session().quickHide();
  app.settle();
  app.shoot(QStringLiteral("neutral"), QStringLiteral("neutralScreen"));
  App::check_no_qml_errors();
}

TEST_CASE("every worker, reviewer and admin screen renders whole", "[ui][screens]") {
  UiFixture f;
  const QString case_id = f.person_with_case(QStringLiteral("Anna Andersson"));
  const QString hidden = f.person_with_case(QStringLiteral("Britt Berg"), QStringLiteral("confidential"),
                                            QStringLiteral("Hemliga vägen 3"));
  const QString now = QDateTime::currentDateTime().toString(Qt::ISODate);
  const QString visit = f.visit(case_id, now);
  f.visit(hidden, QDateTime::currentDateTime().addDays(1).toString(Qt::ISODate));
  const QString note = f.records().addNote(visit, QStringLiteral("Samtal i enrum på kontoret. Hen berättar om hot."));
  REQUIRE(f.records().signNote(note));
  REQUIRE_FALSE(f.records().addAddendum(note, QStringLiteral("addition"), QStringLiteral("Tolk var med.")).isEmpty());
  REQUIRE_FALSE(f.records().addNote(visit, QStringLiteral("Utkast om skyddat boende")).isEmpty());
  REQUIRE_FALSE(f.records().addTask(case_id, QStringLiteral("Ring skolan om barnen"), QStringLiteral("2999-01-01")).isEmpty());

  App app(f);
  app.settle();
  app.shoot(QStringLiteral("enrolment"), QStringLiteral("enrolmentScreen"));
  app.go("TodayScreen.qml");
  app.shoot(QStringLiteral("today"), QStringLiteral("todayScreen"));
  app.go("PersonsScreen.qml");
  app.shoot(QStringLiteral("persons"), QStringLiteral("personsScreen"));
  app.open("PersonCaseScreen.qml", {{QStringLiteral("caseId"), case_id}});
  app.shoot(QStringLiteral("person-case"), QStringLiteral("personCaseScreen"));
  app.open("PersonCaseScreen.qml", {{QStringLiteral("caseId"), hidden}});
  app.shoot(QStringLiteral("person-case-protected"), QStringLiteral("personCaseScreen"));
  app.open("RecordVisitScreen.qml", {{QStringLiteral("caseId"), case_id}, {QStringLiteral("partnerPresent"), QStringLiteral("no")}});
  app.shoot(QStringLiteral("record-visit"), QStringLiteral("recordVisitScreen"));
  app.open("NoteEditorScreen.qml", {{QStringLiteral("noteId"), note}});
  app.shoot(QStringLiteral("note-signed"), QStringLiteral("noteEditorScreen"));
  app.open("InstrumentFormScreen.qml", {{QStringLiteral("caseId"), case_id}});
  app.shoot(QStringLiteral("instrument-form"), QStringLiteral("instrumentFormScreen"));
  auto* questions = app.item(QStringLiteral("questionList"));
  REQUIRE(questions);
  CHECK(questions->width() >= 300);   // the questions get room beside (or above) the judgement
  CHECK(questions->height() >= 200);
  CHECK(questions->height() >= 1280 / 2);  // shoot() ends in portrait: the questions get most of the screen
  app.go("TasksScreen.qml");
  app.shoot(QStringLiteral("tasks"), QStringLiteral("tasksScreen"));
  app.go("NotesReviewScreen.qml");
  app.shoot(QStringLiteral("notes-review"), QStringLiteral("notesReviewScreen"));
  app.go("AccessLogScreen.qml");
  app.shoot(QStringLiteral("access-log"), QStringLiteral("accessLogScreen"));
  app.go("LogReviewScreen.qml");
  app.shoot(QStringLiteral("log-review"), QStringLiteral("logReviewScreen"));
  app.go("DevicesScreen.qml");
  app.shoot(QStringLiteral("devices"), QStringLiteral("devicesScreen"));

  // A device waiting for approval shows its code, fingerprint and QR code.
  f.session().host()->with_store([](store::LocalStore& s) {
    REQUIRE(s.put_setting(sync::settings::kStatus, "pending").ok());
    REQUIRE(s.put_setting(sync::settings::kEnrolCode, "K7Q2-XM4P").ok());
  });
  f.session().refreshEnrolment();
  app.go("EnrolmentScreen.qml");
  auto* qr = app.item(QStringLiteral("enrolQr"));
  REQUIRE(qr);
  CHECK(qr->property("modules").toInt() >= 21);
  app.shoot(QStringLiteral("enrolment-pending"), QStringLiteral("enrolmentScreen"));
  App::check_no_qml_errors();
}

TEST_CASE("past the lease the case screens are covered, the sync bar counts down before, and devices stay usable",
          "[ui][screens][lease]") {
  UiFixture f;
  f.person_with_case(QStringLiteral("Anna Andersson"));
  const auto contact = [&](int days_ago) {
    const auto then = std::to_string(QDateTime::currentSecsSinceEpoch() - days_ago * 86400);
    f.session().host()->with_store([&](store::LocalStore& s) {
      REQUIRE(s.put_setting(sync::settings::kLeaseDays, "7").ok());
      REQUIRE(s.put_setting(sync::settings::kLastContact, then).ok());
      REQUIRE(s.put_setting(sync::settings::kLatestSeen, then).ok());
    });
    f.context().sync().refresh();
  };
  App app(f);
  contact(5);
  app.go("PersonsScreen.qml");
  app.shoot(QStringLiteral("lease-two-days-left"), QStringLiteral("personsScreen"));
  auto* last = app.item(QStringLiteral("lastSyncLabel"));
  REQUIRE(last);
  CHECK(last->property("text").toString() == QStringLiteral("Synka inom 2 dagar"));

  contact(8);
  app.settle();
  app.shoot(QStringLiteral("lease-expired"), QStringLiteral("leaseCover"));
  // item() finds visible items only: the names under the cover are not drawn at all.
  CHECK(app.item(QStringLiteral("personsScreen")) == nullptr);
  app.go("DevicesScreen.qml");
  CHECK(app.item(QStringLiteral("leaseCover")) == nullptr);
  CHECK(app.item(QStringLiteral("devicesScreen")) != nullptr);
  App::check_no_qml_errors();
}

TEST_CASE("the admin's device list shows the tablets waiting to join and the join address, and choosing one fills its code",
          "[ui][screens][admin]") {
  UiFixture f;
  App app(f);
  app.go("DevicesScreen.qml");
  f.context().admin().setDevices({}, {QVariantMap{{QStringLiteral("code"), QStringLiteral("K7Q2-XM4P")},
                                                  {QStringLiteral("device"), QStringLiteral("ab12cd34")},
                                                  {QStringLiteral("requestedAt"), QDateTime(QDate(2026, 12, 3), QTime(9, 5))}}},
                                 QStringLiteral("https://varn.example:8443/16d01a95"));
  app.settle();
  auto* address = app.item(QStringLiteral("joinAddress"));
  REQUIRE(address);
  CHECK(address->property("text").toString().contains(QStringLiteral("https://varn.example:8443/16d01a95")));
  auto* pick = app.item(QStringLiteral("pick_K7Q2-XM4P"));
  REQUIRE(pick);
  auto* code = app.item(QStringLiteral("approveCode"));
  REQUIRE(code);
  CHECK(code->property("text").toString().isEmpty());
  REQUIRE(QMetaObject::invokeMethod(pick, "clicked"));
  CHECK(code->property("text").toString() == QStringLiteral("K7Q2-XM4P"));
  // The fingerprint is still typed from what the tablet shows: the list does not hold it.
  CHECK(app.item(QStringLiteral("approveFingerprint"))->property("text").toString().isEmpty());
  app.shoot(QStringLiteral("devices-waiting"), QStringLiteral("devicesScreen"));
  App::check_no_qml_errors();
}

TEST_CASE("a person's protection is changed on the case screen, and skyddad folkbokföring asks first and removes "
          "the address", "[ui][screens][protected]") {
  UiFixture f;
  const QString case_id = f.person_with_case(QStringLiteral("Anna Andersson"));
  App app(f);
  app.open("PersonCaseScreen.qml", {{QStringLiteral("caseId"), case_id}});
  auto* address = app.item(QStringLiteral("addressLabel"));
  REQUIRE(address);
  CHECK(address->property("text").toString() == QStringLiteral("Storgatan 1, Umeå"));
  auto* box = app.item(QStringLiteral("protectionBox"));
  REQUIRE(box);
  const QStringList levels = f.records().protectionLevels();
  auto choose = [&](const QString& level) {
    const int index = static_cast<int>(levels.indexOf(level));
    REQUIRE(index >= 0);
    box->setProperty("currentIndex", index);
    REQUIRE(QMetaObject::invokeMethod(box, "activated", Q_ARG(int, index)));
    app.settle();
  };
  choose(QStringLiteral("confidential"));
  CHECK(address->property("text").toString() == QStringLiteral("Visas inte (skyddad person)"));
  choose(QStringLiteral("protected_registration"));
  auto* confirm = app.item(QStringLiteral("confirmProtectButton"));
  REQUIRE(confirm);  // asked, not yet done
  ui::CaseDetails before;
  before.setCaseId(case_id);
  CHECK(before.protection() == QStringLiteral("confidential"));
  REQUIRE(QMetaObject::invokeMethod(confirm, "clicked"));
  app.settle();
  ui::CaseDetails after;
  after.setCaseId(case_id);
  CHECK(after.protection() == QStringLiteral("protected_registration"));
  // The address is gone, and this device (enrolled in no role) may raise protection but not remove it.
  f.session().host()->with_store([](store::LocalStore& s) {
    auto q = s.database().prepare("SELECT count(*) FROM field_value WHERE field = 'address'");
    REQUIRE(q);
    REQUIRE(*q->step());
    CHECK(q->int64(0) == 0);  // not hidden: gone from the store's tables
  });
  CHECK_FALSE(f.records().maySetProtection(QStringLiteral("none")));
  CHECK_FALSE(f.records().setProtection(after.personId(), QStringLiteral("none")));
  App::check_no_qml_errors();
}

TEST_CASE("a draft older than the unit's days is flagged on Idag, in the editor and in the review list, and a note "
          "shows when it happened beside when it was written",
          "[ui][screens][times]") {
  std::atomic<std::int64_t> now{QDateTime::currentMSecsSinceEpoch()};  // outlives the fixture that reads it
  UiFixture f;
  const QString case_id = f.person_with_case(QStringLiteral("Anna Andersson"));
  const QString visit = f.visit(case_id, QStringLiteral("2026-12-01T10:00"));
  const QString draft = f.records().addNote(visit, QStringLiteral("Utkast om skyddat boende"),
                                            QStringLiteral("2026-12-01T10:30"));
  REQUIRE_FALSE(draft.isEmpty());
  const QString done = f.records().addNote(visit, QStringLiteral("Samtal i enrum"));
  REQUIRE(f.records().signNote(done));
  f.session().host()->set_wall_clock([&now] { return static_cast<std::uint64_t>(now.load()); });

  App app(f);
  app.go("TodayScreen.qml");
  CHECK(app.item(QStringLiteral("staleDraftsHeading")) == nullptr);  // written today: not old yet

  now += std::int64_t{4} * 24 * 60 * 60 * 1000;  // past the default three days
  app.go("TasksScreen.qml");
  app.go("TodayScreen.qml");
  auto* heading = app.item(QStringLiteral("staleDraftsHeading"));
  REQUIRE(heading);
  CHECK(heading->property("text").toString() == QStringLiteral("Gamla utkast att signera: 1"));
  CHECK(app.item(QStringLiteral("staleBadge")) != nullptr);
  app.shoot(QStringLiteral("today-stale-draft"), QStringLiteral("todayScreen"));

  app.open("NoteEditorScreen.qml", {{QStringLiteral("noteId"), draft}});
  CHECK(app.item(QStringLiteral("staleNotice")) != nullptr);
  auto* times = app.item(QStringLiteral("noteTimes"));
  REQUIRE(times);
  CHECK(times->property("text").toString().startsWith(QStringLiteral("Hände 2026-12-01 10:30 · skriven ")));
  auto* field = app.item(QStringLiteral("eventTimeField"));
  REQUIRE(field);
  CHECK(field->property("value").toString() == QStringLiteral("2026-12-01T10:30"));
  app.shoot(QStringLiteral("note-stale-draft"), QStringLiteral("noteEditorScreen"));

  app.go("NotesReviewScreen.qml");
  auto* stale_box = app.item(QStringLiteral("staleFilter"));
  REQUIRE(stale_box);
  auto* unreviewed_box = app.item(QStringLiteral("unreviewedFilter"));
  REQUIRE(unreviewed_box);
  unreviewed_box->setProperty("checked", false);
  app.settle();
  auto* notes = app.item(QStringLiteral("notesReviewScreen"))->findChild<QObject*>(QStringLiteral("reviewNotes"));
  REQUIRE(notes);
  CHECK(notes->property("count").toInt() == 2);
  stale_box->setProperty("checked", true);
  app.settle();
  CHECK(notes->property("count").toInt() == 1);
  App::check_no_qml_errors();
}

TEST_CASE("the visit form asks no place for a home visit of a person with skyddad folkbokföring, and does for others",
          "[ui][screens][protected]") {
  UiFixture f;
  const QString hidden = f.person_with_case(QStringLiteral("Britt Berg"), QStringLiteral("protected_registration"),
                                            QString());
  const QString open = f.person_with_case(QStringLiteral("Anna Andersson"));
  App app(f);
  app.open("RecordVisitScreen.qml", {{QStringLiteral("caseId"), hidden}, {QStringLiteral("partnerPresent"), QStringLiteral("no")}});
  auto* kind = app.item(QStringLiteral("kindBox"));
  REQUIRE(kind);
  CHECK(kind->property("currentText").toString() == QStringLiteral("home"));
  CHECK(app.item(QStringLiteral("placeField")) == nullptr);
  CHECK(app.item(QStringLiteral("placeWithheldNotice")) != nullptr);
  app.shoot(QStringLiteral("record-visit-skyddad"), QStringLiteral("recordVisitScreen"));
  kind->setProperty("currentIndex", 2);  // office: the place is not their address
  app.settle();
  CHECK(app.item(QStringLiteral("placeField")) != nullptr);
  CHECK(app.item(QStringLiteral("placeWithheldNotice")) == nullptr);

  app.open("RecordVisitScreen.qml", {{QStringLiteral("caseId"), open}, {QStringLiteral("partnerPresent"), QStringLiteral("no")}});
  CHECK(app.item(QStringLiteral("placeField")) != nullptr);
  App::check_no_qml_errors();
}

TEST_CASE("Mina ärenden and Idag hold this person's own cases, the unit's are a tab away, and the case screen names "
          "who is responsible",
          "[ui][screens][caseload]") {
  UiFixture f;
  model::EntityId bo{};
  REQUIRE(f.session().host()->with_records([&](store::Records& r) {
    const auto anna = r.add_staff("Anna Lind", "socialsekreterare").value();
    bo = r.add_staff("Bo Ek", "socialsekreterare").value();
    return r.set_staff_device(anna, f.session().host()->device(), true);
  }));
  const QString mine = f.person_with_case(QStringLiteral("Karin Lindqvist"));  // opened here: Anna's
  const QString theirs = f.person_with_case(QStringLiteral("Lena Berg"));
  REQUIRE(f.session().host()->with_records(
      [&](store::Records& r) { return r.set_case_responsible(*ui::parse_id(theirs), {bo}); }));
  const QString tomorrow = QDateTime::currentDateTime().addDays(1).toString(Qt::ISODate);
  f.visit(mine, tomorrow);
  f.visit(theirs, tomorrow);

  App app(f);
  app.go("TodayScreen.qml");
  auto* today = app.item(QStringLiteral("todayList"));
  REQUIRE(today);
  CHECK(today->property("count").toInt() == 1);

  app.go("PersonsScreen.qml");
  auto* list = app.item(QStringLiteral("personList"));
  REQUIRE(list);
  CHECK(list->property("count").toInt() == 1);
  auto* responsible = app.item(QStringLiteral("responsibleLabel"));
  REQUIRE(responsible);
  CHECK(responsible->property("text").toString() == QStringLiteral("Ansvarig: Anna Lind, socialsekreterare"));
  app.shoot(QStringLiteral("persons-mine"), QStringLiteral("personsScreen"));
  auto* scope = app.item(QStringLiteral("caseScope"));
  REQUIRE(scope);
  scope->setProperty("currentIndex", 1);  // "Alla i enheten"
  app.settle();
  CHECK(list->property("count").toInt() == 2);

  app.open("PersonCaseScreen.qml", {{QStringLiteral("caseId"), theirs}});
  auto* label = app.item(QStringLiteral("responsibleLabel"));
  REQUIRE(label);
  CHECK(label->property("text").toString() == QStringLiteral("Bo Ek, socialsekreterare"));
  auto* assign = app.item(QStringLiteral("assignButton"));
  CHECK((assign == nullptr || !assign->isVisible()));  // not enrolled: no reviewer's or admin's rights
  App::check_no_qml_errors();
}

TEST_CASE("the month's access-log review on the device shows the anomalies and the sample, and a reviewer signs it "
          "off while a worker may not",
          "[ui][screens][access-log]") {
  UiFixture f;
  const QString case_id = f.person_with_case(QStringLiteral("Karin Lindqvist"));
  REQUIRE(f.session().host()->with_records([&](store::Records& r) { return r.open_case_view(*ui::parse_id(case_id)); }));
  auto set_role = [&](const char* role) {
    f.session().host()->with_store([&](store::LocalStore& s) {
      REQUIRE(s.put_setting(sync::settings::kRole, role).ok());
      REQUIRE(s.put_setting(sync::settings::kStatus, "active").ok());
    });
    f.session().refreshEnrolment();
  };
  set_role("worker");
  App app(f);
  app.go("LogReviewScreen.qml");
  auto text = [&](const char* name) {
    auto* item = app.item(QString::fromLatin1(name));
    REQUIRE(item);
    return item->property("text").toString();
  };
  CHECK(text("reviewMonth") == QDate::currentDate().toString(QStringLiteral("yyyy-MM")));
  CHECK(text("readCount") == QStringLiteral("Läsningar i månaden: 1"));
  CHECK(text("sampleHeading") == QStringLiteral("Stickprov: 1"));
  CHECK(text("anomalyHeading") == QStringLiteral("Avvikelser: 1"));  // nobody is named for this device
  CHECK(text("anomalyWhy").contains(QStringLiteral("Surfplatta utan namngiven person")));
  app.shoot(QStringLiteral("log-review-month"), QStringLiteral("logReviewScreen"));

  auto* comment = app.item(QStringLiteral("reviewComment"));
  REQUIRE(comment);
  comment->setProperty("text", QStringLiteral("Granskad"));
  auto* sign = app.item(QStringLiteral("signReviewButton"));
  REQUIRE(sign);
  REQUIRE(QMetaObject::invokeMethod(sign, "clicked"));
  app.settle();
  CHECK(app.item(QStringLiteral("signedOff")) == nullptr);  // a worker's device signs no review

  set_role("reviewer");
  app.go("LogReviewScreen.qml");
  comment = app.item(QStringLiteral("reviewComment"));
  REQUIRE(comment);
  comment->setProperty("text", QStringLiteral("Granskad, inga avvikelser"));
  REQUIRE(QMetaObject::invokeMethod(app.item(QStringLiteral("signReviewButton")), "clicked"));
  app.settle();
  auto* signed_off = app.item(QStringLiteral("signedOff"));
  REQUIRE(signed_off);
  CHECK(signed_off->property("text").toString().endsWith(QStringLiteral(": Granskad, inga avvikelser")));
  CHECK(f.session().host()->with_records([](store::Records& r) {
    return r.log_review(QDate::currentDate().toString(QStringLiteral("yyyy-MM")).toStdString(), {});
  })->sign_offs.size() == 1);

  REQUIRE(QMetaObject::invokeMethod(app.item(QStringLiteral("previousMonth")), "clicked"));
  app.settle();
  CHECK(text("readCount") == QStringLiteral("Läsningar i månaden: 0"));
  App::check_no_qml_errors();
}

TEST_CASE("the case screen lists a saved assessment with its instrument version, score and judgement, and showing it "
          "is a logged read",
          "[ui][screens][assessment]") {
  UiFixture f;
  const QString case_id = f.person_with_case(QStringLiteral("Karin Lindqvist"));
  model::Instrument instrument;
  instrument.id = "example";
  instrument.title = "Exempelinstrument";
  instrument.version = "1.0";
  model::Question q;
  q.id = "q1";
  q.kind = model::AnswerKind::yes_no;
  q.points_if_yes = 2;
  instrument.sections.push_back({"s1", "Avsnitt", {q}});
  instrument.bands = {{0, "låg"}, {2, "förhöjd"}};
  REQUIRE(f.session().host()->with_records([&](store::Records& r) {
    return r.add_assessment(*ui::parse_id(case_id), instrument, {{"q1", "yes"}}, "Hög risk enligt min bedömning");
  }));

  App app(f);
  app.open("PersonCaseScreen.qml", {{QStringLiteral("caseId"), case_id}});
  auto* score = app.item(QStringLiteral("assessmentScore"));
  REQUIRE(score);
  CHECK(score->property("text").toString() == QStringLiteral("Poäng 2 (förhöjd) · Bedömning: Hög risk enligt min bedömning"));
  app.shoot(QStringLiteral("case-assessment"), QStringLiteral("personCaseScreen"));
  const auto log = f.session().host()->with_records([](store::Records& r) { return r.access_log(); });
  REQUIRE(log);
  CHECK(std::any_of(log->begin(), log->end(), [](const store::AccessLogEntry& e) { return e.action == "read_assessments"; }));
  App::check_no_qml_errors();
}
