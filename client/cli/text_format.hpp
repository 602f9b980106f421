#pragma once
//! Small text helpers for human-readable output.

#include <cstdint>
#include <string>
#include <string_view>

namespace varn::cli {

//! "2024-05-01T13:45:12Z" (UTC); "-" for 0.
[[nodiscard]] std::string iso_time_unix(std::int64_t seconds);
[[nodiscard]] std::string iso_time_ms(std::uint64_t milliseconds);
//! The first line of `text`, cut to at most `max_chars` characters (UTF-8 safe) with "…".
[[nodiscard]] std::string first_line(std::string_view text, std::size_t max_chars);
//! The first `n` characters of an id, enough to tell devices apart at a glance.
[[nodiscard]] std::string short_id(std::string_view hex, std::size_t n = 8);

}  // namespace varn::cli
