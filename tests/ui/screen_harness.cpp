#include "screen_harness.hpp"

#include <catch2/catch.hpp>

#include <QDir>
#include <QImage>
#include <QSet>
#include <QTest>
#include <tuple>

#include "app_context.hpp"

namespace varn::test {
namespace {

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

}  // namespace

// The visible item of that name (a screen pushed twice leaves a hidden one below).
QQuickItem* find_item(QQuickItem* root, const QString& name) {
  if (!root || !root->isVisible()) return nullptr;
  if (root->objectName() == name) return root;
  for (auto* child : root->childItems()) {
    if (auto* found = find_item(child, name)) return found;
  }
  return nullptr;
}


App::App(UiFixture& f) : fixture_(f) {
  g_qml_errors.clear();
  g_previous_handler = qInstallMessageHandler(record_qml_error);
  ui::AppContext::prepare_engine(engine_);
  engine_.load(QUrl(QStringLiteral("qrc:/qt/qml/Varn/Main.qml")));
  REQUIRE_FALSE(engine_.rootObjects().isEmpty());
  window_ = qobject_cast<QQuickWindow*>(engine_.rootObjects().first());
  REQUIRE(window_);
}

App::~App() { qInstallMessageHandler(g_previous_handler); }

QQuickItem* App::item(const QString& name) { return find_item(window_->contentItem(), name); }

void App::check_no_qml_errors() {
  INFO(g_qml_errors.join(QLatin1Char('\n')).toStdString());
  CHECK(g_qml_errors.isEmpty());
}

void App::settle() {
  auto* stack = item(QStringLiteral("mainStack"));
  REQUIRE(QTest::qWaitFor([&] { return !stack || !stack->property("busy").toBool(); }, 5000));
  QCoreApplication::processEvents();  // models read once the event loop comes round
  QCoreApplication::processEvents();
}

void App::go(const char* page) {
  auto* shell = item(QStringLiteral("appShell"));
  REQUIRE(shell);
  REQUIRE(QMetaObject::invokeMethod(shell, "go", Q_ARG(QVariant, QString::fromLatin1(page))));
  settle();
}

void App::open(const char* page, const QVariantMap& properties) {
  auto* shell = item(QStringLiteral("appShell"));
  REQUIRE(shell);
  REQUIRE(QMetaObject::invokeMethod(shell, "open", Q_ARG(QVariant, QString::fromLatin1(page)),
                                    Q_ARG(QVariant, properties)));
  settle();
}

void App::shoot(const QString& name, const QString& screen_object) {
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

}  // namespace varn::test
