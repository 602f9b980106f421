#include "sync_controller.hpp"

#include <ctime>

#include "error_text.hpp"
#include "net_thread.hpp"
#include "qt_std.hpp"
#include "server_target.hpp"
#include "session_controller.hpp"
#include "varn/sync/alarm.hpp"
#include "varn/sync/device_sync.hpp"
#include "varn/sync/lease.hpp"

namespace varn::ui {
namespace {

SyncController* g_instance = nullptr;

struct SyncOutcome {
  std::optional<Error> error;
  bool revoked = false;
};

// On the network thread. The store is reached only through the host's mutex.
SyncOutcome run_sync(const std::shared_ptr<StoreHost>& host) {
  auto target = net::stored_target(host->locked());
  if (!target) return {target.error()};
  auto http = net::make_executor(*target);
  auto context = host->context();
  auto report = sync::DeviceSync(context).sync(*http);
  if (report) return {};
  // Errc::revoked only once the device verified a signed revoke entry naming it.
  if (report.error().code != Errc::revoked) return {report.error()};
  auto waiting = host->with_records([](store::Records& r) { return r.waiting_ops(); });
  auto wiped = device::wipe_device(context, host->path(), waiting ? *waiting : 0, [&] { host->lock(); }, *http);
  if (!wiped) return {wiped.error(), true};
  return {report.error(), true};
}

}  // namespace

SyncController::SyncController(SessionController& session, NetThread& net, int interval_seconds, QObject* parent)
    : QObject(parent), session_(session), net_(net) {
  g_instance = this;
  panic_deadline_.setSingleShot(true);
  panic_deadline_.setInterval(5000);
  connect(&panic_deadline_, &QTimer::timeout, this, &SyncController::finishPanic);
  timer_.setInterval(std::max(5, interval_seconds) * 1000);
  connect(&timer_, &QTimer::timeout, this, &SyncController::syncNow);
  connect(&session_, &SessionController::unlockedChanged, this, [this] {
    if (session_.unlocked()) {
      timer_.start();
      refresh();
      syncNow();
    } else {
      timer_.stop();
      state_ = sync_state::Offline;
      waiting_ = 0;
      alarm_.clear();
      emit changed();
    }
  });
  connect(&session_, &SessionController::recordsChanged, this, &SyncController::refresh);
  connect(&session_, &SessionController::enrolmentChanged, this, &SyncController::changed);
}

SyncController::~SyncController() {
  if (g_instance == this) g_instance = nullptr;
}

SyncController* SyncController::instance() { return g_instance; }

SyncController* SyncController::create(QQmlEngine*, QJSEngine*) {
  Q_ASSERT(g_instance);
  QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
  return g_instance;
}

QString SyncController::stateText() const {
  switch (state_) {
    case sync_state::Syncing: return tr("Synkar…");
    // "Synced" only while nothing waits: written since the last sync is not synced.
    case sync_state::Synced: return waiting_ == 0 ? tr("Synkad") : tr("Inte skickat än");
    case sync_state::Offline: break;
  }
  if (session_.enrolStatus() == QLatin1String("pending")) return tr("Väntar på godkännande");
  if (session_.enrolStatus().isEmpty()) return tr("Inte ansluten");
  return tr("Ingen kontakt med servern");
}

bool SyncController::canSync() const {
  const QString status = session_.enrolStatus();
  return session_.unlocked() && (status == QLatin1String("active") || status == QLatin1String("pending"));
}

void SyncController::syncNow() {
  if (running_ || !canSync()) return;
  auto host = session_.host();
  running_ = true;
  state_ = sync_state::Syncing;
  emit changed();
  net_.run<SyncOutcome>(
      this, [host] { return run_sync(host); },
      [this](SyncOutcome& outcome) {
        last_error_detail_ = outcome.error ? error_detail(*outcome.error) : QString();
        finished(outcome.error ? user_message(*outcome.error) : QString(), outcome.revoked);
      });
}

void SyncController::panicWipe() {
  if (panicking_) return;
  panicking_ = true;
  auto host = session_.host();
  if (!host || !canSync()) {
    finishPanic();
    return;
  }
  // One last push of what waits, but never longer than the deadline: the
  // partner may be at the door.
  running_ = true;
  state_ = sync_state::Syncing;
  emit changed();
  panic_deadline_.start();
  net_.run<SyncOutcome>(
      this, [host] { return run_sync(host); },
      [this](SyncOutcome&) {
        running_ = false;
        finishPanic();
      });
}

void SyncController::finishPanic() {
  if (!panicking_) return;  // the deadline and the last sync both end here
  panicking_ = false;
  panic_deadline_.stop();
  auto wiped_here = session_.eraseForPanic();
  if (wiped_here.notice) {
    auto notice = *wiped_here.notice;
    // Best effort, after the wipe: the files are gone whether or not it lands.
    net_.run<bool>(
        this,
        [notice] {
          auto http = net::make_executor(notice.first);
          return sync::send_wipe_notice(*http, notice.second).ok();
        },
        [](bool&) {});
  }
  state_ = sync_state::Offline;
  waiting_ = 0;
  emit changed();
  emit wiped();
}

void SyncController::finished(const QString& error, bool revoked) {
  running_ = false;
  last_error_ = error;
  if (revoked) {
    state_ = sync_state::Offline;
    emit changed();
    emit wiped();
    session_.storeWiped(tr("Surfplattan har spärrats av administratören och allt på den har raderats."));
    return;
  }
  state_ = error.isEmpty() ? sync_state::Synced : sync_state::Offline;
  session_.refreshEnrolment();
  if (error.isEmpty()) session_.notifyRecordsChanged();  // pulled changes show at once
  refresh();
}

void SyncController::refresh() {
  auto host = session_.host();
  if (host) {
    auto waiting = host->with_records([](store::Records& r) { return r.waiting_ops(); });
    waiting_ = waiting ? static_cast<int>(*waiting) : 0;
    host->with_store([this](store::LocalStore& s) {
      auto last = s.setting(sync::settings::kLastSync);
      last_sync_ = last && *last ? QDateTime::fromSecsSinceEpoch(std::atoll((*last)->c_str())) : QDateTime();
      auto alarm = s.setting(sync::settings::kAlarm);
      alarm_ = alarm && *alarm ? qt::to_qstring(**alarm) : QString();
      auto lease = sync::device_lease(s, QDateTime::currentSecsSinceEpoch());
      const bool running = lease && lease->days > 0 && lease->last_contact;
      lease_days_ = lease ? static_cast<int>(lease->days) : 0;
      lease_days_left_ = running ? static_cast<int>(lease->days_left()) : -1;
      lease_expired_ = running && lease->expired;
    });
  }
  emit changed();
}

bool SyncController::acknowledgeAlarm() {
  auto host = session_.host();
  if (!host) return false;
  auto cleared = sync::acknowledge_alarm(host->locked(), QDateTime::currentSecsSinceEpoch());
  refresh();
  return cleared.ok();
}

}  // namespace varn::ui
