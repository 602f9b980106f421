#include "app_context.hpp"

#include <QQuickStyle>

#include <QQmlEngine>

#include "admin_controller.hpp"
#include "enrolment_controller.hpp"
#include "net_thread.hpp"
#include "records_controller.hpp"
#include "session_controller.hpp"
#include "sync_controller.hpp"

namespace varn::ui {

AppContext::AppContext(AppOptions options) {
  const int interval = options.sync_interval_seconds;
  session_ = std::make_unique<SessionController>(std::move(options));
  records_ = std::make_unique<RecordsController>(*session_);
  net_ = std::make_unique<NetThread>();
  sync_ = std::make_unique<SyncController>(*session_, *net_, interval);
  admin_ = std::make_unique<AdminController>(*session_, *net_);
  enrolment_ = std::make_unique<EnrolmentController>(*session_, *sync_, *net_);
}

AppContext::~AppContext() {
  net_.reset();  // joins the network thread first: no job outlives what it uses
  enrolment_.reset();
  admin_.reset();
  sync_.reset();
  records_.reset();
  session_.reset();
}

void AppContext::use_touch_style() {
  // Basic underneath draws without shader effects, so it looks the same on
  // the software renderer (and in the offscreen test screenshots) as on a GPU.
  QQuickStyle::setStyle(QStringLiteral("Varn.Style"));
}

void AppContext::prepare_engine(QQmlEngine& engine) {
  // Qt 6.4 does not search the /qt/qml resource prefix by default (6.5 does).
  engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
}

}  // namespace varn::ui
