#pragma once
//! Makes the controllers the QML singletons hand out, in dependency order,
//! and tears them down in reverse (the sync thread stops before the store
//! closes). The app and the tests each make one.

#include <QObject>
#include <memory>

#include "app_options.hpp"

class QQmlEngine;

namespace varn::ui {

class SessionController;

class AppContext {
 public:
  explicit AppContext(AppOptions options);
  ~AppContext();
  AppContext(const AppContext&) = delete;
  AppContext& operator=(const AppContext&) = delete;

  [[nodiscard]] SessionController& session() { return *session_; }
  //! Adds the import path of the static QML modules.
  static void prepare_engine(QQmlEngine& engine);

 private:
  std::unique_ptr<SessionController> session_;
};

}  // namespace varn::ui
