#pragma once
//! Makes the controllers the QML singletons hand out, in dependency order,
//! and tears them down in reverse: the network thread stops (after its
//! running job) before the controllers and the store go. The app and the
//! tests each make one.

#include <memory>

#include "app_options.hpp"

class QQmlEngine;

namespace varn::ui {

class SessionController;
class RecordsController;
class SyncController;
class NetThread;
class AdminController;
class EnrolmentController;

class AppContext {
 public:
  explicit AppContext(AppOptions options);
  ~AppContext();
  AppContext(const AppContext&) = delete;
  AppContext& operator=(const AppContext&) = delete;

  [[nodiscard]] SessionController& session() { return *session_; }
  [[nodiscard]] RecordsController& records() { return *records_; }
  [[nodiscard]] SyncController& sync() { return *sync_; }
  [[nodiscard]] AdminController& admin() { return *admin_; }
  [[nodiscard]] EnrolmentController& enrolment() { return *enrolment_; }
  //! Adds the import path of the static QML modules.
  static void prepare_engine(QQmlEngine& engine);
  //! Värn's touch-first style (qml/style: Basic with 48 px targets); before any engine is made.
  static void use_touch_style();

 private:
  std::unique_ptr<SessionController> session_;
  std::unique_ptr<RecordsController> records_;
  std::unique_ptr<NetThread> net_;
  std::unique_ptr<SyncController> sync_;
  std::unique_ptr<AdminController> admin_;
  std::unique_ptr<EnrolmentController> enrolment_;
};

}  // namespace varn::ui
