#pragma once
//! Sync: runs DeviceSync::sync on the network thread every few minutes
//! and on demand, and tells the sync bar offline/syncing/synced, how many
//! changes wait, when the last sync was and any alarm. A device its own
//! verified registry revokes wipes its store and confirms the wipe; panic
//! delete wipes it at its user's request the same way.

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>

#include "sync_state.hpp"

namespace varn::ui {

class SessionController;
class NetThread;

class SyncController : public QObject {
  Q_OBJECT
  QML_NAMED_ELEMENT(Sync)
  QML_SINGLETON
  Q_PROPERTY(varn::ui::sync_state::State state READ state NOTIFY changed)
  Q_PROPERTY(QString stateText READ stateText NOTIFY changed)
  Q_PROPERTY(int waiting READ waiting NOTIFY changed)
  Q_PROPERTY(QDateTime lastSync READ lastSync NOTIFY changed)
  Q_PROPERTY(QString alarm READ alarm NOTIFY changed)
  Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
  //! The core's English detail of lastError, for the "Visa detaljer" fold.
  Q_PROPERTY(QString lastErrorDetail READ lastErrorDetail NOTIFY changed)
  Q_PROPERTY(bool canSync READ canSync NOTIFY changed)
  //! The device lease (sync/lease.hpp): whole days left while it runs,
  //! -1 when none runs; expired hides every screen with case content.
  Q_PROPERTY(int leaseDaysLeft READ leaseDaysLeft NOTIFY changed)
  Q_PROPERTY(int leaseDays READ leaseDays NOTIFY changed)
  Q_PROPERTY(bool leaseExpired READ leaseExpired NOTIFY changed)

 public:
  SyncController(SessionController& session, NetThread& net, int interval_seconds, QObject* parent = nullptr);
  ~SyncController() override;
  static SyncController* instance();
  static SyncController* create(QQmlEngine*, QJSEngine*);

  [[nodiscard]] sync_state::State state() const { return state_; }
  [[nodiscard]] QString stateText() const;
  [[nodiscard]] int waiting() const { return waiting_; }
  [[nodiscard]] QDateTime lastSync() const { return last_sync_; }
  [[nodiscard]] QString alarm() const { return alarm_; }
  [[nodiscard]] QString lastError() const { return last_error_; }
  [[nodiscard]] QString lastErrorDetail() const { return last_error_detail_; }
  //! Unlocked and enrolled (or waiting for approval) with a server known.
  [[nodiscard]] bool canSync() const;
  [[nodiscard]] int leaseDaysLeft() const { return lease_days_left_; }
  [[nodiscard]] int leaseDays() const { return lease_days_; }
  [[nodiscard]] bool leaseExpired() const { return lease_expired_; }

  Q_INVOKABLE void syncNow();
  //! Re-reads waiting count, last sync and alarm from the store.
  Q_INVOKABLE void refresh();
  //! A person has read the alarm and acted on it: clears it (the store keeps
  //! it as the last acknowledged one). A later sync raises it again if the
  //! server still misbehaves. false when there was none or the store refused.
  Q_INVOKABLE bool acknowledgeAlarm();
  //! Panic delete, after the person confirmed: when unlocked and the server
  //! is reachable, one last sync for at most panicSyncMs; then the store is
  //! erased at once and the server told (the admin sees "wiped by its
  //! user"). Ends with wiped().
  Q_INVOKABLE void panicWipe();
  //! How long panic delete waits for its last sync (tests shorten it).
  void setPanicSyncMs(int ms) { panic_deadline_.setInterval(ms); }

 signals:
  void changed();
  //! The store is gone: the admin revoked this device, or its user wiped it.
  void wiped();

 private:
  void finished(const QString& error, bool revoked);
  void finishPanic();

  SessionController& session_;
  NetThread& net_;
  QTimer timer_;
  QTimer panic_deadline_;
  bool panicking_ = false;
  bool running_ = false;
  sync_state::State state_ = sync_state::Offline;
  int waiting_ = 0;
  QDateTime last_sync_;
  QString alarm_;
  QString last_error_, last_error_detail_;
  int lease_days_left_ = -1;
  int lease_days_ = 0;
  bool lease_expired_ = false;
};

}  // namespace varn::ui
