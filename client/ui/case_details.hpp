#pragma once
//! One case as the PersonCase screen shows it. Loading it is an opening of
//! the case, so the store writes an access-log entry: it loads when caseId
//! is set and again on changes while `active` (the screen is on top); changes
//! made while it was covered (a visit recorded from it) load when it is back.

#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>

namespace varn::ui {

class CaseDetails : public QObject {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString caseId READ caseId WRITE setCaseId NOTIFY caseIdChanged)
  Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
  Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
  Q_PROPERTY(QString error READ error NOTIFY changed)
  Q_PROPERTY(QString personId READ personId NOTIFY changed)
  Q_PROPERTY(QString personName READ personName NOTIFY changed)
  Q_PROPERTY(QString protection READ protection NOTIFY changed)
  Q_PROPERTY(QString protectionLabel READ protectionLabel NOTIFY changed)
  Q_PROPERTY(bool isProtected READ isProtected NOTIFY changed)
  //! Always "" for a protected person.
  Q_PROPERTY(QString address READ address NOTIFY changed)
  Q_PROPERTY(QString phase READ phase NOTIFY changed)
  Q_PROPERTY(QString phaseLabel READ phaseLabel NOTIFY changed)
  Q_PROPERTY(QStringList flags READ flags NOTIFY changed)
  Q_PROPERTY(QStringList flagLabels READ flagLabels NOTIFY changed)
  //! Who is responsible: staff ids hex, and "Name, title" each.
  Q_PROPERTY(QStringList responsibleIds READ responsibleIds NOTIFY changed)
  Q_PROPERTY(QStringList responsible READ responsible NOTIFY changed)
  //! Skyddade personuppgifter: only the named staff read the case (model/case_vault.hpp).
  Q_PROPERTY(bool restricted READ restricted NOTIFY changed)
  //! The named staff: ids hex, and "Name, title" each.
  Q_PROPERTY(QStringList restrictedIds READ restrictedIds NOTIFY changed)
  Q_PROPERTY(QStringList restrictedTo READ restrictedTo NOTIFY changed)
  //! Maps: visitId, kind, kindLabel, partnerPresent, partnerLabel, plannedAt, place, twoStaff, alarmTaken.
  Q_PROPERTY(QVariantList visits READ visits NOTIFY changed)
  //! Saved assessments, oldest first: assessmentId, instrument, version, points, band, judgement, author, writtenAt.
  Q_PROPERTY(QVariantList assessments READ assessments NOTIFY changed)
  Q_PROPERTY(int noteCount READ noteCount NOTIFY changed)

 public:
  explicit CaseDetails(QObject* parent = nullptr);

  [[nodiscard]] QString caseId() const { return case_id_; }
  void setCaseId(const QString& id);
  [[nodiscard]] bool active() const { return active_; }
  void setActive(bool on);
  [[nodiscard]] bool loaded() const { return loaded_; }
  [[nodiscard]] QString error() const { return error_; }
  [[nodiscard]] QString personId() const { return person_id_; }
  [[nodiscard]] QString personName() const { return person_name_; }
  [[nodiscard]] QString protection() const { return protection_; }
  [[nodiscard]] QString protectionLabel() const;
  [[nodiscard]] bool isProtected() const { return protection_ != QLatin1String("none") && !protection_.isEmpty(); }
  [[nodiscard]] QString address() const { return address_; }
  [[nodiscard]] QString phase() const { return phase_; }
  [[nodiscard]] QString phaseLabel() const;
  [[nodiscard]] QStringList flags() const { return flags_; }
  [[nodiscard]] QStringList flagLabels() const;
  [[nodiscard]] QStringList responsibleIds() const { return responsible_ids_; }
  [[nodiscard]] QStringList responsible() const { return responsible_; }
  [[nodiscard]] bool restricted() const { return restricted_; }
  [[nodiscard]] QStringList restrictedIds() const { return restricted_ids_; }
  [[nodiscard]] QStringList restrictedTo() const { return restricted_to_; }
  [[nodiscard]] QVariantList visits() const { return visits_; }
  [[nodiscard]] QVariantList assessments() const { return assessments_; }
  [[nodiscard]] int noteCount() const { return note_count_; }

  Q_INVOKABLE void reload();

 signals:
  void caseIdChanged();
  void activeChanged();
  void changed();

 private:
  void clear();
  QString case_id_;
  bool active_ = true;
  bool stale_ = false;  // records changed while covered
  bool loaded_ = false;
  QString error_, person_id_, person_name_, protection_, address_, phase_;
  QStringList flags_, responsible_ids_, responsible_, restricted_ids_, restricted_to_;
  bool restricted_ = false;
  QVariantList visits_, assessments_;
  int note_count_ = 0;
};

}  // namespace varn::ui
