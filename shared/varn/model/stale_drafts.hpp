#pragma once
//! When an unsigned draft note counts as old: one rule for the app's badge,
//! the reviewer's list and varn-cli. The number of days is a unit setting an
//! admin changes (domain::kSettingStaleDraftDays); until one is written it is
//! kDefaultStaleDraftDays.

#include <cstdint>
#include <optional>
#include <string_view>

namespace varn::model {

inline constexpr std::uint32_t kDefaultStaleDraftDays = 3;
inline constexpr std::uint32_t kMaxStaleDraftDays = 90;

//! A draft written at `written_ms` is old once `days` whole days have passed.
[[nodiscard]] bool draft_is_stale(std::uint64_t written_ms, std::uint64_t now_ms, std::uint32_t days);

//! "1".."90" as stored or typed; anything else is nullopt.
[[nodiscard]] std::optional<std::uint32_t> parse_stale_draft_days(std::string_view text);

}  // namespace varn::model
