#include "log_review_controller.hpp"

#include <QDate>
#include <QDateTime>
#include <map>

#include "error_text.hpp"
#include "ids.hpp"
#include "labels.hpp"
#include "note_rows.hpp"
#include "session_controller.hpp"
#include "store_host.hpp"
#include "varn/device/case_directory.hpp"
#include "varn/device/log_readers.hpp"

namespace varn::ui {
namespace {

// Names for a read's row: whose case (the person's name) and who read it.
struct ReadNames {
  std::map<std::string, QString> person_of_case;
  const device::StaffDirectory* staff = nullptr;
  crypto::DeviceId me{};

  QVariantMap row(const model::LogRead& r) const {
    const auto person = person_of_case.find(to_hex(r.case_id));
    return {{QStringLiteral("entry"), id_text(r.entry)},
            {QStringLiteral("caseId"), id_text(r.case_id)},
            {QStringLiteral("personName"), person == person_of_case.end() ? QString() : person->second},
            {QStringLiteral("reader"), r.device == to_hex(me) ? LogReviewController::tr("Du") : author_text(r.device, me, *staff)},
            {QStringLiteral("actionLabel"), label_for(qt::to_qstring(r.action))},
            {QStringLiteral("at"), QDateTime::fromSecsSinceEpoch(static_cast<qint64>(r.at_unix))}};
  }
};

}  // namespace

LogReviewController::LogReviewController(QObject* parent)
    : QObject(parent), month_(QDate::currentDate().toString(QStringLiteral("yyyy-MM"))) {
  if (auto* session = SessionController::instance()) {
    connect(session, &SessionController::recordsChanged, this, &LogReviewController::reload);
  }
  reload();
}

void LogReviewController::setMonth(const QString& month) {
  if (month == month_) return;
  month_ = month;
  reload();
}

void LogReviewController::step(int months) {
  const QDate first = QDate::fromString(month_ + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
  if (first.isValid()) setMonth(first.addMonths(months).toString(QStringLiteral("yyyy-MM")));
}

void LogReviewController::reload() {
  reads_ = 0;
  sample_.clear();
  anomalies_.clear();
  sign_offs_.clear();
  error_.clear();
  auto* session = SessionController::instance();
  auto host = session ? session->host() : nullptr;
  if (!host) {
    emit changed();
    return;
  }
  auto done = host->with_both([&](store::LocalStore& s, store::Records& r) -> Result<void> {
    auto readers = device::LogReaders::read(s, r);
    if (!readers) return readers.error();
    auto view = r.log_review(qt::to_std(month_), readers->facts());
    if (!view) return view.error();
    auto persons = r.persons();
    if (!persons) return persons.error();
    auto cases = device::list_cases(s);
    if (!cases) return cases.error();
    std::map<std::string, QString> person_names;
    for (const auto& p : *persons) person_names[to_hex(p.id)] = qt::to_qstring(p.name);
    ReadNames names{{}, &readers->staff(), host->device()};
    for (const auto& c : *cases) names.person_of_case[to_hex(c.id)] = person_names[c.person];
    reads_ = static_cast<int>(view->review.reads);
    for (const auto& read : view->review.sample) sample_.push_back(names.row(read));
    for (const auto& flagged : view->review.anomalies) {
      auto row = names.row(flagged.read);
      QStringList why;
      for (auto w : flagged.why) why << label_for(qt::to_qstring(std::string(model::to_string(w))));
      row.insert(QStringLiteral("why"), why.join(QStringLiteral(" · ")));
      anomalies_.push_back(row);
    }
    for (const auto& signed_off : view->sign_offs) {
      sign_offs_.push_back(QVariantMap{{QStringLiteral("reviewer"), author_text(signed_off.reviewer, host->device(),
                                                                                readers->staff())},
                                       {QStringLiteral("at"), from_ms(signed_off.written_ms)},
                                       {QStringLiteral("comment"), qt::to_qstring(signed_off.comment)}});
    }
    return {};
  });
  if (!done) error_ = user_message(done.error());
  emit changed();
}

bool LogReviewController::sign(const QString& comment, const QVariantMap& readComments) {
  auto* session = SessionController::instance();
  auto host = session ? session->host() : nullptr;
  if (!host) return false;
  // The server refuses a review change set from a role that may not write
  // one, and that would hold up every later push: refused here first.
  const auto role = registry::role_from_string(qt::to_std(session->role()));
  if (!role || !registry::role_may_write(*role, wire::ChangeSetClass::review)) {
    error_ = tr("Bara en granskare eller administratör signerar granskningen.");
    emit changed();
    return false;
  }
  std::map<std::string, std::string> comments;
  for (auto it = readComments.begin(); it != readComments.end(); ++it) {
    comments[qt::to_std(it.key())] = qt::to_std(it.value().toString());
  }
  auto done = host->with_both([&](store::LocalStore& s, store::Records& r) -> Result<void> {
    auto readers = device::LogReaders::read(s, r);
    if (!readers) return readers.error();
    auto id = r.sign_log_review(qt::to_std(month_), qt::to_std(comment), comments, readers->facts());
    if (!id) return id.error();
    return {};
  });
  if (!done) {
    error_ = user_message(done.error());
    emit changed();
    return false;
  }
  session->notifyRecordsChanged();
  return true;
}

}  // namespace varn::ui
