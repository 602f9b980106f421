#include "case_details.hpp"

#include "error_text.hpp"
#include "ids.hpp"
#include "labels.hpp"
#include "note_rows.hpp"
#include "session_controller.hpp"

namespace varn::ui {

CaseDetails::CaseDetails(QObject* parent) : QObject(parent) {
  if (auto* session = SessionController::instance()) {
    connect(session, &SessionController::recordsChanged, this, [this] {
      if (active_) {
        reload();
      } else {
        stale_ = true;  // loaded when the screen is on top again
      }
    });
    connect(session, &SessionController::unlockedChanged, this, &CaseDetails::reload);
  }
}

void CaseDetails::setCaseId(const QString& id) {
  if (id == case_id_) return;
  case_id_ = id;
  emit caseIdChanged();
  reload();
}

void CaseDetails::setActive(bool on) {
  if (on == active_) return;
  active_ = on;
  emit activeChanged();
  if (active_ && stale_) reload();
}

QString CaseDetails::protectionLabel() const { return label_for(protection_); }
QString CaseDetails::phaseLabel() const { return label_for(phase_); }

QStringList CaseDetails::flagLabels() const {
  QStringList out;
  for (const auto& f : flags_) out.push_back(label_for(f));
  return out;
}

void CaseDetails::clear() {
  loaded_ = false;
  person_id_.clear();
  person_name_.clear();
  protection_.clear();
  address_.clear();
  phase_.clear();
  flags_.clear();
  responsible_ids_.clear();
  responsible_.clear();
  restricted_ = false;
  restricted_ids_.clear();
  restricted_to_.clear();
  visits_.clear();
  assessments_.clear();
  note_count_ = 0;
}

void CaseDetails::reload() {
  stale_ = false;
  clear();
  error_.clear();
  auto* session = SessionController::instance();
  auto host = session ? session->host() : nullptr;
  auto id = parse_id(case_id_);
  if (!host || !id) {
    emit changed();
    return;
  }
  auto view = host->with_records([&](store::Records& r) { return r.open_case_view(*id); });
  if (!view) {
    // A restricted case that does not name this device's person: it shows
    // that the case exists and nothing of it.
    error_ = view.error().code == Errc::forbidden
                 ? tr("Ärendet är skyddat. Bara den personal som enhetens chef har namngett kan läsa det.")
                 : user_message(view.error());
    emit changed();
    return;
  }
  loaded_ = true;
  person_id_ = id_text(view->person.id);
  person_name_ = qt::to_qstring(view->person.name);
  protection_ = qt::to_qstring(view->person.protection);
  // Belt and braces over the store's own rule: a protected address never reaches QML.
  address_ = isProtected() || !view->person.address ? QString() : qt::to_qstring(*view->person.address);
  phase_ = qt::to_qstring(view->phase);
  for (const auto& f : view->flags) flags_.push_back(qt::to_qstring(f));
  const auto staff = host->with_records([](store::Records& r) { return Result<device::StaffDirectory>(staff_directory(r)); });
  for (const auto& s : view->responsible) {
    responsible_ids_.push_back(qt::to_qstring(s));
    responsible_.push_back(qt::to_qstring(staff ? staff->staff_label(s) : s));
  }
  if (auto restriction = host->with_records([&](store::Records& r) { return r.restriction(*id); });
      restriction && restriction->restricted) {
    restricted_ = true;
    for (const auto& s : restriction->staff) {
      restricted_ids_.push_back(qt::to_qstring(s));
      restricted_to_.push_back(qt::to_qstring(staff ? staff->staff_label(s) : s));
    }
  }
  for (const auto& v : view->visits) {
    const QString kind = qt::to_qstring(v.kind);
    const QString partner = qt::to_qstring(v.partner_present);
    visits_.push_back(QVariantMap{{QStringLiteral("visitId"), id_text(v.id)},
                                  {QStringLiteral("kind"), kind},
                                  {QStringLiteral("kindLabel"), label_for(kind)},
                                  {QStringLiteral("partnerPresent"), partner},
                                  {QStringLiteral("partnerLabel"), label_for(partner)},
                                  {QStringLiteral("plannedAt"), qt::to_qstring(v.planned_at)},
                                  {QStringLiteral("place"), isProtected() ? QString() : qt::to_qstring(v.place)},
                                  {QStringLiteral("twoStaff"), v.two_staff},
                                  {QStringLiteral("alarmTaken"), v.alarm_taken},
                                  {QStringLiteral("writtenAt"), from_ms(v.written_ms)}});
  }
  note_count_ = static_cast<int>(view->notes.size());
  // Shown on the case screen, so read (and logged) with it.
  auto assessments = host->with_records([&](store::Records& r) { return r.assessments(*id); });
  if (!assessments) error_ = user_message(assessments.error());
  for (const auto& a : assessments ? *assessments : std::vector<store::AssessmentView>{}) {
    assessments_.push_back(QVariantMap{
        {QStringLiteral("assessmentId"), id_text(a.id)},
        {QStringLiteral("instrument"), qt::to_qstring(a.instrument_title.empty() ? a.instrument_id : a.instrument_title)},
        {QStringLiteral("version"), qt::to_qstring(a.instrument_version)},
        {QStringLiteral("points"), a.points},
        {QStringLiteral("band"), qt::to_qstring(a.band)},
        {QStringLiteral("judgement"), qt::to_qstring(a.judgement)},
        {QStringLiteral("author"), staff ? author_text(a.author, host->device(), *staff) : qt::to_qstring(a.author)},
        {QStringLiteral("writtenAt"), from_ms(a.written_ms)}});
  }
  emit changed();
}

}  // namespace varn::ui
