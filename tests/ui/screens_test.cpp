// Every main screen rendered offscreen in landscape and portrait (1280x800,
// 800x1280): saved as a PNG under <build>/ui-screens for people to look at,
// and checked to be neither blank (several distinct colours) nor clipped
// (every visible item outside scrolling content lies inside the window; no
// text is elided, spills out of its own box or out of its parent), with
// every control a finger uses at least 48 px both ways.
#include <catch2/catch.hpp>

#include <QDir>
#include <algorithm>
#include <atomic>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSet>
#include <QTest>

#include "admin_controller.hpp"
#include "case_details.hpp"
#include "ids.hpp"
#include "sync_controller.hpp"
#include "ui_fixture.hpp"
#include "varn/store/database.hpp"
#include "varn/store/local_store.hpp"
#include "varn/sync/device_vault.hpp"

using namespace varn;
using varn::test::UiFixture;

namespace {

// The visible item of that name (a screen pushed twice leaves a hidden one below).
QQuickItem* find_item(QQuickItem* root, const QString& name) {
  if (!root || !root->isVisible()) return nullptr;
  if (root->objectName() == name) return root;
  for (auto* child : root->childItems()) {
    if (auto* found = find_item(child, name)) return found;
  }
  return nullptr;
}

bool is_flickable(QQuickItem* item) { return item->inherits("QQuickFlickable"); }

// What a person reads or touches; decoration (Material's shadows) may spill over.
bool is_content(QQuickItem* item) {
  return item->inherits("QQuickText") || item->inherits("QQuickControl") || item->inherits("QQuickImage") ||
         item->inherits("QQuickTextInput") || item->inherits("QQuickTextEdit") || item->inherits("QQuickPaintedItem");
}

// Items that stick out of the window, named for the failure message.
void clipped_items(QQuickItem* item, const QRectF& window, QStringList& out) {
  if (!item->isVisible() || item->opacity() <= 0) return;
  const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
  if (is_content(item) && !r.isEmpty() && !window.adjusted(-1, -1, 1, 1).contains(r)) {
    out.push_back(QStringLiteral("%1 '%2' at %3,%4 %5x%6")
                      .arg(QString::fromLatin1(item->metaObject()->className()), item->objectName())
                      .arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height()));
  }
  if (is_flickable(item)) return;  // what scrolls may extend past the window
  for (auto* child : item->childItems()) clipped_items(child, window, out);
}

// Whether `item` lies inside something that scrolls (its box may leave the view).
bool in_flickable(QQuickItem* item) {
  for (auto* p = item->parentItem(); p; p = p->parentItem()) {
    if (is_flickable(p)) return true;
  }
  return false;
}

QString describe(QQuickItem* item, const QString& what) {
  const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
  return QStringLiteral("%1 %2 '%3' at %4,%5 %6x%7")
      .arg(what, QString::fromLatin1(item->metaObject()->className()), item->property("text").toString().left(40))
      .arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

// Text a person cannot read whole: elided, wider or taller than its own box
// (no wrap), or outside the box of the item that holds it.
void clipped_texts(QQuickItem* item, QStringList& out) {
  if (!item->isVisible() || item->opacity() <= 0) return;
  if (item->inherits("QQuickText") && !item->property("text").toString().isEmpty() && item->width() > 0) {
    if (item->property("truncated").toBool()) out.push_back(describe(item, QStringLiteral("elided")));
    const qreal content_w = item->property("contentWidth").toReal();
    const qreal content_h = item->property("contentHeight").toReal();
    if (content_w > item->width() + 1 || content_h > item->height() + 1) {
      out.push_back(describe(item, QStringLiteral("spills out of its box")));
    }
    auto* parent = item->parentItem();
    if (parent && !is_flickable(parent) && !in_flickable(item) && parent->width() > 0 && parent->height() > 0) {
      const QRectF mine = item->mapRectToItem(parent, QRectF(0, 0, item->width(), item->height()));
      if (!QRectF(0, 0, parent->width(), parent->height()).adjusted(-1, -1, 1, 1).contains(mine)) {
        out.push_back(describe(item, QStringLiteral("outside its parent")));
      }
    }
  }
  for (auto* child : item->childItems()) clipped_texts(child, out);
}

// Buttons, check boxes, fields and pickers under 48 px either way.
void small_targets(QQuickItem* item, QStringList& out) {
  if (!item->isVisible() || item->opacity() <= 0) return;
  const bool touched = item->inherits("QQuickAbstractButton") || item->inherits("QQuickTextField") ||
                       item->inherits("QQuickComboBox") || item->inherits("QQuickTextArea");
  if (touched && item->isEnabled() && (item->width() < 47.5 || item->height() < 47.5)) {
    out.push_back(describe(item, QStringLiteral("small")));
  }
  for (auto* child : item->childItems()) small_targets(child, out);
}

int distinct_colours(const QImage& image) {
  QSet<QRgb> seen;
  for (int y = 0; y < image.height(); y += 2) {
    const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
    for (int x = 0; x < image.width(); x += 2) seen.insert(line[x]);
    if (seen.size() > 64) break;
  }
  return static_cast<int>(seen.size());
}

// QML carries on after an error (a delegate it cannot make, a TypeError in a
// binding) and only prints it: collect those so a screen that silently lost
// its rows fails here. Binding loops in the dialogs' sizing are left out.
QStringList g_qml_errors;
QtMessageHandler g_previous_handler = nullptr;

void record_qml_error(QtMsgType type, const QMessageLogContext& context, const QString& message) {
  const bool from_qml = message.contains(QLatin1String("qrc:/qt/qml/")) || message.startsWith(QLatin1String("QQmlComponent"));
  if (type != QtDebugMsg && type != QtInfoMsg && from_qml && !message.contains(QLatin1String("Binding loop"))) {
    g_qml_errors.push_back(message);
  }
  if (g_previous_handler) g_previous_handler(type, context, message);
}

class App {
 public:
  explicit App(UiFixture& f) : fixture_(f) {
    g_qml_errors.clear();
    g_previous_handler = qInstallMessageHandler(record_qml_error);
    ui::AppContext::prepare_engine(engine_);
    engine_.load(QUrl(QStringLiteral("qrc:/qt/qml/Varn/Main.qml")));
    REQUIRE_FALSE(engine_.rootObjects().isEmpty());
    window_ = qobject_cast<QQuickWindow*>(engine_.rootObjects().first());
    REQUIRE(window_);
  }

  ~App() { qInstallMessageHandler(g_previous_handler); }
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  QQuickItem* item(const QString& name) { return find_item(window_->contentItem(), name); }

  //! Checks that QML printed no error since the app started.
  static void check_no_qml_errors() {
    INFO(g_qml_errors.join(QLatin1Char('\n')).toStdString());
    CHECK(g_qml_errors.isEmpty());
  }

  void settle() {
    auto* stack = item(QStringLiteral("mainStack"));
    REQUIRE(QTest::qWaitFor([&] { return !stack || !stack->property("busy").toBool(); }, 5000));
    QCoreApplication::processEvents();  // models read once the event loop comes round
    QCoreApplication::processEvents();
  }

  void go(const char* page) {
    auto* shell = item(QStringLiteral("appShell"));
    REQUIRE(shell);
    REQUIRE(QMetaObject::invokeMethod(shell, "go", Q_ARG(QVariant, QString::fromLatin1(page))));
    settle();
  }

  void open(const char* page, const QVariantMap& properties) {
    auto* shell = item(QStringLiteral("appShell"));
    REQUIRE(shell);
    REQUIRE(QMetaObject::invokeMethod(shell, "open", Q_ARG(QVariant, QString::fromLatin1(page)),
                                      Q_ARG(QVariant, properties)));
    settle();
  }

  //! Renders in both orientations and checks each picture.
  void shoot(const QString& name, const QString& screen_object) {
    for (auto [w, h, orientation] : {std::tuple{1280, 800, "landscape"}, std::tuple{800, 1280, "portrait"}}) {
      window_->resize(w, h);
      QTRY_COMPARE_WITH_TIMEOUT(window_->width(), w, 5000);
      settle();
      INFO(name.toStdString() << " " << orientation);
      auto* screen = item(screen_object);
      REQUIRE(screen);
      CHECK(screen->isVisible());
      const QImage image = window_->grabWindow();
      REQUIRE_FALSE(image.isNull());
      const QString dir = QStringLiteral(VARN_BINARY_DIR "/ui-screens");
      QDir().mkpath(dir);
      CHECK(image.save(QStringLiteral("%1/%2-%3.png").arg(dir, name, QString::fromLatin1(orientation))));
      CHECK(distinct_colours(image) >= 8);
      QStringList clipped;
      clipped_items(window_->contentItem(), QRectF(0, 0, w, h), clipped);
      INFO(clipped.join(QStringLiteral("\n")).toStdString());
      CHECK(clipped.isEmpty());
      QStringList texts;
      clipped_texts(window_->contentItem(), texts);
      INFO(texts.join(QStringLiteral("\n")).toStdString());
      CHECK(texts.isEmpty());
      QStringList small;
      small_targets(window_->contentItem(), small);
      INFO(small.join(QStringLiteral("\n")).toStdString());
      CHECK(small.isEmpty());
    }
  }

 private:
  UiFixture& fixture_;
  QQmlApplicationEngine engine_;
  QQuickWindow* window_ = nullptr;
};

}  // namespace

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
