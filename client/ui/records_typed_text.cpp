// RecordsController: text typed and not saved yet, kept in the store on
// every change (store/typed_text.hpp) and restored where it was.
#include "records_controller.hpp"
#include "session_controller.hpp"
#include "qt_std.hpp"
#include "varn/store/database.hpp"
#include "varn/store/local_store.hpp"
#include "varn/store/typed_text.hpp"

namespace varn::ui {
namespace {

const QString kNote = QStringLiteral("note/");
const QString kVisit = QStringLiteral("visit/");
const QString kAddendum = QStringLiteral("addendum/");

}  // namespace

QString RecordsController::noteSlot(const QString& noteId, const QString& visitId) const {
  return noteId.isEmpty() ? kVisit + visitId : kNote + noteId;
}

QString RecordsController::addendumSlot(const QString& noteId) const { return kAddendum + noteId; }

bool RecordsController::keepTyped(const QString& slot, const QString& text) {
  auto host = session_.host();
  if (!host) return false;
  auto kept = host->with_store([&](store::LocalStore& s) {
    return store::keep_typed_text(s.database(), qt::to_std(slot), qt::to_std(text));
  });
  return kept ? true : fail(kept.error());
}

QString RecordsController::typed(const QString& slot) const {
  auto host = session_.host();
  if (!host) return {};
  auto text = host->with_store([&](store::LocalStore& s) { return store::typed_text(s.database(), qt::to_std(slot)); });
  return text && *text ? qt::to_qstring(**text) : QString();
}

void RecordsController::forgetTyped(const QString& slot) {
  auto host = session_.host();
  if (!host) return;
  auto gone = host->with_store([&](store::LocalStore& s) { return store::forget_typed_text(s.database(), qt::to_std(slot)); });
  if (!gone) fail(gone.error());
}

QVariantMap RecordsController::lastTyped() const {
  auto host = session_.host();
  if (!host) return {};
  auto latest = host->with_store([](store::LocalStore& s) { return store::latest_typed_text(s.database()); });
  if (!latest || !*latest) return {};
  const QString slot = qt::to_qstring((*latest)->slot);
  for (const auto& prefix : {kNote, kAddendum}) {
    if (slot.startsWith(prefix)) return {{QStringLiteral("noteId"), slot.mid(prefix.size())}};
  }
  if (slot.startsWith(kVisit)) return {{QStringLiteral("visitId"), slot.mid(kVisit.size())}};
  return {};
}

}  // namespace varn::ui
