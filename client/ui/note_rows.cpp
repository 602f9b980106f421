#include "note_rows.hpp"

#include <QCoreApplication>

#include "ids.hpp"
#include "labels.hpp"

namespace varn::ui {
QString author_text(const std::string& author_hex, const crypto::DeviceId& me, const device::StaffDirectory& staff) {
  if (author_hex == to_hex(me)) return QCoreApplication::translate("Notes", "dig");
  if (const auto* s = staff.of_device(author_hex)) {
    return s->title.empty() ? qt::to_qstring(s->name) : qt::to_qstring(s->name + ", " + s->title);
  }
  return QCoreApplication::translate("Notes", "surfplatta %1").arg(qt::to_qstring(author_hex.substr(0, 8)));
}

device::StaffDirectory staff_directory(store::Records& records) {
  auto staff = records.staff();
  return staff ? device::StaffDirectory(std::move(staff).value()) : device::StaffDirectory();
}

QVariantMap note_row(const store::NoteView& note, const crypto::DeviceId& me, const std::string& person_name,
                     const device::StaffDirectory& staff) {
  QVariantList addenda;
  for (const auto& a : note.addenda) {
    const QString kind = qt::to_qstring(a.kind);
    addenda.push_back(QVariantMap{{QStringLiteral("addendumId"), id_text(a.id)},
                                  {QStringLiteral("kind"), kind},
                                  {QStringLiteral("kindLabel"), label_for(kind)},
                                  {QStringLiteral("text"), qt::to_qstring(a.text)},
                                  {QStringLiteral("author"), author_text(a.author, me, staff)},
                                  {QStringLiteral("writtenAt"), from_ms(a.written_ms)}});
  }
  const QString body = qt::to_qstring(note.body);
  return {{QStringLiteral("noteId"), id_text(note.id)},
          {QStringLiteral("caseId"), id_text(note.case_id)},
          {QStringLiteral("visitId"), id_text(note.visit_id)},
          {QStringLiteral("personName"), qt::to_qstring(person_name)},
          {QStringLiteral("body"), body},
          {QStringLiteral("excerpt"), body.left(160).replace(QLatin1Char('\n'), QLatin1Char(' '))},
          {QStringLiteral("author"), author_text(note.author, me, staff)},
          {QStringLiteral("authorIsMe"), note.author == to_hex(me)},
          {QStringLiteral("writtenAt"), from_ms(note.written_ms)},
          {QStringLiteral("eventTime"), qt::to_qstring(note.event_time)},
          {QStringLiteral("stale"), note.stale},
          {QStringLiteral("signed"), note.is_signed},
          {QStringLiteral("reviewed"), note.reviewed},
          {QStringLiteral("addenda"), addenda},
          {QStringLiteral("addendumCount"), addenda.size()}};
}

}  // namespace varn::ui
