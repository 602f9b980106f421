#include "enrolment_controller.hpp"

#include <sodium.h>

#include "error_text.hpp"
#include "net_thread.hpp"
#include "qt_std.hpp"
#include "server_target.hpp"
#include "session_controller.hpp"
#include "sync_controller.hpp"
#include "varn/sync/enrolment.hpp"
#include "varn/sync/join_address.hpp"

namespace varn::ui {
namespace {

EnrolmentController* g_instance = nullptr;

}  // namespace

EnrolmentController::EnrolmentController(SessionController& session, SyncController& sync, NetThread& net,
                                         QObject* parent)
    : QObject(parent), session_(session), sync_(sync), net_(net) {
  g_instance = this;
  connect(&session_, &SessionController::unlockedChanged, this, &EnrolmentController::reload);
  connect(&session_, &SessionController::enrolmentChanged, this, &EnrolmentController::reload);
  connect(&sync_, &SyncController::changed, this, [this] {
    if (busy_ || last_error_ == sync_.lastError()) return;
    last_error_ = sync_.lastError();
    last_error_detail_ = sync_.lastErrorDetail();
    emit changed();
  });
  reload();
}

EnrolmentController::~EnrolmentController() {
  if (g_instance == this) g_instance = nullptr;
}

EnrolmentController* EnrolmentController::instance() { return g_instance; }

EnrolmentController* EnrolmentController::create(QQmlEngine*, QJSEngine*) {
  Q_ASSERT(g_instance);
  QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
  return g_instance;
}

QString EnrolmentController::status() const { return session_.enrolStatus(); }

QString EnrolmentController::qrText() const {
  // Scanned by the admin's device: the pairing secret reaches it this way, never the server.
  return code_.isEmpty() ? QString() : code_ + QLatin1Char(' ') + fingerprint_ + QLatin1Char(' ') + pairing_;
}

void EnrolmentController::reload() {
  code_.clear();
  fingerprint_.clear();
  pairing_.clear();
  safety_code_.clear();
  server_url_ = session_.options().server_url;
  if (auto host = session_.host()) {
    fingerprint_ = qt::to_qstring(host->bundle().fingerprint());
    host->with_store([this](store::LocalStore& s) {
      if (auto c = s.setting(sync::settings::kEnrolCode); c && *c) code_ = qt::to_qstring(**c);
      sync::DeviceContext context(s, s);
      sync::Enrolment enrolment(context);
      pairing_ = qt::to_qstring(enrolment.pairing());
      if (auto code = enrolment.safety_code()) safety_code_ = qt::to_qstring(*code);
      if (auto u = s.setting(sync::settings::kServerUrl); u && *u) server_url_ = qt::to_qstring(**u);
    });
  }
  emit changed();
}

void EnrolmentController::enrol(const QString& serverUrl, const QString& unitCode) {
  auto host = session_.host();
  if (!host || busy_) return;
  busy_ = true;
  last_error_.clear();
  last_error_detail_.clear();
  emit changed();
  const std::string address = qt::to_std(serverUrl.trimmed());
  const std::string unit_code = qt::to_std(unitCode.trimmed());
  net_.run<Result<sync::EnrolOutcome>>(
      this,
      [host, address, unit_code]() -> Result<sync::EnrolOutcome> {
        auto join = sync::parse_join_address(address);
        if (!join) return join.error();
        auto target = net::stored_target(host->locked(), join->server_url);
        if (!target) return target.error();
        auto http = net::make_executor(*target);
        auto context = host->context();
        auto outcome = sync::Enrolment(context).enrol(
            *http, unit_code.empty() ? std::nullopt : std::optional(unit_code), join->unit_hint);
        if (!outcome) return outcome;
        if (auto pinned = net::remember_target(host->locked(), net::pinned_on_first_use(*target, *http)); !pinned) {
          return pinned.error();
        }
        return outcome;
      },
      [this](Result<sync::EnrolOutcome>& outcome) {
        busy_ = false;
        if (!outcome) {
          last_error_ = user_message(outcome.error());
          last_error_detail_ = error_detail(outcome.error());
        }
        if (outcome && !outcome->recovery_code.empty()) {
          recovery_code_ = qt::to_qstring(outcome->recovery_code);
          sodium_memzero(outcome->recovery_code.data(), outcome->recovery_code.size());
        }
        session_.refreshEnrolment();
        reload();
        if (outcome && outcome->status == registry::DeviceStatus::active) sync_.syncNow();
      });
}

void EnrolmentController::checkApproval() { sync_.syncNow(); }

void EnrolmentController::forgetRecoveryCode() {
  // QString's storage is shared and may have been copied by QML; this
  // overwrites the copy the controller holds before letting it go.
  recovery_code_.fill(QChar(' '));
  recovery_code_.clear();
  emit changed();
}

}  // namespace varn::ui
