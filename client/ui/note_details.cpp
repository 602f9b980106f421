#include "note_details.hpp"

#include "varn/device/case_directory.hpp"
#include "ids.hpp"
#include "note_rows.hpp"
#include "session_controller.hpp"

namespace varn::ui {

NoteDetails::NoteDetails(QObject* parent) : QObject(parent) {
  if (auto* session = SessionController::instance()) {
    connect(session, &SessionController::recordsChanged, this, &NoteDetails::reload);
    connect(session, &SessionController::unlockedChanged, this, &NoteDetails::reload);
  }
}

void NoteDetails::setNoteId(const QString& id) {
  if (id == note_id_) return;
  note_id_ = id;
  emit noteIdChanged();
  reload();
}

void NoteDetails::reload() {
  row_.clear();
  auto* session = SessionController::instance();
  auto host = session ? session->host() : nullptr;
  auto id = parse_id(note_id_);
  if (host && id) {
    auto n = host->with_records([&](store::Records& r) { return r.note(*id); });  // logged as read_note
    auto names = host->with_both(device::person_names_by_case);
    auto staff = host->with_records([](store::Records& r) { return Result<device::StaffDirectory>(staff_directory(r)); });
    if (n && names && staff) {
      auto name = names->find(to_hex(n->case_id));
      row_ = note_row(*n, host->device(), name != names->end() ? name->second : std::string(), *staff);
    }
  }
  emit changed();
}

}  // namespace varn::ui
