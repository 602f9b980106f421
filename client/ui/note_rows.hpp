#pragma once
//! One note as a QML row (shared by the note list and the note details).

#include <QVariantMap>

#include "varn/device/staff_directory.hpp"
#include "varn/store/records.hpp"

namespace varn::ui {

//! Who wrote it, as a sentence continues after "Skriven av": "dig" for this
//! device, the staff member an admin named for the device ("Anna Lind,
//! socialsekreterare"), else "surfplatta 1a2b3c4d".
[[nodiscard]] QString author_text(const std::string& author_hex, const crypto::DeviceId& me,
                                  const device::StaffDirectory& staff);

//! The staff as the store holds them now.
[[nodiscard]] device::StaffDirectory staff_directory(store::Records& records);

//! `person_name`: whom the note is about ("" when its case is not known here).
[[nodiscard]] QVariantMap note_row(const store::NoteView& note, const crypto::DeviceId& me,
                                   const std::string& person_name, const device::StaffDirectory& staff);

}  // namespace varn::ui
