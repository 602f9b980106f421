#pragma once
//! Records: every write a worker or reviewer makes (person, case, visit,
//! note draft/sign/addendum/sign-off, tasks, assessment). Each call is one
//! store transaction; on failure it returns ""/false and sets lastError.
//! The rules live here, not in QML: e.g. questions about violence are only
//! offered, and only accepted, when the partner is not present.

#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantMap>

#include "varn/util/result.hpp"

namespace varn::ui {

class SessionController;
class InstrumentFormModel;

class RecordsController : public QObject {
  Q_OBJECT
  QML_NAMED_ELEMENT(Records)
  QML_SINGLETON
  Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
  //! The core's English detail of lastError, for the "Visa detaljer" fold.
  Q_PROPERTY(QString lastErrorDetail READ lastErrorDetail NOTIFY lastErrorChanged)
  Q_PROPERTY(QStringList visitKinds READ visitKinds CONSTANT)
  Q_PROPERTY(QStringList partnerPresentValues READ partnerPresentValues CONSTANT)
  Q_PROPERTY(QStringList casePhases READ casePhases CONSTANT)
  Q_PROPERTY(QStringList protectionLevels READ protectionLevels CONSTANT)
  Q_PROPERTY(QStringList addendumKinds READ addendumKinds CONSTANT)
  Q_PROPERTY(QStringList caseFlags READ caseFlags CONSTANT)
  Q_PROPERTY(QStringList violenceQuestions READ violenceQuestions CONSTANT)
  Q_PROPERTY(QStringList instrumentFiles READ instrumentFiles CONSTANT)

 public:
  explicit RecordsController(SessionController& session, QObject* parent = nullptr);
  ~RecordsController() override;
  static RecordsController* instance();
  static RecordsController* create(QQmlEngine*, QJSEngine*);

  [[nodiscard]] QString lastError() const { return last_error_; }
  [[nodiscard]] QString lastErrorDetail() const { return last_error_detail_; }
  [[nodiscard]] QStringList visitKinds() const;
  [[nodiscard]] QStringList partnerPresentValues() const;
  [[nodiscard]] QStringList casePhases() const;
  [[nodiscard]] QStringList protectionLevels() const;
  [[nodiscard]] QStringList addendumKinds() const;
  [[nodiscard]] QStringList caseFlags() const;
  [[nodiscard]] QStringList violenceQuestions() const;
  [[nodiscard]] QStringList instrumentFiles() const;

  //! Forgets lastError: a new screen starts without the last one's failure.
  Q_INVOKABLE void clearError() { setError({}); }
  //! Display text of a stored token ("home" -> "Hembesök").
  Q_INVOKABLE QString label(const QString& token) const;
  //! The rule: only with the partner out of the room.
  Q_INVOKABLE bool violenceQuestionsAllowed(const QString& partnerPresent) const;
  Q_INVOKABLE bool isProtected(const QString& protection) const;

  Q_INVOKABLE QString addPerson(const QString& name, const QString& identityNumber, const QString& protection,
                                const QString& address);
  Q_INVOKABLE QString openCase(const QString& personId);
  //! The person's case, or "" when none is open yet.
  Q_INVOKABLE QString caseOfPerson(const QString& personId) const;
  //! The person's case, opening one when there is none yet.
  Q_INVOKABLE QString ensureCase(const QString& personId);
  Q_INVOKABLE bool setCasePhase(const QString& caseId, const QString& phase);
  //! Any level; "none" only from a reviewer or admin device (model::may_set_protection).
  //! Skyddad folkbokföring removes the recorded address from every device.
  Q_INVOKABLE bool setProtection(const QString& personId, const QString& level);
  //! Whether this device's role may set `level` (the same rule setProtection applies).
  Q_INVOKABLE bool maySetProtection(const QString& level) const;
  //! Whether this device may change who is responsible for a case (model::may_assign_case).
  Q_INVOKABLE bool mayAssignCase() const;
  //! The unit's staff to choose from: [{staffId, label}], by name.
  Q_INVOKABLE QVariantList staffChoices() const;
  //! Replaces who is responsible (staff ids hex; empty: nobody).
  Q_INVOKABLE bool setCaseResponsible(const QString& caseId, const QStringList& staffIds);
  //! Whether this device may restrict a case and name its staff (model::may_restrict_case).
  Q_INVOKABLE bool mayRestrictCase() const;
  //! Only the named staff (ids hex, at least one) read the case from now on;
  //! naming again replaces the list and gives the case a new key.
  Q_INVOKABLE bool restrictCase(const QString& caseId, const QStringList& staffIds);
  Q_INVOKABLE bool setCaseFlags(const QString& caseId, const QStringList& flags);
  //! Keys: caseId, kind, partnerPresent, plannedAt, place, twoStaff, alarmTaken, riskOverride,
  //! violenceAnswers (refused unless partnerPresent is "no"; saved as a draft note).
  Q_INVOKABLE QString recordVisit(const QVariantMap& visit);
  //! `eventTime`: when it happened ("YYYY-MM-DDTHH:mm"); empty takes the
  //! visit's planned time, else now (store::Records::add_note).
  //! Whether the visit form asks for a place (store::Records::place_recorded).
  Q_INVOKABLE bool placeRecorded(const QString& caseId, const QString& kind);
  //! What the risk gate sees of a case (model/risk_gate.hpp): {threatsToStaff, latestRisk, latestRiskLabel, flagged}.
  Q_INVOKABLE QVariantMap visitRisk(const QString& caseId);
  //! Whether a visit of `kind` needs a reviewer's override (the rule record_visit holds both clients to).
  Q_INVOKABLE bool visitNeedsOverride(const QString& caseId, const QString& kind, bool twoStaff);
  //! Sets or clears the case's threats-to-staff flag, keeping its other flags.
  Q_INVOKABLE bool setThreatsToStaff(const QString& caseId, bool on);
  Q_INVOKABLE QString addNote(const QString& visitId, const QString& text, const QString& eventTime = QString());
  Q_INVOKABLE bool setNoteEventTime(const QString& noteId, const QString& eventTime);
  Q_INVOKABLE bool editNote(const QString& noteId, const QString& text);
  Q_INVOKABLE bool deleteDraft(const QString& noteId);
  Q_INVOKABLE bool signNote(const QString& noteId);
  Q_INVOKABLE QString addAddendum(const QString& noteId, const QString& kind, const QString& text);
  Q_INVOKABLE bool signOff(const QString& noteId);
  Q_INVOKABLE QString addTask(const QString& caseId, const QString& text, const QString& due);
  Q_INVOKABLE bool completeTask(const QString& taskId);
  //! A task marked done by mistake goes back to the open ones.
  Q_INVOKABLE bool reopenTask(const QString& taskId);
  // Text typed and not saved yet (records_typed_text.cpp): kept in the store
  // on every change, restored where it was. Slots name what it belongs to.
  //! The note editor's slot: the note, or for a new note its visit.
  Q_INVOKABLE QString noteSlot(const QString& noteId, const QString& visitId) const;
  Q_INVOKABLE QString addendumSlot(const QString& noteId) const;
  //! False (and lastError) when it could not be kept, e.g. a full disk.
  Q_INVOKABLE bool keepTyped(const QString& slot, const QString& text);
  Q_INVOKABLE QString typed(const QString& slot) const;
  Q_INVOKABLE void forgetTyped(const QString& slot);
  //! Where the person typed last: {noteId, visitId}, or {} when nothing waits.
  Q_INVOKABLE QVariantMap lastTyped() const;
  //! Needs the form's judgement; the score is the form's, never a verdict.
  Q_INVOKABLE QString saveAssessment(const QString& caseId, InstrumentFormModel* form);

 signals:
  void lastErrorChanged();

 private:
  template <class T, class F>
  [[nodiscard]] Result<T> write(F&& f);
  void setError(const QString& message, const QString& detail = {});
  bool fail(const Error& error);

  SessionController& session_;
  QString last_error_, last_error_detail_;
};

}  // namespace varn::ui
