#include "varn/server/disk_reserve.hpp"

#include <system_error>

namespace varn::server {

DiskReserve::DiskReserve(const std::filesystem::path& data_dir, std::uint64_t min_free, FreeBytes free)
    : min_free_(min_free), free_(std::move(free)) {
  if (!free_) {
    free_ = [data_dir]() -> std::optional<std::uint64_t> {
      std::error_code ec;
      const auto space = std::filesystem::space(data_dir, ec);
      if (ec) return std::nullopt;
      return static_cast<std::uint64_t>(space.available);
    };
  }
}

bool DiskReserve::allows_writes() const {
  if (min_free_ == 0) return true;
  const auto free = free_();
  return free && *free >= min_free_;
}

}  // namespace varn::server
