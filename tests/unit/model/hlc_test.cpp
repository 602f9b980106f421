#include "varn/model/hlc.hpp"

#include <catch2/catch.hpp>
#include <limits>
#include <vector>

namespace varn::model {
namespace {

// A wall clock the test moves by hand.
struct ManualWall {
  std::uint64_t ms = 0;
  WallClock clock() {
    return [this] { return ms; };
  }
};

TEST_CASE("HLC packs wall time and counter so that the integer order is the stamp order", "[model][hlc]") {
  const Hlc a = Hlc::from_parts(1000, 65535);
  const Hlc b = Hlc::from_parts(1001, 0);
  CHECK(a < b);
  CHECK(a.packed < b.packed);
  CHECK(a.wall_ms() == 1000);
  CHECK(a.counter() == 65535);
}

TEST_CASE("HLC now() strictly increases while the wall clock jumps back and forth", "[model][hlc]") {
  ManualWall wall;
  HybridClock clock(wall.clock());
  const std::vector<std::uint64_t> walls = {1000, 1000, 999, 500, 1001, 1001, 2000, 1500, 0, 2000, 2001};
  Hlc previous = clock.last();
  for (std::uint64_t w : walls) {
    wall.ms = w;
    const Hlc stamp = clock.now();
    CAPTURE(w, stamp.wall_ms(), stamp.counter());
    CHECK(stamp > previous);
    CHECK(stamp.wall_ms() >= w);  // never behind the wall clock
    previous = stamp;
  }
  // Back at a wall time ahead of everything issued: the counter resets.
  wall.ms = 5000;
  CHECK(clock.now() == Hlc::from_parts(5000, 0));
}

TEST_CASE("HLC counter overflow moves into the next millisecond", "[model][hlc]") {
  ManualWall wall{7000};
  HybridClock clock(wall.clock());
  Hlc previous = clock.now();
  for (int i = 0; i < 70000; ++i) {
    const Hlc stamp = clock.now();
    if (!(stamp > previous)) FAIL("stamp " << i << " did not increase");
    previous = stamp;
  }
  // 70,001 stamps with the wall stuck at 7000: 65,536 fit in 7000 ms.
  CHECK(previous.wall_ms() == 7001);
  CHECK(previous.counter() == 70000 - 65536);
}

TEST_CASE("HLC observe() of a remote stamp far ahead keeps later stamps after it", "[model][hlc]") {
  ManualWall wall{1'700'000'000'000};
  HybridClock clock(wall.clock());
  const Hlc local = clock.now();
  const Hlc remote = Hlc::from_parts(wall.ms + 30ull * 24 * 3600 * 1000, 42);  // a month ahead
  clock.observe(remote);
  CHECK(clock.last() == remote);
  const Hlc next = clock.now();
  CHECK(next > remote);
  CHECK(next > local);
  wall.ms -= 10'000;  // and our own clock steps back on top of that
  CHECK(clock.now() > next);

  SECTION("an older remote stamp changes nothing") {
    const Hlc before = clock.last();
    clock.observe(Hlc::from_parts(5, 5));
    CHECK(clock.last() == before);
  }
}

TEST_CASE("HLC ignores a remote stamp beyond any sane clock error and keeps working", "[model][hlc]") {
  ManualWall wall{1'700'000'000'000};
  HybridClock clock(wall.clock());
  const Hlc first = clock.now();
  clock.observe(Hlc{std::numeric_limits<std::uint64_t>::max()});
  clock.observe(Hlc::from_parts(wall.ms + kMaxObserveAheadMs + 1, 0));
  CHECK(clock.last() == first);
  wall.ms += 1;
  const Hlc next = clock.now();
  CHECK(next > first);
  CHECK(next.wall_ms() == wall.ms);
}

TEST_CASE("HLC resumes after a persisted last stamp", "[model][hlc]") {
  ManualWall wall{100};
  HybridClock clock(wall.clock(), Hlc::from_parts(900, 3));
  CHECK(clock.now() == Hlc::from_parts(900, 4));
}

}  // namespace
}  // namespace varn::model
