#pragma once
//! What a person reads when something fails: a translated sentence chosen
//! by the error kind. The core's messages are English and for engineers:
//! they are kept apart as the detail, shown only under "Visa detaljer".

#include <QString>

#include "varn/util/result.hpp"

namespace varn::ui {

[[nodiscard]] QString user_message(const Error& error);
//! The core's own message where it names a field or an id (never content
//! or keys), else "".
[[nodiscard]] QString error_detail(const Error& error);

}  // namespace varn::ui
