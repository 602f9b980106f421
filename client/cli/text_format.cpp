#include "text_format.hpp"

#include <ctime>

namespace varn::cli {

std::string iso_time_unix(std::int64_t seconds) {
  if (seconds <= 0) return "-";
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  if (gmtime_r(&t, &utc) == nullptr) return "-";
  char buf[32];
  const std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return std::string(buf, n);
}

std::string iso_time_ms(std::uint64_t milliseconds) {
  return iso_time_unix(static_cast<std::int64_t>(milliseconds / 1000));
}

std::string first_line(std::string_view text, std::size_t max_chars) {
  text = text.substr(0, text.find('\n'));
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Count code points: continuation bytes are 10xxxxxx.
    if ((static_cast<unsigned char>(text[i]) & 0xC0u) == 0x80u) continue;
    if (chars == max_chars) return std::string(text.substr(0, i)) + "\u2026";
    ++chars;
  }
  return std::string(text);
}

std::string short_id(std::string_view hex, std::size_t n) { return std::string(hex.substr(0, n)); }

}  // namespace varn::cli
