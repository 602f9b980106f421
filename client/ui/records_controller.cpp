#include "records_controller.hpp"

#include <QDir>

#include "varn/device/case_directory.hpp"
#include "error_text.hpp"
#include "ids.hpp"
#include "instrument_form_model.hpp"
#include "labels.hpp"
#include "note_rows.hpp"
#include "session_controller.hpp"
#include "varn/model/authority.hpp"
#include "varn/model/case_vault.hpp"
#include "varn/model/caseload.hpp"
#include "varn/sync/registry_keeper.hpp"
#include "varn/model/domain.hpp"
#include "varn/model/risk_gate.hpp"

namespace varn::ui {
namespace {

RecordsController* g_instance = nullptr;
namespace domain = model::domain;

// "2025-01-31 10:00" as typed becomes ISO 8601 "2025-01-31T10:00"; anything
// else is passed on for the store to judge.
QString iso_time(const QString& typed) {
  QString text = typed.trimmed();
  if (text.size() > 10 && text[10] == QLatin1Char(' ')) text[10] = QLatin1Char('T');
  return text;
}

Error bad_id(const char* what) { return make_error(Errc::invalid_argument, std::string(what) + ": not a valid id"); }

}  // namespace

RecordsController::RecordsController(SessionController& session, QObject* parent)
    : QObject(parent), session_(session) {
  g_instance = this;
}

RecordsController::~RecordsController() {
  if (g_instance == this) g_instance = nullptr;
}

RecordsController* RecordsController::instance() { return g_instance; }

RecordsController* RecordsController::create(QQmlEngine*, QJSEngine*) {
  Q_ASSERT(g_instance);
  QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
  return g_instance;
}

QStringList RecordsController::visitKinds() const { return tokens(domain::visit_kinds()); }
QStringList RecordsController::partnerPresentValues() const { return tokens(domain::partner_present_values()); }
QStringList RecordsController::casePhases() const { return tokens(domain::case_phases()); }
QStringList RecordsController::protectionLevels() const { return tokens(domain::protection_levels()); }
QStringList RecordsController::addendumKinds() const { return tokens(domain::addendum_kinds()); }
QStringList RecordsController::caseFlags() const { return tokens(domain::case_flags()); }

QStringList RecordsController::violenceQuestions() const {
  // A conversation guide, not a scored instrument: the answers become a draft note.
  return {tr("Har någon i din närhet slagit, knuffat eller hållit fast dig?"),
          tr("Har du blivit hotad, eller har någon hotat dina barn?"),
          tr("Kontrollerar någon din telefon, dina pengar eller vem du träffar?"),
          tr("Är du rädd för att gå hem i dag?")};
}

QStringList RecordsController::instrumentFiles() const {
  const QString dir = session_.options().instruments_dir;
  if (dir.isEmpty()) return {};
  QStringList out;
  const auto files = QDir(dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
  for (const auto& f : files) out.push_back(f.absoluteFilePath());
  return out;
}

QString RecordsController::label(const QString& token) const { return label_for(token); }

bool RecordsController::violenceQuestionsAllowed(const QString& partnerPresent) const {
  return partnerPresent == QLatin1String("no");
}

bool RecordsController::isProtected(const QString& protection) const {
  return !protection.isEmpty() && protection != QLatin1String("none");
}

void RecordsController::setError(const QString& message, const QString& detail) {
  if (last_error_ == message && last_error_detail_ == detail) return;
  last_error_ = message;
  last_error_detail_ = detail;
  emit lastErrorChanged();
}

bool RecordsController::fail(const Error& error) {
  setError(user_message(error), error_detail(error));
  return false;
}

template <class T, class F>
Result<T> RecordsController::write(F&& f) {
  auto host = session_.host();
  if (!host) return make_error(Errc::locked, "the store is locked");
  Result<T> result = host->with_records(std::forward<F>(f));
  if (result) {
    setError({});
    session_.notifyRecordsChanged();
  } else {
    fail(result.error());
  }
  return result;
}

QString RecordsController::addPerson(const QString& name, const QString& identityNumber, const QString& protection,
                                     const QString& address) {
  store::PersonInput input{qt::to_std(name.trimmed()), qt::to_std(identityNumber.trimmed()), qt::to_std(protection),
                           qt::to_std(address.trimmed())};
  auto id = write<model::EntityId>([&](store::Records& r) { return r.add_person(input); });
  return id ? id_text(*id) : QString();
}

QString RecordsController::openCase(const QString& personId) {
  auto person = parse_id(personId);
  if (!person) {
    fail(bad_id("person"));
    return {};
  }
  auto id = write<model::EntityId>([&](store::Records& r) { return r.open_case(*person); });
  if (!id) return {};
  return id_text(*id);
}

QString RecordsController::caseOfPerson(const QString& personId) const {
  auto host = session_.host();
  if (!host) return {};
  return host->with_store([&](store::LocalStore& s) {
    auto cases = device::list_cases(s);
    return cases ? qt::to_qstring(device::case_of_person(*cases, qt::to_std(personId))) : QString();
  });
}

QString RecordsController::ensureCase(const QString& personId) {
  const QString known = caseOfPerson(personId);
  return known.isEmpty() ? openCase(personId) : known;
}

bool RecordsController::setCasePhase(const QString& caseId, const QString& phase) {
  auto id = parse_id(caseId);
  if (!id) return fail(bad_id("case"));
  return write<void>([&](store::Records& r) { return r.set_case_phase(*id, qt::to_std(phase)); }).ok();
}

namespace {

std::optional<registry::Role> role_of(const SessionController& session) {
  auto role = registry::role_from_string(qt::to_std(session.role()));
  return role ? std::optional(*role) : std::nullopt;
}

}  // namespace

bool RecordsController::maySetProtection(const QString& level) const {
  return model::may_set_protection(role_of(session_), qt::to_std(level));
}

bool RecordsController::setProtection(const QString& personId, const QString& level) {
  auto id = parse_id(personId);
  if (!id) return fail(bad_id("person"));
  if (!maySetProtection(level)) {
    return fail(make_error(Errc::forbidden, "only a reviewer or an admin removes a person's protection"));
  }
  const auto change_class = model::protection_class(role_of(session_));
  return write<void>([&](store::Records& r) { return r.set_protection(*id, qt::to_std(level), change_class); }).ok();
}

bool RecordsController::mayAssignCase() const { return model::may_assign_case(role_of(session_)); }

QVariantList RecordsController::staffChoices() const {
  QVariantList out;
  auto host = session_.host();
  if (!host) return out;
  const auto staff = host->with_records([](store::Records& r) { return Result<device::StaffDirectory>(staff_directory(r)); });
  if (!staff) return out;
  for (const auto& s : staff->all()) {
    out.push_back(QVariantMap{{QStringLiteral("staffId"), id_text(s.id)},
                              {QStringLiteral("label"), qt::to_qstring(staff->staff_label(to_hex(s.id)))}});
  }
  return out;
}

namespace {

std::optional<std::vector<model::EntityId>> parse_ids(const QStringList& ids) {
  std::vector<model::EntityId> out;
  for (const auto& s : ids) {
    auto id = parse_id(s);
    if (!id) return std::nullopt;
    out.push_back(*id);
  }
  return out;
}

}  // namespace

bool RecordsController::setCaseResponsible(const QString& caseId, const QStringList& staffIds) {
  auto id = parse_id(caseId);
  if (!id) return fail(bad_id("case"));
  const auto staff = parse_ids(staffIds);
  if (!staff) return fail(bad_id("staff"));
  if (!mayAssignCase()) {
    return fail(make_error(Errc::forbidden, "only a reviewer or an admin changes who is responsible for a case"));
  }
  const auto change_class = model::assignment_class(role_of(session_));
  return write<void>([&](store::Records& r) { return r.set_case_responsible(*id, *staff, change_class); }).ok();
}

bool RecordsController::mayRestrictCase() const { return model::may_restrict_case(role_of(session_)); }

bool RecordsController::restrictCase(const QString& caseId, const QStringList& staffIds) {
  auto id = parse_id(caseId);
  if (!id) return fail(bad_id("case"));
  const auto staff = parse_ids(staffIds);
  if (!staff) return fail(bad_id("staff"));
  auto host = session_.host();
  if (!host) return fail(make_error(Errc::locked, "the store is locked"));
  auto state = host->with_store([](store::LocalStore& s) { return sync::RegistryKeeper(s).cached_state(); });
  if (!state) return fail(state.error());
  const auto change_class = model::protection_class(role_of(session_));
  return write<void>([&](store::Records& r) { return r.restrict_case(*id, *staff, *state, change_class); }).ok();
}

bool RecordsController::setCaseFlags(const QString& caseId, const QStringList& flags) {
  auto id = parse_id(caseId);
  if (!id) return fail(bad_id("case"));
  std::vector<std::string> values;
  for (const auto& f : flags) values.push_back(qt::to_std(f));
  return write<void>([&](store::Records& r) { return r.set_case_flags(*id, values); }).ok();
}

QString RecordsController::recordVisit(const QVariantMap& visit) {
  auto case_id = parse_id(visit.value(QStringLiteral("caseId")).toString());
  if (!case_id) {
    fail(bad_id("case"));
    return {};
  }
  const QString partner = visit.value(QStringLiteral("partnerPresent")).toString();
  const QString answers = visit.value(QStringLiteral("violenceAnswers")).toString().trimmed();
  if (!answers.isEmpty() && !violenceQuestionsAllowed(partner)) {
    setError(tr("Frågor om våld ställs bara när partnern inte är närvarande."));
    return {};
  }
  store::VisitInput input;
  input.case_id = *case_id;
  input.kind = qt::to_std(visit.value(QStringLiteral("kind")).toString());
  input.partner_present = qt::to_std(partner);
  input.planned_at = qt::to_std(iso_time(visit.value(QStringLiteral("plannedAt")).toString()));
  input.place = qt::to_std(visit.value(QStringLiteral("place")).toString());
  input.two_staff = visit.value(QStringLiteral("twoStaff")).toBool();
  input.alarm_taken = visit.value(QStringLiteral("alarmTaken")).toBool();
  input.risk_override = qt::to_std(visit.value(QStringLiteral("riskOverride")).toString().trimmed());
  auto id = write<model::EntityId>([&](store::Records& r) { return r.record_visit(input); });
  if (!id) return {};
  const QString visit_id = id_text(*id);
  if (!answers.isEmpty()) addNote(visit_id, tr("Frågor om våld (partnern inte närvarande):\n%1").arg(answers));
  return visit_id;
}

QVariantMap RecordsController::visitRisk(const QString& caseId) {
  auto id = parse_id(caseId);
  auto host = id ? session_.host() : nullptr;
  if (!host) return {};
  auto risk = host->with_records([&](store::Records& r) { return r.visit_risk(*id); });
  if (!risk) return {};
  const QString level = qt::to_qstring(risk->latest_risk);
  return {{QStringLiteral("threatsToStaff"), risk->threats_to_staff},
          {QStringLiteral("latestRisk"), level},
          {QStringLiteral("latestRiskLabel"), level.isEmpty() ? QString() : label(level)},
          {QStringLiteral("flagged"), risk->flagged()}};
}

bool RecordsController::visitNeedsOverride(const QString& caseId, const QString& kind, bool twoStaff) {
  auto id = parse_id(caseId);
  auto host = id ? session_.host() : nullptr;
  if (!host) return false;
  auto risk = host->with_records([&](store::Records& r) { return r.visit_risk(*id); });
  return risk && model::lone_visit_needs_override(*risk, qt::to_std(kind), twoStaff);
}

bool RecordsController::setThreatsToStaff(const QString& caseId, bool on) {
  auto id = parse_id(caseId);
  if (!id) return fail(bad_id("case"));
  return write<void>([&](store::Records& r) -> Result<void> {
           auto flags = r.case_flags(*id);
           if (!flags) return flags.error();
           std::vector<std::string> kept;
           for (const auto& f : *flags) {
             if (f != "threats_to_staff") kept.push_back(f);
           }
           if (on) kept.emplace_back("threats_to_staff");
           return r.set_case_flags(*id, kept);
         })
      .ok();
}

bool RecordsController::placeRecorded(const QString& caseId, const QString& kind) {
  auto id = parse_id(caseId);
  auto host = id ? session_.host() : nullptr;
  if (!host) return true;
  auto kept = host->with_records([&](store::Records& r) { return r.place_recorded(*id, qt::to_std(kind)); });
  return !kept || *kept;
}

QString RecordsController::addNote(const QString& visitId, const QString& text, const QString& eventTime) {
  auto visit = parse_id(visitId);
  if (!visit) {
    fail(bad_id("visit"));
    return {};
  }
  auto id = write<model::EntityId>(
      [&](store::Records& r) { return r.add_note(*visit, qt::to_std(text), qt::to_std(eventTime)); });
  return id ? id_text(*id) : QString();
}

bool RecordsController::setNoteEventTime(const QString& noteId, const QString& eventTime) {
  auto id = parse_id(noteId);
  if (!id) return fail(bad_id("note"));
  return write<void>([&](store::Records& r) { return r.set_note_event_time(*id, qt::to_std(eventTime)); }).ok();
}

bool RecordsController::editNote(const QString& noteId, const QString& text) {
  auto id = parse_id(noteId);
  if (!id) return fail(bad_id("note"));
  return write<void>([&](store::Records& r) { return r.edit_note(*id, qt::to_std(text)); }).ok();
}

bool RecordsController::deleteDraft(const QString& noteId) {
  auto id = parse_id(noteId);
  if (!id) return fail(bad_id("note"));
  return write<void>([&](store::Records& r) { return r.delete_draft(*id); }).ok();
}

bool RecordsController::signNote(const QString& noteId) {
  auto id = parse_id(noteId);
  if (!id) return fail(bad_id("note"));
  return write<void>([&](store::Records& r) { return r.sign_note(*id); }).ok();
}

QString RecordsController::addAddendum(const QString& noteId, const QString& kind, const QString& text) {
  auto note = parse_id(noteId);
  if (!note) {
    fail(bad_id("note"));
    return {};
  }
  auto id = write<model::EntityId>(
      [&](store::Records& r) { return r.add_addendum(*note, qt::to_std(kind), qt::to_std(text)); });
  return id ? id_text(*id) : QString();
}

bool RecordsController::signOff(const QString& noteId) {
  auto id = parse_id(noteId);
  if (!id) return fail(bad_id("note"));
  return write<void>([&](store::Records& r) { return r.sign_off(*id); }).ok();
}

QString RecordsController::addTask(const QString& caseId, const QString& text, const QString& due) {
  auto case_id = parse_id(caseId);
  if (!case_id) {
    fail(bad_id("case"));
    return {};
  }
  auto id = write<model::EntityId>(
      [&](store::Records& r) { return r.add_task(*case_id, qt::to_std(text), qt::to_std(due)); });
  return id ? id_text(*id) : QString();
}

bool RecordsController::completeTask(const QString& taskId) {
  auto id = parse_id(taskId);
  if (!id) return fail(bad_id("task"));
  return write<void>([&](store::Records& r) { return r.complete_task(*id); }).ok();
}

bool RecordsController::reopenTask(const QString& taskId) {
  auto id = parse_id(taskId);
  if (!id) return fail(bad_id("task"));
  return write<void>([&](store::Records& r) { return r.reopen_task(*id); }).ok();
}

QString RecordsController::saveAssessment(const QString& caseId, InstrumentFormModel* form) {
  auto case_id = parse_id(caseId);
  if (!case_id) {
    fail(bad_id("case"));
    return {};
  }
  if (!form || !form->loaded()) {
    setError(tr("Inget formulär är laddat."));
    return {};
  }
  if (form->judgement().trimmed().isEmpty()) {
    setError(tr("Din egen professionella bedömning krävs."));
    return {};
  }
  const std::string judgement = qt::to_std(form->judgement().trimmed());
  auto id = write<model::EntityId>([&](store::Records& r) {
    return r.add_assessment(*case_id, form->instrument(), form->answers(), judgement);
  });
  return id ? id_text(*id) : QString();
}

}  // namespace varn::ui
