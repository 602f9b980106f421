#include "app_context.hpp"

#include <QQmlEngine>

#include "session_controller.hpp"

namespace varn::ui {

AppContext::AppContext(AppOptions options) : session_(std::make_unique<SessionController>(std::move(options))) {}

AppContext::~AppContext() = default;

void AppContext::prepare_engine(QQmlEngine& engine) {
  // Qt 6.4 does not search the /qt/qml resource prefix by default (6.5 does).
  engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
}

}  // namespace varn::ui
