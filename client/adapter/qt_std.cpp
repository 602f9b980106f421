#include "qt_std.hpp"

namespace varn::qt {

QString to_qstring(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

std::string to_std(const QString& s) {
  const QByteArray utf8 = s.toUtf8();
  return {utf8.constData(), static_cast<std::size_t>(utf8.size())};
}

QByteArray to_qbytes(ByteView b) {
  return {reinterpret_cast<const char*>(b.data()), static_cast<qsizetype>(b.size())};
}

Bytes to_bytes(const QByteArray& b) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(b.constData());
  return {p, p + b.size()};
}

}  // namespace varn::qt
