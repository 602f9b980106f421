#pragma once
//! A thin RAII layer over libsqlite3: one connection, prepared statements,
//! every return code checked and turned into a varn::Error.

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

namespace varn::server {

class SqliteStmt;

class SqliteDb {
 public:
  //! Opens (creating) the file; WAL, synchronous=FULL, foreign keys on.
  static Result<std::unique_ptr<SqliteDb>> open(const std::filesystem::path& file, bool durable);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  Result<void> exec(const char* sql);
  Result<SqliteStmt> prepare(std::string_view sql);
  [[nodiscard]] Error error(std::string_view what) const;
  [[nodiscard]] sqlite3* handle() { return db_; }

 private:
  explicit SqliteDb(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

//! One prepared statement; bind by 1-based index, step, read columns.
class SqliteStmt {
 public:
  SqliteStmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt, &sqlite3_finalize) {}

  SqliteStmt& bind(int index, std::int64_t value);
  SqliteStmt& bind(int index, ByteView value);
  SqliteStmt& bind(int index, std::string_view value);
  //! true: a row is ready; false: done. Errors become Error.
  Result<bool> step();
  //! Steps to completion, for statements that return no rows.
  Result<void> run();
  void reset();

  [[nodiscard]] std::int64_t int64(int column) const;
  [[nodiscard]] Bytes blob(int column) const;
  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] bool is_null(int column) const;

 private:
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt_;
};

//! Copies a fixed-size id out of a blob column; zeros if the size is wrong.
template <std::size_t N>
ByteArray<N> to_array(const Bytes& b) {
  ByteArray<N> out{};
  if (b.size() == N) std::copy(b.begin(), b.end(), out.begin());
  return out;
}

}  // namespace varn::server
