#pragma once
//! Chooses the storage backend from `--storage`: empty means the embedded
//! SQLite file of the data directory, `postgresql://...` (or `postgres://`)
//! the PostgreSQL backend.

#include <filesystem>
#include <memory>
#include <string>

#include "varn/server/storage.hpp"

namespace varn::server {

//! An exclusive flock on DIR/lock, held while this object lives: SQLite is
//! for one process, so a second server on the same directory is refused.
class DataDirLock {
 public:
  //! Errc::locked, with a message saying so, when another process holds it.
  static Result<std::unique_ptr<DataDirLock>> acquire(const std::filesystem::path& dir);
  ~DataDirLock();
  DataDirLock(const DataDirLock&) = delete;
  DataDirLock& operator=(const DataDirLock&) = delete;

 private:
  explicit DataDirLock(int fd) : fd_(fd) {}
  int fd_;
};

[[nodiscard]] bool is_postgresql_uri(const std::string& storage);

//! A backend with what keeps it valid (the SQLite directory's lock).
struct OpenedStorage {
  std::unique_ptr<DataDirLock> lock;  //!< null for PostgreSQL
  std::unique_ptr<Storage> storage;
};

//! Opens the backend `storage` names (see above); with SQLite, makes the
//! database file 0600 (never through a link) before SQLite opens it, and
//! takes the data directory's lock first (`lock` false: the caller holds it
//! already or runs alone, as `init` does). PostgreSQL lends at most
//! `pg_pool` connections to requests at once; SQLite ignores it.
Result<OpenedStorage> open_storage(const std::string& storage, const std::filesystem::path& data_dir, bool lock,
                                   std::size_t pg_pool = 8);

}  // namespace varn::server
