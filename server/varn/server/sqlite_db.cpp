#include "varn/server/sqlite_db.hpp"

namespace varn::server {

Result<std::unique_ptr<SqliteDb>> SqliteDb::open(const std::filesystem::path& file, bool durable) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK) {
    std::string message = raw ? sqlite3_errmsg(raw) : "out of memory";
    sqlite3_close(raw);
    return make_error(Errc::io_error, "open database: " + message);
  }
  std::unique_ptr<SqliteDb> db(new SqliteDb(raw));
  if (sqlite3_busy_timeout(raw, 5000) != SQLITE_OK) return db->error("busy timeout");
  // WAL lets pullers read while the writer commits. synchronous=FULL makes
  // every commit fsync the WAL before it returns: that is what lets a push
  // be acknowledged as durable (NORMAL would only sync at checkpoints).
  if (auto r = db->exec("PRAGMA journal_mode=WAL"); !r) return r.error();
  if (auto r = db->exec(durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=OFF"); !r) return r.error();
  if (auto r = db->exec("PRAGMA foreign_keys=ON"); !r) return r.error();
  return db;
}

SqliteDb::~SqliteDb() { sqlite3_close_v2(db_); }

Error SqliteDb::error(std::string_view what) const {
  return make_error(Errc::io_error, std::string(what) + ": " + sqlite3_errmsg(db_));
}

Result<void> SqliteDb::exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    return make_error(Errc::io_error, "sql: " + text);
  }
  return {};
}

Result<SqliteStmt> SqliteDb::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
    return error("prepare");
  }
  return SqliteStmt(db_, stmt);
}

// Bind failures only happen on misuse (bad index, out of memory); step()
// then reports them through sqlite3_errmsg, so they are not lost.
SqliteStmt& SqliteStmt::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_.get(), index, value);
  return *this;
}

SqliteStmt& SqliteStmt::bind(int index, ByteView value) {
  sqlite3_bind_blob64(stmt_.get(), index, value.data(), value.size(), SQLITE_TRANSIENT);
  return *this;
}

SqliteStmt& SqliteStmt::bind(int index, std::string_view value) {
  sqlite3_bind_text64(stmt_.get(), index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Result<bool> SqliteStmt::step() {
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const Errc code = (rc == SQLITE_CONSTRAINT) ? Errc::conflict : Errc::io_error;
  return make_error(code, std::string("sql step: ") + sqlite3_errmsg(db_));
}

Result<void> SqliteStmt::run() {
  for (;;) {
    auto more = step();
    if (!more) return more.error();
    if (!*more) return {};
  }
}

void SqliteStmt::reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

std::int64_t SqliteStmt::int64(int column) const { return sqlite3_column_int64(stmt_.get(), column); }

Bytes SqliteStmt::blob(int column) const {
  const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_.get(), column));
  const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column));
  return data ? Bytes(data, data + size) : Bytes{};
}

std::string SqliteStmt::text(int column) const {
  const auto* data = sqlite3_column_text(stmt_.get(), column);
  const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column));
  return data ? std::string(reinterpret_cast<const char*>(data), size) : std::string{};
}

bool SqliteStmt::is_null(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }

}  // namespace varn::server
