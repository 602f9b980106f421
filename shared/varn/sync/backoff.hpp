#pragma once
//! Retry delays for a worker in a car with a flaky connection: exponential
//! with full jitter, capped, so a hundred tablets coming back online at once
//! do not hammer the server in lockstep.

#include <chrono>
#include <cstdint>

namespace varn::sync {

struct BackoffPolicy {
  std::chrono::milliseconds first{200};
  std::chrono::milliseconds cap{10'000};
  int max_attempts = 6;
};

//! The delay before retry number `attempt` (1-based): uniform in
//! [0, min(cap, first * 2^(attempt-1))]. `random_fraction` in [0, 1) is injected for tests.
[[nodiscard]] std::chrono::milliseconds backoff_delay(const BackoffPolicy& policy, int attempt, double random_fraction);

}  // namespace varn::sync
