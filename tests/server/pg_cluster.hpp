#pragma once
//! A throwaway PostgreSQL 15 cluster for the tests: `initdb` into a
//! temporary directory as the unprivileged `postgres` user (when the tests
//! run as root, as CI does), listening only on a Unix socket in that
//! directory, fsync on. One cluster per test process, started on first use;
//! a watcher process stops it and removes the directory when this process
//! ends, also when it crashes. Missing PostgreSQL binaries fail the test.

#include <string>

namespace varn::test {

class PgCluster {
 public:
  //! The process's cluster, started (bounded wait) on the first call.
  static PgCluster& shared();

  //! A fresh, empty database; answers its postgresql:// URI.
  std::string new_database();
  //! The socket directory, for tests that need to find it.
  [[nodiscard]] const std::string& dir() const { return dir_; }

  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;
  ~PgCluster();

 private:
  PgCluster();
  std::string uri(const std::string& database) const;

  std::string dir_;
  int watcher_stdin_ = -1;  //!< closing it tells the watcher to stop the cluster
  int watcher_pid_ = -1;
  int databases_ = 0;
};

}  // namespace varn::test
