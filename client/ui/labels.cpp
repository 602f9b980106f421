#include "labels.hpp"

#include <QCoreApplication>
#include <QHash>

#include "qt_std.hpp"

namespace varn::ui {
namespace {

struct Label {
  const char* token;
  const char* text;
};

// QT_TRANSLATE_NOOP marks them for lupdate; translate() looks them up at run time.
constexpr Label kLabels[] = {
    // visit kinds
    {"home", QT_TRANSLATE_NOOP("Labels", "Hembesök")},
    {"separate", QT_TRANSLATE_NOOP("Labels", "Separat samtal")},
    {"office", QT_TRANSLATE_NOOP("Labels", "Besök på kontoret")},
    {"phone", QT_TRANSLATE_NOOP("Labels", "Telefon")},
    {"video", QT_TRANSLATE_NOOP("Labels", "Video")},
    {"police", QT_TRANSLATE_NOOP("Labels", "Tillsammans med polis")},
    // partner present
    {"yes", QT_TRANSLATE_NOOP("Labels", "Ja")},
    {"no", QT_TRANSLATE_NOOP("Labels", "Nej")},
    {"unknown", QT_TRANSLATE_NOOP("Labels", "Vet inte")},
    // case phases
    {"intake", QT_TRANSLATE_NOOP("Labels", "Inkommet")},
    {"assessment", QT_TRANSLATE_NOOP("Labels", "Bedömning")},
    {"investigation", QT_TRANSLATE_NOOP("Labels", "Utredning")},
    {"decision", QT_TRANSLATE_NOOP("Labels", "Beslut")},
    {"intervention", QT_TRANSLATE_NOOP("Labels", "Insats")},
    {"follow_up", QT_TRANSLATE_NOOP("Labels", "Uppföljning")},
    {"closed", QT_TRANSLATE_NOOP("Labels", "Avslutat")},
    // protection levels
    {"none", QT_TRANSLATE_NOOP("Labels", "Ingen")},
    {"confidential", QT_TRANSLATE_NOOP("Labels", "Sekretessmarkering")},
    {"protected_registration", QT_TRANSLATE_NOOP("Labels", "Skyddad folkbokföring")},
    // addendum kinds
    {"correction", QT_TRANSLATE_NOOP("Labels", "Rättelse")},
    {"addition", QT_TRANSLATE_NOOP("Labels", "Komplettering")},
    {"objection", QT_TRANSLATE_NOOP("Labels", "Klientens invändning")},
    // case flags
    {"threats_to_staff", QT_TRANSLATE_NOOP("Labels", "Hot mot personal")},
    {"honour_related", QT_TRANSLATE_NOOP("Labels", "Hedersrelaterat")},
    {"digital_control", QT_TRANSLATE_NOOP("Labels", "Digital kontroll")},
    // roles
    {"worker", QT_TRANSLATE_NOOP("Labels", "Handläggare")},
    {"reviewer", QT_TRANSLATE_NOOP("Labels", "Granskare")},
    {"admin", QT_TRANSLATE_NOOP("Labels", "Administratör")},
    // device status
    {"active", QT_TRANSLATE_NOOP("Labels", "Aktiv")},
    {"revoked", QT_TRANSLATE_NOOP("Labels", "Spärrad")},
    {"pending", QT_TRANSLATE_NOOP("Labels", "Väntar på godkännande")},
    // access-log actions
    {"open_case", QT_TRANSLATE_NOOP("Labels", "Öppnade ärendet")},
    {"read_notes", QT_TRANSLATE_NOOP("Labels", "Läste anteckningar i en lista")},
    {"read_note", QT_TRANSLATE_NOOP("Labels", "Läste en anteckning")},
    {"read_assessments", QT_TRANSLATE_NOOP("Labels", "Läste ärendets bedömningar")},
    {"read_assessment", QT_TRANSLATE_NOOP("Labels", "Läste en bedömning")},
    {"read_safety_plans", QT_TRANSLATE_NOOP("Labels", "Läste säkerhetsplanen")},
    {"read_placements", QT_TRANSLATE_NOOP("Labels", "Läste placeringar")},
    {"read_children", QT_TRANSLATE_NOOP("Labels", "Läste om barnen")},
    // placement kinds
    {"sheltered_housing", QT_TRANSLATE_NOOP("Labels", "Skyddat boende")},
    {"emergency_flat", QT_TRANSLATE_NOOP("Labels", "Akutlägenhet")},
    {"emergency_foster_home", QT_TRANSLATE_NOOP("Labels", "Jourhem")},
    {"other", QT_TRANSLATE_NOOP("Labels", "Annat")},
    // the risk a worker judged in an assessment
    {"low", QT_TRANSLATE_NOOP("Labels", "Låg")},
    {"medium", QT_TRANSLATE_NOOP("Labels", "Medel")},
    {"high", QT_TRANSLATE_NOOP("Labels", "Hög")},
    // access-log anomalies (the monthly review)
    {"at_night", QT_TRANSLATE_NOOP("Labels", "Nattetid")},
    {"unknown_reader", QT_TRANSLATE_NOOP("Labels", "Surfplatta utan namngiven person")},
    {"outside_caseload", QT_TRANSLATE_NOOP("Labels", "Utanför egna ärenden")},
    {"restricted_not_named", QT_TRANSLATE_NOOP("Labels", "Skyddat ärende, inte namngiven")},
};

}  // namespace

QString label_for(const QString& token) {
  for (const auto& l : kLabels) {
    if (token == QLatin1String(l.token)) return QCoreApplication::translate("Labels", l.text);
  }
  return token;  // an unknown token from a newer device: show it as it is
}

QStringList tokens(std::span<const std::string_view> values) {
  QStringList out;
  for (auto v : values) out.push_back(qt::to_qstring(v));
  return out;
}

}  // namespace varn::ui
