#pragma once
//! One SQLCipher connection behind a small RAII layer: cached prepared
//! statements with typed binds and columns, and transactions that roll back
//! unless committed. Every SQLite error becomes a Result; messages carry
//! SQLite's text (table and column names), never a bound value.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "varn/crypto/secret_buffer.hpp"
#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace varn::store {

class Database;

//! A lease on a prepared statement: reset and unbound when it goes out of scope.
class Statement {
 public:
  Statement(Database& db, sqlite3_stmt* stmt, const char* cache_key);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  // Parameters are 1-based, as in SQLite.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, ByteView blob);
  Statement& bind_null(int index);

  //! true while a row is available.
  [[nodiscard]] Result<bool> step();
  //! Runs to completion (for statements that return no rows).
  [[nodiscard]] Result<void> run();

  // Columns are 0-based, as in SQLite.
  [[nodiscard]] std::int64_t int64(int column) const;
  [[nodiscard]] std::uint64_t uint64(int column) const { return static_cast<std::uint64_t>(int64(column)); }
  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] Bytes blob(int column) const;
  [[nodiscard]] ByteView blob_view(int column) const;  //!< valid until the next step
  [[nodiscard]] bool is_null(int column) const;
  template <std::size_t N>
  [[nodiscard]] ByteArray<N> array(int column) const {
    ByteArray<N> out{};
    const ByteView v = blob_view(column);
    for (std::size_t i = 0; i < N && i < v.size(); ++i) out[i] = v[i];
    return out;
  }

 private:
  Database* db_;
  sqlite3_stmt* stmt_;
  const char* cache_key_;  // nullptr: owned by this lease, finalized with it
  Result<void> bind_status_;  // the first bind error, reported by step()
  void check_bind(int rc);
};

class Transaction;

class Database {
 public:
  //! Opens `path` with the raw 32-byte `store_key`, sets the cipher and
  //! connection PRAGMAs and proves the key by reading sqlite_master.
  //! `create` allows a new file; otherwise a missing file is Errc::not_found.
  [[nodiscard]] static Result<std::unique_ptr<Database>> open(const std::string& path,
                                                              const crypto::SecretBuffer& store_key, bool create);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  //! A cached statement; a second lease on the same SQL while one is live gets a fresh one.
  [[nodiscard]] Result<Statement> prepare(const char* sql);
  //! Overwrites the start of a blob in place (one made with zeroblob(n)):
  //! the bytes go straight into its pages, with no copy of the whole value.
  [[nodiscard]] Result<void> write_blob(const char* table, const char* column, std::int64_t rowid, ByteView bytes);
  //! Runs SQL text without results (several statements allowed).
  [[nodiscard]] Result<void> exec(const char* sql);
  //! BEGIN IMMEDIATE; the returned guard rolls back unless commit() is called.
  [[nodiscard]] Result<Transaction> begin();
  //! Reads one PRAGMA back as text (empty when it returns no row).
  [[nodiscard]] Result<std::string> pragma_value(const char* pragma);
  [[nodiscard]] Error error(int rc, std::string_view what) const;
  [[nodiscard]] std::int64_t last_insert_rowid() const;
  [[nodiscard]] int changes() const;

 private:
  friend class Statement;
  explicit Database(sqlite3* handle) : db_(handle) {}
  void release(const char* key);
  sqlite3* db_;
  // Keyed by the SQL text's address (call sites pass literals), checked
  // against the statement's own text: a lookup per statement run.
  struct Cached {
    sqlite3_stmt* stmt;
    bool leased;
  };
  std::unordered_map<const char*, Cached> cache_;
};

class Transaction {
 public:
  explicit Transaction(Database& db) : db_(&db) {}
  ~Transaction();
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  [[nodiscard]] Result<void> commit();

 private:
  Database* db_;
};

}  // namespace varn::store
