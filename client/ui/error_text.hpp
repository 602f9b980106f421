#pragma once
//! What a person reads when something fails: a translated sentence chosen
//! by the error kind (the core's messages are English and for engineers),
//! with the core's detail appended where it names the field or the id.

#include <QString>

#include "varn/util/result.hpp"

namespace varn::ui {

[[nodiscard]] QString user_message(const Error& error);

}  // namespace varn::ui
