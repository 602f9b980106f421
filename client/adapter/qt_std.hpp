#pragma once
//! The one place where Qt and std types meet: every QString <-> std::string
//! and QByteArray <-> Bytes conversion in client/ goes through here.

#include <QByteArray>
#include <QString>
#include <string>

#include "varn/util/bytes.hpp"

namespace varn::qt {

[[nodiscard]] QString to_qstring(std::string_view s);
[[nodiscard]] std::string to_std(const QString& s);
[[nodiscard]] QByteArray to_qbytes(ByteView b);
[[nodiscard]] Bytes to_bytes(const QByteArray& b);

}  // namespace varn::qt
