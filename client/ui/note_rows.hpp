#pragma once
//! One note as a QML row (shared by the note list and the note details).

#include <QVariantMap>

#include "varn/store/records.hpp"

namespace varn::ui {

[[nodiscard]] QVariantMap note_row(const store::NoteView& note, const crypto::DeviceId& me);

}  // namespace varn::ui
