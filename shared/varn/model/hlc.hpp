#pragma once
//! Hybrid logical clock: wall-clock milliseconds with a counter, so every op a
//! device writes gets a timestamp that is unique, increases, and stays close
//! to real time even when clocks disagree. Injectable time source for tests.

#include <cstdint>
#include <functional>
#include <utility>

namespace varn::model {

//! Packed as (wall_ms << 16) | counter: one integer that sorts correctly in
//! SQL and in C++ alike.
struct Hlc {
  std::uint64_t packed = 0;

  [[nodiscard]] static Hlc from_parts(std::uint64_t wall_ms, std::uint16_t counter) {
    return Hlc{(wall_ms << 16) | counter};
  }
  [[nodiscard]] std::uint64_t wall_ms() const { return packed >> 16; }
  [[nodiscard]] std::uint16_t counter() const { return static_cast<std::uint16_t>(packed & 0xffffu); }
  friend auto operator<=>(const Hlc&, const Hlc&) = default;
};

//! A remote stamp further ahead of our wall clock than this is not followed:
//! one device with a wild clock must not drag every clock towards the end of
//! the 48-bit range (where the packing would overflow). Its ops still merge.
inline constexpr std::uint64_t kMaxObserveAheadMs = 366ull * 24 * 3600 * 1000;
//! The largest wall_ms the packing holds (year 10889).
inline constexpr std::uint64_t kMaxHlcWallMs = (std::uint64_t{1} << 48) - 1;

//! Milliseconds since the Unix epoch.
using WallClock = std::function<std::uint64_t()>;
[[nodiscard]] WallClock system_wall_clock();

class HybridClock {
 public:
  explicit HybridClock(WallClock wall = system_wall_clock(), Hlc last = {}) : wall_(std::move(wall)), last_(last) {}
  //! A timestamp greater than every one this clock has issued or observed,
  //! even when the wall clock steps back; when 65,536 stamps fall in one
  //! millisecond the counter rolls into the next millisecond.
  [[nodiscard]] Hlc now();
  //! Moves past a timestamp seen on another device's op, unless it is more
  //! than kMaxObserveAheadMs ahead of our wall clock (then it is ignored).
  void observe(Hlc remote);
  [[nodiscard]] Hlc last() const { return last_; }

 private:
  WallClock wall_;
  Hlc last_;
};

}  // namespace varn::model
