#pragma once
//! Entity and device ids as QML sees them: 32 lowercase hex chars. Built
//! from the adapter's conversions (qt_std.hpp) and the core's hex codec.

#include <QDateTime>
#include <QString>
#include <optional>

#include "qt_std.hpp"
#include "varn/model/operation.hpp"

namespace varn::ui {

[[nodiscard]] inline QString id_text(const model::EntityId& id) { return qt::to_qstring(to_hex(id)); }
[[nodiscard]] inline std::optional<model::EntityId> parse_id(const QString& text) {
  return array_from_hex<16>(qt::to_std(text));
}
[[nodiscard]] inline QDateTime from_ms(std::uint64_t ms) {
  return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(ms));
}

}  // namespace varn::ui
