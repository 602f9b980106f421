#pragma once
//! The free space the data directory's disk keeps. Below it the server
//! refuses new writes with a clear answer, so that SQLite never meets a full
//! disk halfway through a commit and reads keep working.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>

namespace varn::server {

class DiskReserve {
 public:
  //! Bytes free to the server's user on the disk, or nullopt when unknown.
  using FreeBytes = std::function<std::optional<std::uint64_t>()>;
  DiskReserve(const std::filesystem::path& data_dir, std::uint64_t min_free, FreeBytes free = {});

  //! True when a write may start: the disk keeps at least the reserve. A
  //! disk whose free space cannot be read is treated as full.
  [[nodiscard]] bool allows_writes() const;

 private:
  std::uint64_t min_free_;
  FreeBytes free_;
};

}  // namespace varn::server
