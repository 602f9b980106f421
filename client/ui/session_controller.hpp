#pragma once
//! Session: unlock with the passphrase, lock, auto-lock after idle, and the
//! quick-hide that puts a neutral screen over everything in one tap. Holds
//! the unlocked store (StoreHost) the other controllers and models read.

#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <memory>

#include "app_options.hpp"
#include "store_host.hpp"

namespace varn::ui {

class SessionController : public QObject {
  Q_OBJECT
  QML_NAMED_ELEMENT(Session)
  QML_SINGLETON
  Q_PROPERTY(bool storeExists READ storeExists NOTIFY storeExistsChanged)
  Q_PROPERTY(bool unlocked READ unlocked NOTIFY unlockedChanged)
  Q_PROPERTY(bool hidden READ hidden NOTIFY hiddenChanged)
  Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
  Q_PROPERTY(QString role READ role NOTIFY enrolmentChanged)
  Q_PROPERTY(QString enrolStatus READ enrolStatus NOTIFY enrolmentChanged)
  Q_PROPERTY(int idleLockSeconds READ idleLockSeconds WRITE setIdleLockSeconds NOTIFY idleLockSecondsChanged)

 public:
  explicit SessionController(AppOptions options, QObject* parent = nullptr);
  ~SessionController() override;

  //! The one instance the app (or a test) made; QML gets it through create().
  static SessionController* instance();
  static SessionController* create(QQmlEngine*, QJSEngine*);

  [[nodiscard]] bool storeExists() const;
  [[nodiscard]] bool unlocked() const { return host_ != nullptr; }
  [[nodiscard]] bool hidden() const { return hidden_; }
  [[nodiscard]] QString lastError() const { return last_error_; }
  [[nodiscard]] QString role() const { return role_; }
  [[nodiscard]] QString enrolStatus() const { return enrol_status_; }
  [[nodiscard]] int idleLockSeconds() const { return idle_lock_seconds_; }
  void setIdleLockSeconds(int seconds);

  //! The unlocked store, or nullptr while locked.
  [[nodiscard]] std::shared_ptr<StoreHost> host() const { return host_; }
  [[nodiscard]] const AppOptions& options() const { return options_; }

  Q_INVOKABLE bool unlock(const QString& passphrase);
  //! First run: makes the store; the two entries must match.
  Q_INVOKABLE bool createStore(const QString& passphrase, const QString& repeat);
  Q_INVOKABLE void lock();
  //! One tap: neutral screen at once, and the store locked behind it.
  Q_INVOKABLE void quickHide();
  //! Leaves the neutral screen for the lock screen.
  Q_INVOKABLE void leaveHidden();
  //! Which parts of the app this device's role uses: "field" (worker),
  //! "review" (reviewer), "admin". Before enrolment every part is open: the
  //! store is local and the server enforces roles on what syncs.
  Q_INVOKABLE bool mayUse(const QString& area) const;
  //! Re-reads role and enrolment state (after enrolment or a sync).
  Q_INVOKABLE void refreshEnrolment();

  //! The store was wiped (this device was revoked): back to first run, with `message`.
  void storeWiped(const QString& message);

  //! Tells every model and screen that records changed (local write or sync).
  void notifyRecordsChanged() { emit recordsChanged(); }

 signals:
  void storeExistsChanged();
  void unlockedChanged();
  void hiddenChanged();
  void lastErrorChanged();
  void enrolmentChanged();
  void idleLockSecondsChanged();
  //! Emitted just before the store closes: screens save what is typed.
  void locking();
  void recordsChanged();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void opened(std::shared_ptr<StoreHost> host);
  void setError(const QString& message);

  AppOptions options_;
  std::shared_ptr<StoreHost> host_;
  bool hidden_ = false;
  QString last_error_;
  QString role_;
  QString enrol_status_;
  int idle_lock_seconds_;
  QTimer idle_timer_;
};

}  // namespace varn::ui
