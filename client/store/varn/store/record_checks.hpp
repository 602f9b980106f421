#pragma once
//! Input checks for Records: every refusal names the field, so the CLI and
//! the app can point at it. Enumerated values come from model::domain.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "varn/util/result.hpp"

namespace varn::store {

[[nodiscard]] Result<void> require_one_of(std::string_view field, std::span<const std::string_view> allowed,
                                          std::string_view value);
[[nodiscard]] Result<void> require_text(std::string_view field, std::string_view value);
//! Whether `value` holds anything but white space.
[[nodiscard]] bool has_text(std::string_view value);
//! Empty, or ISO 8601: YYYY-MM-DD, optionally THH:MM[:SS] and Z or ±HH:MM.
[[nodiscard]] Result<void> require_iso8601_or_empty(std::string_view field, std::string_view value);
[[nodiscard]] bool is_iso8601(std::string_view value);
//! "YYYY-MM-DDTHH:MM" of `unix_ms` in this device's local time.
[[nodiscard]] std::string local_minute_iso8601(std::uint64_t unix_ms);

}  // namespace varn::store
