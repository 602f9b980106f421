// Catch2 runner for the UI's C++ tests: a QGuiApplication on the offscreen
// platform (set here, so the binary starts with no display and no special
// environment, as catch_discover_tests runs it after every build).
#include "catch_run.hpp"

#include <QGuiApplication>
#include "app_context.hpp"

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);
  varn::ui::AppContext::use_touch_style();
  return varn::test::run_catch(argc, argv);
}
