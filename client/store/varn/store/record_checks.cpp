#include "varn/store/record_checks.hpp"

#include <cctype>
#include <ctime>

namespace varn::store {
namespace {

// Reads `count` digits at `pos` as a number, or -1.
int digits(std::string_view s, std::size_t pos, std::size_t count) {
  if (pos + count > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i])) == 0) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool valid_time(std::string_view t) {  // HH:MM[:SS][Z|±HH:MM]
  if (digits(t, 0, 2) < 0 || digits(t, 0, 2) > 23 || t.size() < 5 || t[2] != ':') return false;
  if (digits(t, 3, 2) < 0 || digits(t, 3, 2) > 59) return false;
  std::size_t pos = 5;
  if (pos < t.size() && t[pos] == ':') {
    if (digits(t, pos + 1, 2) < 0 || digits(t, pos + 1, 2) > 60) return false;
    pos += 3;
  }
  if (pos == t.size()) return true;
  if (t[pos] == 'Z') return pos + 1 == t.size();
  if (t[pos] != '+' && t[pos] != '-') return false;
  const auto zone = t.substr(pos + 1);
  return zone.size() == 5 && digits(zone, 0, 2) >= 0 && digits(zone, 0, 2) <= 14 && zone[2] == ':' &&
         digits(zone, 3, 2) >= 0 && digits(zone, 3, 2) <= 59;
}

}  // namespace

bool is_iso8601(std::string_view v) {
  if (v.size() < 10 || digits(v, 0, 4) < 0 || v[4] != '-' || v[7] != '-') return false;
  const int month = digits(v, 5, 2);
  const int day = digits(v, 8, 2);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (v.size() == 10) return true;
  return (v[10] == 'T' || v[10] == ' ') && valid_time(v.substr(11));
}

std::string local_minute_iso8601(std::uint64_t unix_ms) {
  const auto seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm local{};
  if (localtime_r(&seconds, &local) == nullptr) return {};
  char text[32];
  const std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M", &local);
  return std::string(text, n);
}

Result<void> require_one_of(std::string_view field, std::span<const std::string_view> allowed, std::string_view value) {
  for (auto a : allowed) {
    if (a == value) return {};
  }
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  return make_error(Errc::invalid_argument, std::string(field) + ": must be one of " + list);
}

bool has_text(std::string_view value) {
  for (char c : value) {
    if (std::isspace(static_cast<unsigned char>(c)) == 0) return true;
  }
  return false;
}

Result<void> require_text(std::string_view field, std::string_view value) {
  if (has_text(value)) return {};
  return make_error(Errc::invalid_argument, std::string(field) + ": must not be empty");
}

Result<void> require_iso8601_or_empty(std::string_view field, std::string_view value) {
  if (value.empty() || is_iso8601(value)) return {};
  return make_error(Errc::invalid_argument, std::string(field) + ": must be an ISO 8601 date or time");
}

}  // namespace varn::store
