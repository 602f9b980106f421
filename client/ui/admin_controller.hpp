#pragma once
//! Admin: the unit's devices with their last contact, approving a waiting
//! device only when the fingerprint read off its screen matches, revoking
//! (which also rotates the unit key) and rotating. Network calls run on the
//! network thread; `busy` is true meanwhile.

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>
#include <functional>
#include <optional>

#include "varn/util/result.hpp"

namespace varn::sync {
class DeviceContext;
class HttpExecutor;
}  // namespace varn::sync

namespace varn::ui {

class SessionController;
class NetThread;

class AdminController : public QObject {
  Q_OBJECT
  QML_NAMED_ELEMENT(Admin)
  QML_SINGLETON
  Q_PROPERTY(bool busy READ busy NOTIFY changed)
  Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
  //! The core's English detail of lastError, for the "Visa detaljer" fold.
  Q_PROPERTY(QString lastErrorDetail READ lastErrorDetail NOTIFY changed)
  Q_PROPERTY(QString message READ message NOTIFY changed)
  Q_PROPERTY(QStringList roles READ roles CONSTANT)
  //! Devices waiting to join the unit: code, device (short id), requestedAt.
  Q_PROPERTY(QVariantList waiting READ waiting NOTIFY devicesChanged)
  //! What a new tablet enrols with (sync/join_address.hpp); "" until fetched.
  Q_PROPERTY(QString joinAddress READ joinAddress NOTIFY devicesChanged)

 public:
  AdminController(SessionController& session, NetThread& net, QObject* parent = nullptr);
  ~AdminController() override;
  static AdminController* instance();
  static AdminController* create(QQmlEngine*, QJSEngine*);

  [[nodiscard]] bool busy() const { return busy_; }
  [[nodiscard]] QString lastError() const { return last_error_; }
  [[nodiscard]] QString lastErrorDetail() const { return last_error_detail_; }
  [[nodiscard]] QString message() const { return message_; }
  [[nodiscard]] QStringList roles() const;
  //! Rows for DeviceListModel: deviceId, role, status, lastSeen, fingerprint, isMe, wipeConfirmed,
  //! personName (the staff member an admin named for it, or "").
  [[nodiscard]] const QVariantList& devices() const { return devices_; }
  [[nodiscard]] QVariantList waiting() const { return waiting_; }
  [[nodiscard]] QString joinAddress() const { return join_address_; }

  //! The unit's devices, the ones waiting to join and the join address.
  Q_INVOKABLE void refreshDevices();
  //! `fingerprint` as read off the other device (spaces ignored); the core refuses a mismatch.
  //! `staff_name`/`staff_title`: the person the device is for, recorded
  //! with the approval and synced to every device ("" names nobody).
  Q_INVOKABLE void approve(const QString& code, const QString& fingerprint, const QString& pairing, const QString& role,
                           const QString& staff_name = {}, const QString& staff_title = {});
  //! Splits what the enrolment QR code holds ("<code> <fingerprint>") into {code, fingerprint}.
  Q_INVOKABLE QVariantMap parseEnrolmentText(const QString& text) const;
  Q_INVOKABLE void revoke(const QString& deviceId);
  //! The unit's staff by name: [{staffId, name, title, label, devices (count), worker, reviewer}].
  Q_INVOKABLE QVariantList staff() const;
  //! The casework a person holds besides administration (registry::role_uses).
  Q_INVOKABLE bool setCasework(const QString& staffId, bool worker, bool reviewer);
  //! Revokes every device of the person and leaves them none (device::offboard_staff).
  Q_INVOKABLE void offboard(const QString& staffId);
  Q_INVOKABLE void rotate();

  //! For tests: replaces the rows as a fetch would.
  void setDevices(QVariantList rows, QVariantList waiting = {}, QString join_address = {});

 signals:
  void changed();
  void devicesChanged();

 private:
  struct Listing {
    QVariantList devices, waiting;
    QString join_address;
  };
  //! A listing, or nullopt for an action (the list is fetched again after it).
  using Job = std::function<Result<std::optional<Listing>>(sync::DeviceContext&, sync::HttpExecutor&)>;
  //! Runs `job` on the network thread; `done_text` is shown when it succeeds.
  void start(Job job, QString done_text);

  SessionController& session_;
  NetThread& net_;
  bool busy_ = false;
  QString last_error_, last_error_detail_;
  QString message_;
  QVariantList devices_;
  QVariantList waiting_;
  QString join_address_;
};

}  // namespace varn::ui
