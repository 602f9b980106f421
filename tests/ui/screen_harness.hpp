#pragma once
// The app in an offscreen window for the screen tests: finds items by name,
// goes to screens, and renders each in landscape and portrait (1280x800,
// 800x1280) as a PNG under <build>/ui-screens for people to look at,
// checked to be neither blank (several distinct colours) nor clipped (every
// visible item outside scrolling content lies inside the window; no text is
// elided, spills out of its own box or out of its parent), with every
// control a finger uses at least 48 px both ways. QML errors printed while
// it runs fail the test.

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QString>
#include <QVariantMap>

#include "ui_fixture.hpp"

namespace varn::test {

//! The visible item of that name (a screen pushed twice leaves a hidden one below).
[[nodiscard]] QQuickItem* find_item(QQuickItem* root, const QString& name);

class App {
 public:
  explicit App(UiFixture& f);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  [[nodiscard]] QQuickItem* item(const QString& name);
  //! Checks that QML printed no error since the app started.
  static void check_no_qml_errors();
  void settle();
  void go(const char* page);
  void open(const char* page, const QVariantMap& properties);
  //! Renders in both orientations and checks each picture.
  void shoot(const QString& name, const QString& screen_object);

 private:
  UiFixture& fixture_;
  QQmlApplicationEngine engine_;
  QQuickWindow* window_ = nullptr;
};

}  // namespace varn::test
