#include "varn/sync/backoff.hpp"

#include <catch2/catch.hpp>

using namespace varn;
using std::chrono::milliseconds;

TEST_CASE("Backoff grows exponentially, is capped and jittered", "[sync][backoff]") {
  sync::BackoffPolicy p;
  CHECK(sync::backoff_delay(p, 1, 0.999) < milliseconds(200));
  CHECK(sync::backoff_delay(p, 1, 0.5) == milliseconds(100));
  CHECK(sync::backoff_delay(p, 3, 0.5) == milliseconds(400));
  CHECK(sync::backoff_delay(p, 30, 0.5) == milliseconds(5000));  // capped at 10 s
  CHECK(sync::backoff_delay(p, 4, 0.0) == milliseconds(0));
}
