#include "varn/server/quotas.hpp"

#include <algorithm>
#include <cmath>

namespace varn::server {
namespace {
// Devices whose buckets are full again carry no state worth keeping; past
// this many entries they are dropped.
constexpr std::size_t kMaxBuckets = 65536;
}  // namespace

Quotas::Quotas(const Limits& limits, Clock clock) : limits_(limits), clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return std::chrono::steady_clock::now(); };
}

void Quotas::refill(Bucket& bucket, std::chrono::steady_clock::time_point now) const {
  const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
  if (elapsed <= 0) return;
  bucket.requests = std::min(static_cast<double>(limits_.device_request_burst),
                             bucket.requests + elapsed * static_cast<double>(limits_.device_requests_per_second));
  bucket.bytes = std::min(static_cast<double>(limits_.device_byte_burst),
                          bucket.bytes + elapsed * static_cast<double>(limits_.device_bytes_per_second));
  bucket.updated = now;
}

std::optional<std::chrono::seconds> Quotas::admit(const wire::DeviceId& device, std::uint64_t body_bytes) {
  const auto now = clock_();
  const std::lock_guard lock(mutex_);
  auto it = buckets_.find(device);
  if (it == buckets_.end()) {
    if (buckets_.size() >= kMaxBuckets) {
      for (auto& [id, b] : buckets_) refill(b, now);
      std::erase_if(buckets_, [this](const auto& kv) {
        return kv.second.requests >= static_cast<double>(limits_.device_request_burst) &&
               kv.second.bytes >= static_cast<double>(limits_.device_byte_burst);
      });
    }
    it = buckets_.emplace(device, Bucket{static_cast<double>(limits_.device_request_burst),
                                         static_cast<double>(limits_.device_byte_burst), now})
             .first;
  }
  Bucket& b = it->second;
  refill(b, now);
  const double bytes = static_cast<double>(body_bytes);
  // The burst is at least the largest body a route takes (varn-server
  // refuses other settings); a larger one still goes once the bucket is full.
  const bool fits = b.bytes >= std::min(bytes, static_cast<double>(limits_.device_byte_burst));
  if (b.requests >= 1.0 && fits) {
    b.requests -= 1.0;
    b.bytes = std::max(0.0, b.bytes - bytes);
    return std::nullopt;
  }
  const double wait_requests =
      b.requests >= 1.0 ? 0.0 : (1.0 - b.requests) / static_cast<double>(std::max<std::size_t>(1, limits_.device_requests_per_second));
  const double need = std::min(bytes, static_cast<double>(limits_.device_byte_burst));
  const double wait_bytes =
      fits ? 0.0 : (need - b.bytes) / static_cast<double>(std::max<std::uint64_t>(1, limits_.device_bytes_per_second));
  return std::chrono::seconds(std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(std::max(wait_requests, wait_bytes)))));
}

std::optional<std::chrono::seconds> Quotas::admit_unit(const wire::UnitId& unit, std::uint64_t push_bytes) {
  const auto now = clock_();
  const double burst = static_cast<double>(limits_.unit_byte_burst);
  const double rate = static_cast<double>(std::max<std::uint64_t>(1, limits_.unit_bytes_per_second));
  const std::lock_guard lock(mutex_);
  auto [it, fresh] = unit_buckets_.try_emplace(unit, Bucket{0, burst, now});
  Bucket& b = it->second;
  if (!fresh) {
    const double elapsed = std::chrono::duration<double>(now - b.updated).count();
    if (elapsed > 0) b.bytes = std::min(burst, b.bytes + elapsed * rate);
    b.updated = now;
  }
  // As for a device: a push larger than the whole burst goes once it is full.
  const double need = std::min(static_cast<double>(push_bytes), burst);
  if (b.bytes >= need) {
    b.bytes = std::max(0.0, b.bytes - static_cast<double>(push_bytes));
    return std::nullopt;
  }
  return std::chrono::seconds(std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil((need - b.bytes) / rate))));
}

std::shared_ptr<void> Quotas::open_poll(const wire::DeviceId& device, const wire::UnitId& unit) {
  {
    const std::lock_guard lock(mutex_);
    auto& mine = polls_by_device_[device];
    auto& ours = polls_by_unit_[unit];
    if (mine >= limits_.max_polls_per_device || ours >= limits_.max_polls_per_unit) {
      if (mine == 0) polls_by_device_.erase(device);
      if (ours == 0) polls_by_unit_.erase(unit);
      return nullptr;
    }
    ++mine;
    ++ours;
  }
  // The pointer is only a handle: its deleter gives the slot back.
  return std::shared_ptr<void>(static_cast<void*>(this), [this, device, unit](void*) { release_poll(device, unit); });
}

void Quotas::release_poll(const wire::DeviceId& device, const wire::UnitId& unit) {
  const std::lock_guard lock(mutex_);
  if (auto it = polls_by_device_.find(device); it != polls_by_device_.end() && --it->second == 0) polls_by_device_.erase(it);
  if (auto it = polls_by_unit_.find(unit); it != polls_by_unit_.end() && --it->second == 0) polls_by_unit_.erase(it);
}

std::size_t Quotas::open_polls() {
  const std::lock_guard lock(mutex_);
  std::size_t n = 0;
  for (const auto& [unit, count] : polls_by_unit_) n += count;
  return n;
}

}  // namespace varn::server
