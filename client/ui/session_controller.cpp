#include "session_controller.hpp"

#include <QEvent>
#include <QFileInfo>
#include <QGuiApplication>

#include "error_text.hpp"
#include "qt_std.hpp"
#include "varn/device/caseload.hpp"
#include "varn/registry/entry.hpp"

namespace varn::ui {
namespace {

SessionController* g_instance = nullptr;

bool is_input(QEvent::Type type) {
  switch (type) {
    case QEvent::MouseButtonPress:
    case QEvent::KeyPress:
    case QEvent::TouchBegin:
    case QEvent::Wheel:
      return true;
    default:
      return false;
  }
}

}  // namespace

SessionController::SessionController(AppOptions options, QObject* parent)
    : QObject(parent), options_(std::move(options)), idle_lock_seconds_(options_.idle_lock_seconds) {
  g_instance = this;
  idle_timer_.setSingleShot(true);
  connect(&idle_timer_, &QTimer::timeout, this, &SessionController::lock);
  if (qApp) qApp->installEventFilter(this);
}

SessionController::~SessionController() {
  opener_.wait();  // a running unlock finishes while `this` is whole; its result is then dropped
  if (qApp) qApp->removeEventFilter(this);
  if (host_) host_->lock();
  if (g_instance == this) g_instance = nullptr;
}

SessionController* SessionController::instance() { return g_instance; }

SessionController* SessionController::create(QQmlEngine*, QJSEngine*) {
  Q_ASSERT(g_instance);
  QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
  return g_instance;
}

bool SessionController::storeExists() const { return store::LocalStore::exists(qt::to_std(options_.store_path)); }

void SessionController::setIdleLockSeconds(int seconds) {
  if (seconds == idle_lock_seconds_) return;
  idle_lock_seconds_ = seconds;
  if (host_) idle_timer_.start(idle_lock_seconds_ * 1000);
  emit idleLockSecondsChanged();
}

void SessionController::setError(const QString& message) {
  last_error_ = message;
  emit lastErrorChanged();
}

bool SessionController::unlock(const QString& passphrase) {
  if (host_ || busy_) return false;
  startOpen(passphrase, std::nullopt);
  return true;
}

bool SessionController::createStore(const QString& passphrase, const QString& repeat) {
  if (busy_) return false;
  if (passphrase != repeat) {
    setError(tr("Lösenfraserna är inte lika."));
    return false;
  }
  if (passphrase.size() < 8) {
    setError(tr("Välj en lösenfras med minst 8 tecken."));
    return false;
  }
  store::CreateOptions create_options;
  create_options.kdf = options_.kdf;
  create_options.wipe_after_failed_unlocks = options_.wipe_after_failed_unlocks;
  startOpen(passphrase, create_options);
  return true;
}

void SessionController::startOpen(const QString& passphrase, std::optional<store::CreateOptions> create) {
  const quint64 attempt = ++attempt_;
  const bool creating = create.has_value();
  busy_ = true;
  setError({});
  emit busyChanged();
  opener_.start(this, qt::to_std(options_.store_path), std::make_unique<PassphraseCopy>(passphrase), std::move(create),
                [this, attempt, creating](StoreOpener::Opened& result) { finishOpen(attempt, creating, result); });
}

void SessionController::finishOpen(quint64 attempt, bool created, StoreOpener::Opened& result) {
  busy_ = false;
  bool ok = false;
  if (attempt != attempt_) {
    // Locked or hidden meanwhile: this store must not open behind the lock.
    if (result) (*result)->lock();
    emit storeExistsChanged();  // a create still made the store
  } else if (!result) {
    setError(user_message(result.error()));
    emit storeExistsChanged();  // the failure limit may have wiped the store
  } else {
    if (created) emit storeExistsChanged();
    opened(std::move(result).value());
    ok = true;
  }
  emit busyChanged();
  emit openFinished(ok);
}

void SessionController::opened(std::shared_ptr<StoreHost> host) {
  host_ = std::move(host);
  if (!options_.server_url.isEmpty()) {
    // The command line names the server until enrolment pins one.
    auto url = qt::to_std(options_.server_url);
    host_->with_store([&](store::LocalStore& s) {
      auto known = s.setting(sync::settings::kServerUrl);
      if (known && !*known) (void)s.put_setting(sync::settings::kServerUrl, url);
    });
  }
  setError({});
  hidden_ = false;
  idle_timer_.start(idle_lock_seconds_ * 1000);
  refreshEnrolment();
  emit hiddenChanged();
  emit unlockedChanged();
  emit recordsChanged();
}

void SessionController::rememberForPanic() {
  if (!host_) return;
  auto waiting = host_->with_records([](store::Records& r) { return r.waiting_ops(); });
  unsynced_at_lock_ = waiting ? static_cast<int>(*waiting) : -1;
  auto target = net::stored_target(host_->locked());
  if (!target) return;  // never enrolled: no server to tell
  auto context = host_->context();
  auto me = context.identity();
  if (!me) return;
  wipe_notice_.emplace(*target, sync::sign_wipe_notice(**me, context.now()));
}

int SessionController::unsyncedCount() const {
  if (!host_) return unsynced_at_lock_;
  auto waiting = host_->with_records([](store::Records& r) { return r.waiting_ops(); });
  return waiting ? static_cast<int>(*waiting) : -1;
}

SessionController::WipedHere SessionController::eraseForPanic() {
  rememberForPanic();  // a fresh notice while the keys are still here
  WipedHere out;
  out.notice = wipe_notice_;
  const bool was_hidden = hidden_;
  lock();
  out.erased = store::LocalStore::wipe(qt::to_std(options_.store_path)).ok();
  wipe_notice_.reset();
  unsynced_at_lock_ = -1;
  if (was_hidden) {
    emit storeExistsChanged();  // the notepad stays; behind it there is nothing left
  } else {
    storeWiped(out.erased ? tr("Allt på surfplattan är raderat.") : tr("Det gick inte att radera allt. Försök igen."));
  }
  return out;
}

void SessionController::lock() {
  idle_timer_.stop();
  ++attempt_;
  if (!host_) return;
  rememberForPanic();
  // Other holders (a running sync) keep the object alive but get Errc::locked.
  host_->lock();
  host_.reset();
  role_.clear();
  enrol_status_.clear();
  emit enrolmentChanged();
  emit unlockedChanged();
}

void SessionController::storeWiped(const QString& message) {
  lock();
  setError(message);
  emit storeExistsChanged();
}

void SessionController::quickHide() {
  if (!hidden_) {
    hidden_ = true;
    emit hiddenChanged();
  }
  lock();
}

void SessionController::leaveHidden() {
  if (!hidden_) return;
  hidden_ = false;
  emit hiddenChanged();
}

bool SessionController::mayUse(const QString& area) const {
  // The strings only where the settings are read.
  auto status = registry::status_from_string(qt::to_std(enrol_status_));
  auto role = registry::role_from_string(qt::to_std(role_));
  if (!status || !role) return false;  // not enrolled, or no role yet: only the enrolment
  const auto uses = [&](registry::Area a) { return registry::device_uses(*status, *role, a, casework_); };
  if (area == QLatin1String("field")) return uses(registry::Area::field);
  if (area == QLatin1String("review")) return uses(registry::Area::review);
  if (area == QLatin1String("admin")) return uses(registry::Area::admin);
  return false;
}

void SessionController::refreshEnrolment() {
  QString role, status;
  if (host_) {
    host_->with_store([&](store::LocalStore& s) {
      if (auto r = s.setting(sync::settings::kRole); r && *r) role = qt::to_qstring(**r);
      if (auto st = s.setting(sync::settings::kStatus); st && *st) status = qt::to_qstring(**st);
    });
  }
  registry::Casework casework;
  if (host_) {
    auto held = host_->with_records([&](store::Records& r) { return device::casework_of_device(r, host_->device()); });
    if (held) casework = *held;
  }
  if (role == role_ && status == enrol_status_ && casework == casework_) return;
  role_ = role;
  enrol_status_ = status;
  casework_ = casework;
  emit enrolmentChanged();
}

bool SessionController::eventFilter(QObject* watched, QEvent* event) {
  // Any touch or key restarts the idle clock; a restart is a cheap timer reset.
  if (host_ && is_input(event->type())) idle_timer_.start(idle_lock_seconds_ * 1000);
  return QObject::eventFilter(watched, event);
}

}  // namespace varn::ui
