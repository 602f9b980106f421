#include "varn/model/hlc.hpp"

#include <chrono>

namespace varn::model {

WallClock system_wall_clock() {
  return [] {
    const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count();
    return ms < 0 ? std::uint64_t{0} : static_cast<std::uint64_t>(ms);
  };
}

Hlc HybridClock::now() {
  const std::uint64_t wall = wall_();
  if (wall > last_.wall_ms() && wall <= kMaxHlcWallMs) {
    last_ = Hlc::from_parts(wall, 0);
    return last_;
  }
  // The wall clock did not move past our last stamp (same millisecond, or it
  // stepped back): count within the last stamp's millisecond instead.
  if (last_.counter() < 0xffffu) {
    last_ = Hlc::from_parts(last_.wall_ms(), static_cast<std::uint16_t>(last_.counter() + 1));
  } else if (last_.wall_ms() < kMaxHlcWallMs) {
    last_ = Hlc::from_parts(last_.wall_ms() + 1, 0);
  }
  // else: the packing is exhausted (year 10889, unreachable through observe()).
  return last_;
}

void HybridClock::observe(Hlc remote) {
  if (remote <= last_) return;
  const std::uint64_t wall = wall_();
  const std::uint64_t limit = wall > kMaxHlcWallMs - kMaxObserveAheadMs ? kMaxHlcWallMs : wall + kMaxObserveAheadMs;
  if (remote.wall_ms() > limit) return;
  last_ = remote;
}

}  // namespace varn::model
