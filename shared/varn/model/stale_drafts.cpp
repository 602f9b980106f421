#include "varn/model/stale_drafts.hpp"

#include <charconv>

namespace varn::model {

bool draft_is_stale(std::uint64_t written_ms, std::uint64_t now_ms, std::uint32_t days) {
  constexpr std::uint64_t kDayMs = 24ULL * 60 * 60 * 1000;
  return now_ms >= written_ms && now_ms - written_ms >= std::uint64_t{days} * kDayMs;
}

std::optional<std::uint32_t> parse_stale_draft_days(std::string_view text) {
  std::uint32_t days = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
  if (ec != std::errc{} || end != text.data() + text.size() || days < 1 || days > kMaxStaleDraftDays) {
    return std::nullopt;
  }
  return days;
}

}  // namespace varn::model
