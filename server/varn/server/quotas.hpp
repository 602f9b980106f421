#pragma once
//! What one valid device, or one unit, may take of what all share: request
//! and byte rates (token buckets) and long-polls held open. Kept in memory
//! per process; stored bytes are counted by the storage, inside the writing
//! transaction, and the disk reserve by DiskReserve.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "varn/server/config.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::server {

class Quotas {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  explicit Quotas(const Limits& limits, Clock clock = {});

  //! Takes one request and `body_bytes` from the device's buckets. nullopt
  //! when admitted; otherwise how long until it would be (nothing is taken).
  std::optional<std::chrono::seconds> admit(const wire::DeviceId& device, std::uint64_t body_bytes);
  //! Takes a push's bytes from its unit's bucket, shared by all its devices.
  std::optional<std::chrono::seconds> admit_unit(const wire::UnitId& unit, std::uint64_t push_bytes);

  //! A long-poll slot for the device in the unit, held while the pointer
  //! lives; null when the device or the unit already holds its share.
  [[nodiscard]] std::shared_ptr<void> open_poll(const wire::DeviceId& device, const wire::UnitId& unit);
  [[nodiscard]] std::size_t open_polls();

 private:
  struct Bucket {
    double requests = 0;
    double bytes = 0;
    std::chrono::steady_clock::time_point updated;
  };
  void refill(Bucket& bucket, std::chrono::steady_clock::time_point now) const;
  void release_poll(const wire::DeviceId& device, const wire::UnitId& unit);

  Limits limits_;
  Clock clock_;
  std::mutex mutex_;
  std::map<wire::DeviceId, Bucket> buckets_;
  std::map<wire::UnitId, Bucket> unit_buckets_;  // bytes only
  std::map<wire::DeviceId, std::size_t> polls_by_device_;
  std::map<wire::UnitId, std::size_t> polls_by_unit_;
};

}  // namespace varn::server
