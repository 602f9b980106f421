#include "varn/server/storage_open.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "varn/server/pg_storage.hpp"
#include "varn/server/sqlite_storage.hpp"

namespace varn::server {

Result<std::unique_ptr<DataDirLock>> DataDirLock::acquire(const std::filesystem::path& dir) {
  const auto path = dir / "lock";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return make_error(Errc::io_error, "cannot open the data directory's lock file " + path.string());
  // flock, not fcntl locks: those are per process, so a second open of the
  // file in this process would silently drop them when closed.
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK) {
      return make_error(Errc::locked, "another varn-server is serving the data directory " + dir.string() +
                                          " (its lock file is held); SQLite storage is for one process: "
                                          "run several with --storage postgresql://...");
    }
    return make_error(Errc::io_error, "cannot lock the data directory's lock file " + path.string());
  }
  return std::unique_ptr<DataDirLock>(new DataDirLock(fd));
}

DataDirLock::~DataDirLock() { ::close(fd_); }

bool is_postgresql_uri(const std::string& storage) {
  return storage.rfind("postgresql://", 0) == 0 || storage.rfind("postgres://", 0) == 0;
}

Result<OpenedStorage> open_storage(const std::string& storage, const std::filesystem::path& data_dir, bool lock,
                                   std::size_t pg_pool) {
  OpenedStorage out;
  if (is_postgresql_uri(storage)) {
    auto pg = PgStorage::open(storage, PgStorage::kWriters, pg_pool);
    if (!pg) return pg.error();
    out.storage = std::move(pg).value();
    return out;
  }
  if (!storage.empty()) {
    // The value itself is not repeated: it may hold a password.
    return make_error(Errc::invalid_argument, "--storage wants a postgresql:// URI (or nothing, for SQLite)");
  }
  if (lock) {
    auto held = DataDirLock::acquire(data_dir);
    if (!held) return held.error();
    out.lock = std::move(held).value();
  }
  // SQLite would make the database 0644 and follow a link; its journals take the database's mode.
  const auto db = data_dir / "varn.db";
  const int fd = ::open(db.c_str(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return make_error(Errc::io_error, "cannot open the database file (a link is refused)");
  const bool made_private = ::fchmod(fd, 0600) == 0;
  ::close(fd);
  if (!made_private) return make_error(Errc::io_error, "cannot make the database file private");
  auto sqlite = SqliteStorage::open(db);
  if (!sqlite) return sqlite.error();
  out.storage = std::move(sqlite).value();
  return out;
}

}  // namespace varn::server
