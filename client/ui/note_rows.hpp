#pragma once
//! One note as a QML row (shared by the note list and the note details).

#include <QVariantMap>

#include "varn/store/records.hpp"

namespace varn::ui {

//! Who wrote it, as a sentence continues after "Skriven av": "dig" for this
//! device, else "surfplatta 1a2b3c4d".
[[nodiscard]] QString author_text(const std::string& author_hex, const crypto::DeviceId& me);

//! `person_name`: whom the note is about ("" when its case is not known here).
[[nodiscard]] QVariantMap note_row(const store::NoteView& note, const crypto::DeviceId& me,
                                   const std::string& person_name);

}  // namespace varn::ui
