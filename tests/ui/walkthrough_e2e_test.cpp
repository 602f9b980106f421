// The worker's, reviewer's and admin's main flows as a person does them:
// taps and typing on the real window (Main.qml, offscreen), against the real
// varn-server. The first admin, who approves the others, is driven through
// its controllers; each walked device is the only app in the process that
// owns the QML singletons while its window is up. Every wait is bounded.
#include <catch2/catch.hpp>

#include <functional>

#include <QDate>
#include <QKeyEvent>
#include <QLocale>
#include <QPointer>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

#include "admin_controller.hpp"
#include "e2e_fixture.hpp"
#include "enrolment_controller.hpp"
#include "qt_std.hpp"
#include "sync_controller.hpp"
#include "ui_fixture.hpp"

using namespace varn;
using varn::test::UiFixture;

namespace {

constexpr int kWaitMs = 60'000;
const QString kPass = QStringLiteral("korrekt häst batteri");

QQuickItem* find_visible(QQuickItem* root, const QString& name) {
  if (!root || !root->isVisible()) return nullptr;
  if (root->objectName() == name) return root;
  for (auto* child : root->childItems()) {
    if (auto* found = find_visible(child, name)) return found;
  }
  return nullptr;
}

QQuickItem* find_text(QQuickItem* root, const QString& text) {
  if (!root || !root->isVisible()) return nullptr;
  if (root->property("text").toString() == text && root->inherits("QQuickAbstractButton")) return root;
  for (auto* child : root->childItems()) {
    if (auto* found = find_text(child, text)) return found;
  }
  return nullptr;
}

void visible_names(QQuickItem* root, QStringList& out, int depth = 0) {
  if (!root || !root->isVisible()) return;
  if (!root->objectName().isEmpty()) out.push_back(QString(depth, QLatin1Char(' ')) + root->objectName());
  for (auto* child : root->childItems()) visible_names(child, out, depth + 1);
}

bool shows_text(QQuickItem* root, const QString& needle) {
  if (!root || !root->isVisible()) return false;
  if (root->property("text").toString().contains(needle)) return true;
  for (auto* child : root->childItems()) {
    if (shows_text(child, needle)) return true;
  }
  return false;
}

// One app window, tapped and typed into like a tablet.
class Walk {
 public:
  Walk() {
    ui::AppContext::prepare_engine(engine_);
    engine_.load(QUrl(QStringLiteral("qrc:/qt/qml/Varn/Main.qml")));
    REQUIRE_FALSE(engine_.rootObjects().isEmpty());
    window_ = qobject_cast<QQuickWindow*>(engine_.rootObjects().first());
    REQUIRE(window_);
    window_->resize(1280, 800);
    window_->show();
    REQUIRE(QTest::qWaitForWindowExposed(window_));
  }

  QQuickItem* root() { return window_->contentItem(); }
  void shot(const QString& name) { window_->grabWindow().save(QStringLiteral("/tmp/walk-%1.png").arg(name)); }

  //! The visible item named `name`, waiting for it to appear (screens push with a transition).
  QQuickItem* item(const QString& name) {
    QQuickItem* found = nullptr;
    const bool appeared = QTest::qWaitFor([&] { return (found = find_visible(root(), name)) != nullptr; }, kWaitMs);
    INFO("waiting for " << name.toStdString());
    QStringList names;
    if (!appeared) visible_names(root(), names);
    INFO("visible: " << names.join(QLatin1Char('\n')).toStdString());
    REQUIRE(appeared);
    settle();
    return find_visible(root(), name);
  }

  void settle() {
    (void)QTest::qWaitFor([&] {
      auto* stack = find_visible(root(), QStringLiteral("mainStack"));
      return !stack || !stack->property("busy").toBool();
    }, 5000);
    QCoreApplication::processEvents();
  }

  //! Waits until `target` stops moving (a dialog scales in, a page slides).
  void still(QQuickItem* target) {
    QRectF last;
    int steady = 0;
    (void)QTest::qWaitFor([&] {
      const QRectF now = target->mapRectToScene(QRectF(0, 0, target->width(), target->height()));
      steady = now == last ? steady + 1 : 0;
      last = now;
      return steady >= 5;
    }, 5000);
  }

  //! Scrolls the page holding `target` until it is in view, as a finger would.
  void scroll_to(QQuickItem* target) {
    for (QQuickItem* p = target->parentItem(); p; p = p->parentItem()) {
      if (!p->inherits("QQuickFlickable")) continue;
      const QRectF in_view = target->mapRectToItem(p, QRectF(0, 0, target->width(), target->height()));
      if (in_view.top() >= 0 && in_view.bottom() <= p->height()) return;
      const qreal y = p->property("contentY").toReal() + in_view.bottom() - p->height() + 16;
      p->setProperty("contentY", std::max<qreal>(0, y));
      settle();
      return;
    }
  }

  void tap(QQuickItem* item) {
    REQUIRE(item);
    QPointer<QQuickItem> target(item);  // a list may remake its rows meanwhile
    scroll_to(target);
    still(target);
    REQUIRE(target);
    INFO("tap " << target->objectName().toStdString() << " '" << target->property("text").toString().toStdString() << "'");
    REQUIRE(target->isEnabled());
    const QPointF centre = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
    // A finger, as on the tablet (mouse clicks in quick succession would pair into double clicks).
    QTest::touchEvent(window_, touch_).press(0, centre.toPoint(), window_);
    QTest::touchEvent(window_, touch_).release(0, centre.toPoint(), window_);
    settle();
  }
  void tap(const QString& name) { tap(item(name)); }
  void tap_text(const QString& text) {
    QQuickItem* found = nullptr;
    REQUIRE(QTest::qWaitFor([&] { return (found = find_text(root(), text)) != nullptr; }, kWaitMs));
    tap(found);
  }

  void type(const QString& name, const QString& text) {
    auto* field = item(name);
    tap(field);
    REQUIRE(field->hasActiveFocus());
    // Key by key, as a keyboard sends them (QTest::keyClicks is for widgets; å, ä, ö included).
    for (const QChar ch : text) {
      QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(ch));
      QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(ch));
      QCoreApplication::sendEvent(window_, &press);
      QCoreApplication::sendEvent(window_, &release);
    }
    QCoreApplication::processEvents();
    CHECK(field->property("text").toString().endsWith(text));
  }

  //! The day cell `day` of the shown month in the date picker's grid.
  QQuickItem* day_cell(int day) {
    auto* grid = item(QStringLiteral("monthGrid"));
    still(grid);
    QQuickItem* cell = nullptr;
    const std::function<void(QQuickItem*)> walk = [&](QQuickItem* at) {
      for (auto* child : at->childItems()) {
        if (child->property("text").toString() == QString::number(day) && child->opacity() == 1.0) cell = child;
        walk(child);
      }
    };
    walk(grid);
    REQUIRE(cell);
    return cell;
  }

  //! A finger drawn upwards by `dy` over `name`, as when turning a tumbler.
  void swipe_up(const QString& name, qreal dy) {
    auto* target = item(name);
    still(target);
    const QPointF from = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
    QTest::touchEvent(window_, touch_).press(0, from.toPoint(), window_);
    constexpr int kSteps = 12;
    for (int i = 1; i <= kSteps; ++i) {
      QTest::touchEvent(window_, touch_).move(0, (from - QPointF(0, dy * i / kSteps)).toPoint(), window_);
      QTest::qWait(16);  // one frame per step, so the flick sees a steady, slow finger
    }
    QTest::touchEvent(window_, touch_).release(0, (from - QPointF(0, dy)).toPoint(), window_);
    (void)QTest::qWaitFor([&] { return !target->property("moving").toBool(); }, 5000);
    settle();
  }

  bool wait_for_text(const QString& needle) {
    return QTest::qWaitFor([&] { return shows_text(root(), needle); }, kWaitMs);
  }

  //! Opens a destination from the side menu (landscape: always shown).
  void go(const QString& title) { tap_text(title); }

 private:
  QQmlApplicationEngine engine_;
  QQuickWindow* window_ = nullptr;
  QPointingDevice* touch_ = QTest::createTouchDevice();
};

// First run and enrolment by hand; the first admin approves what the screen shows.
void first_run_and_enrol(Walk& w, UiFixture& device, ui::AdminController& approver, const QString& url,
                         const QString& role) {
  w.type(QStringLiteral("newPassphrase"), kPass);
  w.type(QStringLiteral("repeatPassphrase"), kPass);
  w.tap(QStringLiteral("createButton"));
  REQUIRE(QTest::qWaitFor([&] { return device.session().unlocked(); }, kWaitMs));
  w.item(QStringLiteral("serverField"))->setProperty("text", QString());
  w.type(QStringLiteral("serverField"), url);
  w.tap(QStringLiteral("enrolButton"));
  const QString code = w.item(QStringLiteral("enrolCode"))->property("text").toString();
  const QString fingerprint = w.item(QStringLiteral("enrolFingerprint"))->property("text").toString();
  const QString pairing = w.item(QStringLiteral("enrolPairing"))->property("text").toString();
  REQUIRE_FALSE(code.isEmpty());
  // Filed with the join address: the admin's device lists it as waiting.
  approver.refreshDevices();
  REQUIRE(QTest::qWaitFor([&] { return !approver.busy(); }, kWaitMs));
  REQUIRE(approver.waiting().size() == 1);
  CHECK(approver.waiting().first().toMap().value(QStringLiteral("code")).toString() == code);
  approver.approve(code, fingerprint, pairing, role);
  REQUIRE(QTest::qWaitFor([&] { return !approver.busy(); }, kWaitMs));
  INFO(approver.lastError().toStdString());
  REQUIRE(approver.lastError().isEmpty());
  w.tap(QStringLiteral("syncNowButton"));
  REQUIRE(QTest::qWaitFor([&] { return device.session().enrolStatus() == QStringLiteral("active"); }, kWaitMs));
  REQUIRE(QTest::qWaitFor([&] { return device.context().sync().state() != ui::sync_state::Syncing; }, kWaitMs));
}

void sync_by_tap(Walk& w, UiFixture& device) {
  auto& sync = device.context().sync();
  REQUIRE(QTest::qWaitFor([&] { return sync.state() != ui::sync_state::Syncing; }, kWaitMs));
  w.tap(QStringLiteral("syncNowButton"));
  REQUIRE(QTest::qWaitFor([&] { return sync.state() != ui::sync_state::Syncing; }, kWaitMs));
  INFO(sync.lastError().toStdString());
  REQUIRE(sync.state() == ui::sync_state::Synced);
}

}  // namespace

TEST_CASE("walk-through: a worker records a visit and signs its note, a reviewer signs it off, an admin revokes a "
          "tablet, all by taps on the real window against the real server", "[ui][e2e][walkthrough]") {
  test::E2eServer server;
  const QString url = qt::to_qstring(server.url);
  UiFixture first_admin;  // approves the others; no window
  auto& first_enrol = first_admin.context().enrolment();
  first_enrol.enrol(url, qt::to_qstring(server.unit_code));
  REQUIRE(QTest::qWaitFor([&] { return !first_enrol.busy(); }, kWaitMs));
  REQUIRE(first_admin.session().enrolStatus() == QStringLiteral("active"));
  auto& approver = first_admin.context().admin();
  approver.refreshDevices();
  REQUIRE(QTest::qWaitFor([&] { return !approver.busy(); }, kWaitMs));
  const QString join_address = approver.joinAddress();  // what the admin hands each new tablet
  REQUIRE(join_address.startsWith(url + QLatin1Char('/')));
  QString worker_device;

  {  // The worker.
    UiFixture worker(false);
    Walk w;
    first_run_and_enrol(w, worker, approver, join_address, QStringLiteral("worker"));
    worker_device = qt::to_qstring(to_hex(worker.session().host()->device()));
    w.go(QStringLiteral("Mina ärenden"));
    w.tap(QStringLiteral("addPersonButton"));
    w.type(QStringLiteral("personName"), QStringLiteral("Ingrid Isaksson"));
    w.tap(QStringLiteral("confirmAddPerson"));
    w.item(QStringLiteral("personCaseScreen"));
    w.tap(QStringLiteral("newVisitButton"));
    w.tap(QStringLiteral("partner_no"));
    // The time is picked, never typed: next month's 15th, the hour turned on from 09 to 10.
    auto* planned = w.item(QStringLiteral("plannedField"));
    w.tap(planned);
    w.tap(QStringLiteral("nextMonth"));
    w.tap(w.day_cell(15));
    auto* hours = w.item(QStringLiteral("hourTumbler"));
    w.swipe_up(QStringLiteral("hourTumbler"), hours->height() / 3);
    w.tap(QStringLiteral("doneDate"));
    const QDate next_month = QDate::currentDate().addMonths(1);
    const QDate picked(next_month.year(), next_month.month(), 15);
    CHECK(planned->property("value").toString() == picked.toString(Qt::ISODate) + QStringLiteral("T10:00"));
    CHECK(planned->property("text").toString() ==
          QLocale().toString(picked, QStringLiteral("d MMMM yyyy")) + QStringLiteral(" kl. 10:00"));
    w.tap(QStringLiteral("saveVisitButton"));

    // Back on the case, offline from the server's view: the visit is there at once.
    w.item(QStringLiteral("personCaseScreen"));
    REQUIRE(w.wait_for_text(picked.toString(Qt::ISODate) + QStringLiteral(" 10:00")));
    w.tap(QStringLiteral("visitRow"));
    w.type(QStringLiteral("noteBody"), QStringLiteral("Samtal utan partnern. Hon vill ha skyddat boende."));
    w.tap(QStringLiteral("signButton"));
    w.tap(QStringLiteral("confirmSignButton"));
    REQUIRE(w.wait_for_text(QStringLiteral("signerad")));
    sync_by_tap(w, worker);
    CHECK(worker.context().sync().waiting() == 0);
  }

  {  // The reviewer.
    UiFixture reviewer(false);
    Walk w;
    first_run_and_enrol(w, reviewer, approver, join_address, QStringLiteral("reviewer"));
    sync_by_tap(w, reviewer);
    w.go(QStringLiteral("Granskning"));
    REQUIRE(w.wait_for_text(QStringLiteral("Ingrid Isaksson")));  // the queue names whom the note is about
    w.tap_text(QStringLiteral("Ärendets historik"));
    w.item(QStringLiteral("personCaseScreen"));
    CHECK(w.wait_for_text(QStringLiteral("Hembesök")));
    w.tap_text(QStringLiteral("\u2190"));  // back to the queue
    w.item(QStringLiteral("reviewList"));
    auto* list = w.item(QStringLiteral("reviewList"));
    REQUIRE(list->property("count").toInt() == 1);
    w.tap(QStringLiteral("reviewNoteRow"));
    CHECK(w.item(QStringLiteral("notePerson"))->property("text").toString().contains(QStringLiteral("Ingrid Isaksson")));
    w.tap(QStringLiteral("signOffButton"));
    REQUIRE(w.wait_for_text(QStringLiteral("signerad och granskad")));
    sync_by_tap(w, reviewer);
  }

  {  // A second admin revokes the worker's tablet.
    UiFixture admin(false);
    Walk w;
    first_run_and_enrol(w, admin, approver, join_address, QStringLiteral("admin"));
    w.go(QStringLiteral("Surfplattor"));
    // The screen fetches the list as it opens (an admin with no casework
    // starts on it, too); "Uppdatera" is enabled once that answer is in.
    REQUIRE(QTest::qWaitFor([&] { return !admin.context().admin().busy(); }, kWaitMs));
    w.tap_text(QStringLiteral("Uppdatera"));
    // The list is remade when the answer comes: tap a row only once it has.
    REQUIRE(QTest::qWaitFor([&] { return !admin.context().admin().busy(); }, kWaitMs));
    REQUIRE(w.wait_for_text(worker_device.left(8)));
    w.tap(QStringLiteral("revoke_") + worker_device.left(8));
    auto* confirm = w.item(QStringLiteral("confirmRevokeButton"));
    REQUIRE(w.wait_for_text(QStringLiteral("Surfplatta ") + worker_device.left(8)));  // the question names it
    w.tap(confirm);
    REQUIRE(w.wait_for_text(QStringLiteral("Surfplatta %1 är spärrad").arg(worker_device.left(8))));
  }
}
