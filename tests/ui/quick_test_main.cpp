// Qt Quick Test runner: one app context over a store in a temporary folder
// for the whole run (the QML singletons are C++-owned); each tst_*.qml file
// gets a fresh engine and starts from the state it asks Session for.
#include <QQmlContext>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQuickTest>
#include <memory>

#include "app_context.hpp"
#include "session_controller.hpp"
#include "store_host.hpp"
#include "varn/crypto/passphrase_kek.hpp"
#include "varn/sync/device_vault.hpp"

class Setup : public QObject {
  Q_OBJECT

 public slots:
  void applicationAvailable() {
    varn::ui::AppContext::use_touch_style();
    varn::ui::AppOptions options;
    options.store_path = dir_.filePath(QStringLiteral("varn.db"));
    options.instruments_dir = QStringLiteral(VARN_SOURCE_DIR "/shared/instruments");
    options.kdf = varn::crypto::KdfParams::with_new_salt(varn::crypto::kKdfMinOpsLimit, varn::crypto::kKdfMinMemLimit);
    context_ = std::make_unique<varn::ui::AppContext>(std::move(options));
  }
  void qmlEngineAvailable(QQmlEngine* engine) {
    varn::ui::AppContext::prepare_engine(*engine);
    engine->rootContext()->setContextProperty(QStringLiteral("TestHooks"), this);
  }

 public:
  //! The open store's device, as an approved device of `role` (the tests
  //! that need one have no server to enrol with).
  Q_INVOKABLE bool actAs(const QString& role) {
    auto host = context_->session().host();
    if (!host) return false;
    bool ok = false;
    host->with_store([&](varn::store::LocalStore& s) {
      ok = s.put_setting(varn::sync::settings::kStatus, "active").ok() &&
           s.put_setting(varn::sync::settings::kRole, role.toStdString()).ok();
    });
    context_->session().refreshEnrolment();
    return ok;
  }

 public slots:
  void cleanupTestCase() { context_.reset(); }

 private:
  QTemporaryDir dir_;
  std::unique_ptr<varn::ui::AppContext> context_;
};

QUICK_TEST_MAIN_WITH_SETUP(varn_ui_quick, Setup)

#include "quick_test_main.moc"
