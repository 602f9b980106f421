#include "note_list_model.hpp"

#include <QDate>
#include <QDateTime>
#include <algorithm>
#include <set>

#include "varn/device/case_directory.hpp"
#include "ids.hpp"
#include "note_rows.hpp"
#include "store_host.hpp"

namespace varn::ui {

NoteListModel::NoteListModel(QObject* parent)
    : StoreListModel({QStringLiteral("noteId"), QStringLiteral("caseId"), QStringLiteral("visitId"), QStringLiteral("personName"),
                      QStringLiteral("body"), QStringLiteral("excerpt"), QStringLiteral("author"),
                      QStringLiteral("authorIsMe"), QStringLiteral("writtenAt"), QStringLiteral("eventTime"),
                      QStringLiteral("stale"), QStringLiteral("signed"),
                      QStringLiteral("reviewed"), QStringLiteral("addenda"), QStringLiteral("addendumCount")},
                     parent) {}

Result<QList<QVariantMap>> NoteListModel::fetch(StoreHost& host) {
  store::NoteFilter filter;
  if (author_ == QLatin1String("me")) {
    filter.author = to_hex(host.device());
  } else if (!author_.isEmpty()) {
    filter.author = qt::to_std(author_);
  }
  if (!case_id_.isEmpty()) {
    auto id = parse_id(case_id_);
    if (!id) return make_error(Errc::invalid_argument, "case: not a valid id");
    filter.case_id = *id;
  }
  if (only_unsigned_) filter.only_unsigned = true;
  if (only_unreviewed_) filter.only_unreviewed = true;
  if (only_stale_) filter.only_stale = true;
  const QDate from = QDate::fromString(from_.trimmed(), Qt::ISODate);
  const QDate to = QDate::fromString(to_.trimmed(), Qt::ISODate);
  if (from.isValid()) filter.from_ms = static_cast<std::uint64_t>(from.startOfDay().toMSecsSinceEpoch());
  if (to.isValid()) filter.to_ms = static_cast<std::uint64_t>(to.addDays(1).startOfDay().toMSecsSinceEpoch() - 1);

  auto notes = host.with_records([&](store::Records& r) { return r.notes(filter); });
  if (!notes) return notes.error();
  store::NoteFilter authors_only;
  authors_only.without_bodies = true;
  auto everyone = host.with_records([&](store::Records& r) { return r.notes(authors_only); });
  if (!everyone) return everyone.error();
  auto staff = host.with_records([](store::Records& r) { return Result<device::StaffDirectory>(staff_directory(r)); });
  if (!staff) return staff.error();
  std::set<std::string> seen;
  QVariantList authors;
  const std::string me = to_hex(host.device());
  for (const auto& n : *everyone) {
    if (!seen.insert(n.author).second) continue;
    QVariantMap choice{{QStringLiteral("author"), qt::to_qstring(n.author)},
                       {QStringLiteral("label"), n.author == me ? tr("Skrivna av mig") : author_text(n.author, host.device(), *staff)}};
    if (n.author == me) {
      authors.prepend(choice);
    } else {
      authors.append(choice);
    }
  }
  if (authors != authors_) {
    authors_ = authors;
    emit authorsChanged();
  }
  std::stable_sort(notes->begin(), notes->end(),
                   [](const store::NoteView& a, const store::NoteView& b) { return a.written_ms > b.written_ms; });
  auto names = host.with_both(device::person_names_by_case);
  if (!names) return names.error();
  QList<QVariantMap> rows;
  const std::string visit = qt::to_std(visit_id_);
  for (const auto& n : *notes) {
    if (!visit.empty() && to_hex(n.visit_id) != visit) continue;
    auto name = names->find(to_hex(n.case_id));
    rows.push_back(note_row(n, host.device(), name != names->end() ? name->second : std::string(), *staff));
  }
  return rows;
}

}  // namespace varn::ui
