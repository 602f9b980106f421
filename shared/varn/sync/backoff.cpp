#include "varn/sync/backoff.hpp"

#include <algorithm>

namespace varn::sync {

std::chrono::milliseconds backoff_delay(const BackoffPolicy& policy, int attempt, double random_fraction) {
  const int shift = std::clamp(attempt - 1, 0, 20);
  const auto ceiling = std::min<std::int64_t>(policy.cap.count(), policy.first.count() << shift);
  const double fraction = std::clamp(random_fraction, 0.0, 1.0);
  return std::chrono::milliseconds(static_cast<std::int64_t>(static_cast<double>(ceiling) * fraction));
}

}  // namespace varn::sync
