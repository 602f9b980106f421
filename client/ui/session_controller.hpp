#pragma once
//! Session: unlock with the passphrase, lock, auto-lock after idle, and the
//! quick-hide that puts a neutral screen over everything in one tap. Holds
//! the unlocked store (StoreHost) the other controllers and models read.

#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <memory>
#include <optional>

#include "app_options.hpp"
#include "server_target.hpp"
#include "varn/sync/api_client.hpp"
#include "store_host.hpp"
#include "store_opener.hpp"
#include "varn/registry/entry.hpp"

namespace varn::ui {

class SessionController : public QObject {
  Q_OBJECT
  QML_NAMED_ELEMENT(Session)
  QML_SINGLETON
  Q_PROPERTY(bool storeExists READ storeExists NOTIFY storeExistsChanged)
  Q_PROPERTY(bool unlocked READ unlocked NOTIFY unlockedChanged)
  //! True while unlock or createStore derives the key on the worker thread.
  Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
  Q_PROPERTY(bool hidden READ hidden NOTIFY hiddenChanged)
  Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
  Q_PROPERTY(QString role READ role NOTIFY enrolmentChanged)
  Q_PROPERTY(QString enrolStatus READ enrolStatus NOTIFY enrolmentChanged)
  Q_PROPERTY(int idleLockSeconds READ idleLockSeconds WRITE setIdleLockSeconds NOTIFY idleLockSecondsChanged)
  //! Changes written here that the server has not acknowledged: counted now
  //! while unlocked, else as they were when the store locked; -1 unknown
  //! (locked since the app started). Panic delete says it before it wipes.
  Q_PROPERTY(int unsyncedCount READ unsyncedCount NOTIFY unlockedChanged)

 public:
  explicit SessionController(AppOptions options, QObject* parent = nullptr);
  ~SessionController() override;

  //! The one instance the app (or a test) made; QML gets it through create().
  static SessionController* instance();
  static SessionController* create(QQmlEngine*, QJSEngine*);

  [[nodiscard]] bool storeExists() const;
  [[nodiscard]] bool unlocked() const { return host_ != nullptr; }
  [[nodiscard]] bool busy() const { return busy_; }
  [[nodiscard]] bool hidden() const { return hidden_; }
  [[nodiscard]] QString lastError() const { return last_error_; }
  [[nodiscard]] QString role() const { return role_; }
  [[nodiscard]] QString enrolStatus() const { return enrol_status_; }
  [[nodiscard]] int idleLockSeconds() const { return idle_lock_seconds_; }
  void setIdleLockSeconds(int seconds);
  [[nodiscard]] int unsyncedCount() const;

  //! The unlocked store, or nullptr while locked.
  [[nodiscard]] std::shared_ptr<StoreHost> host() const { return host_; }
  [[nodiscard]] const AppOptions& options() const { return options_; }

  //! Starts unlocking off the GUI thread and returns at once: true when
  //! started, false (nothing started) while busy or already unlocked. The
  //! outcome comes as openFinished: unlockedChanged, or lastError says why.
  Q_INVOKABLE bool unlock(const QString& passphrase);
  //! First run: makes the store off the GUI thread, like unlock. The two
  //! entries must match; a mismatch or a short one is refused at once
  //! (false, lastError says why).
  Q_INVOKABLE bool createStore(const QString& passphrase, const QString& repeat);
  //! Also discards an unlock still deriving its key: it will not open.
  Q_INVOKABLE void lock();
  //! One tap: neutral screen at once, and the store locked behind it.
  Q_INVOKABLE void quickHide();
  //! Leaves the neutral screen for the lock screen.
  Q_INVOKABLE void leaveHidden();
  //! Which parts of the app this device's role uses (registry::device_uses):
  //! "field" (worker), "review" (reviewer), "admin"; an admin's device the
  //! field and review only in the casework its person holds. Before
  //! enrolment, waiting or revoked: none (only the enrolment).
  Q_INVOKABLE bool mayUse(const QString& area) const;
  //! Re-reads role and enrolment state (after enrolment or a sync).
  Q_INVOKABLE void refreshEnrolment();

  //! The store was wiped (this device was revoked): back to first run, with `message`.
  void storeWiped(const QString& message);

  //! Panic delete's last step: locks, erases the store files at once and
  //! hands back what tells the server (nullopt when no server was ever
  //! known). Stays on the neutral screen when hidden.
  struct WipedHere {
    bool erased = false;
    std::optional<std::pair<net::ServerTarget, sync::WipeNotice>> notice;
  };
  [[nodiscard]] WipedHere eraseForPanic();

  //! Tells every model and screen that records changed (local write or sync).
  void notifyRecordsChanged() { emit recordsChanged(); }

 signals:
  void storeExistsChanged();
  void unlockedChanged();
  void busyChanged();
  //! An unlock or createStore ended: `ok`, or lastError says why (an
  //! unlock discarded by lock() or quick-hide ends with false and no error).
  void openFinished(bool ok);
  void hiddenChanged();
  void lastErrorChanged();
  void enrolmentChanged();
  void idleLockSecondsChanged();
  void recordsChanged();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  //! Hands the passphrase to the worker; `create` selects create over open.
  void startOpen(const QString& passphrase, std::optional<store::CreateOptions> create);
  void finishOpen(quint64 attempt, bool created, StoreOpener::Opened& result);
  void opened(std::shared_ptr<StoreHost> host);
  void setError(const QString& message);
  //! Signs the wipe notice and counts what is unsynced while the keys are in memory.
  void rememberForPanic();

  AppOptions options_;
  std::shared_ptr<StoreHost> host_;
  int unsynced_at_lock_ = -1;
  std::optional<std::pair<net::ServerTarget, sync::WipeNotice>> wipe_notice_;
  bool hidden_ = false;
  bool busy_ = false;
  //! Bumped by lock(): a result for an older attempt is dropped, so a
  //! quick-hide during the key derivation cannot be undone by it.
  quint64 attempt_ = 0;
  QString last_error_;
  QString role_;
  registry::Casework casework_;  // the person's, from their staff record (an admin device's casework)
  QString enrol_status_;
  int idle_lock_seconds_;
  QTimer idle_timer_;
  StoreOpener opener_;
};

}  // namespace varn::ui
