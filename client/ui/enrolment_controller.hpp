#pragma once
//! Enrolment: joins this device to the unit's server, as the unit's first
//! admin with the unit code or as a request an admin approves. Shows the
//! request code and this device's fingerprint (also as a QR code) for the
//! admin to compare before approving. The server's certificate is pinned on
//! this first contact.

#include <QObject>
#include <QQmlEngine>

namespace varn::ui {

class SessionController;
class SyncController;
class NetThread;

class EnrolmentController : public QObject {
  Q_OBJECT
  QML_NAMED_ELEMENT(Enrolment)
  QML_SINGLETON
  Q_PROPERTY(QString status READ status NOTIFY changed)
  Q_PROPERTY(QString code READ code NOTIFY changed)
  Q_PROPERTY(QString fingerprint READ fingerprint NOTIFY changed)
  Q_PROPERTY(QString qrText READ qrText NOTIFY changed)
  Q_PROPERTY(QString pairing READ pairing NOTIFY changed)
  Q_PROPERTY(QString safetyCode READ safetyCode NOTIFY changed)
  //! The unit's recovery code, right after this device made the unit (its
  //! first admin), until the person says it is written down: shown once.
  Q_PROPERTY(QString recoveryCode READ recoveryCode NOTIFY changed)
  Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY changed)
  Q_PROPERTY(bool busy READ busy NOTIFY changed)
  Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
  //! The core's English detail of lastError, for the "Visa detaljer" fold.
  Q_PROPERTY(QString lastErrorDetail READ lastErrorDetail NOTIFY changed)

 public:
  EnrolmentController(SessionController& session, SyncController& sync, NetThread& net, QObject* parent = nullptr);
  ~EnrolmentController() override;
  static EnrolmentController* instance();
  static EnrolmentController* create(QQmlEngine*, QJSEngine*);

  //! "", "pending", "active" or "revoked".
  [[nodiscard]] QString status() const;
  [[nodiscard]] QString code() const { return code_; }
  [[nodiscard]] QString fingerprint() const { return fingerprint_; }
  //! What the QR code holds: "<code> <fingerprint>" (as varn-cli shows it).
  [[nodiscard]] QString qrText() const;
  //! The one-time secret the admin enters; shown until an approval proves it.
  [[nodiscard]] QString pairing() const { return pairing_; }
  //! The unit safety code, once enrolled: the admin's screen shows the same.
  [[nodiscard]] QString safetyCode() const { return safety_code_; }
  [[nodiscard]] QString serverUrl() const { return server_url_; }
  [[nodiscard]] QString recoveryCode() const { return recovery_code_; }
  [[nodiscard]] bool busy() const { return busy_; }
  [[nodiscard]] QString lastError() const { return last_error_; }
  [[nodiscard]] QString lastErrorDetail() const { return last_error_detail_; }

  //! `unitCode` only for the unit's first admin device; empty asks to join.
  Q_INVOKABLE void enrol(const QString& serverUrl, const QString& unitCode);
  //! The recovery code is written down: it leaves this device's memory.
  Q_INVOKABLE void forgetRecoveryCode();
  //! Asks the server whether the admin approved (a sync finishes the enrolment).
  Q_INVOKABLE void checkApproval();

 signals:
  void changed();

 private:
  void reload();

  SessionController& session_;
  SyncController& sync_;
  NetThread& net_;
  QString code_, fingerprint_, pairing_, safety_code_, server_url_, last_error_, last_error_detail_;
  QString recovery_code_;
  bool busy_ = false;
};

}  // namespace varn::ui
