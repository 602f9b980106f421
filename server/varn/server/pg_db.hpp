#pragma once
//! A thin RAII layer over libpq, PostgreSQL's own C client: one connection,
//! parameterised statements in binary format (no quoting, no text parsing),
//! every result checked and turned into a varn::Error. libpq is chosen over a
//! C++ wrapper because it is the project's own, well kept client and adds no
//! further dependency.

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

namespace varn::server {

//! Parameters for one statement, $1, $2, ... in the order added.
class PgParams {
 public:
  PgParams& add(std::int64_t value);
  PgParams& add(ByteView value);
  PgParams& add(std::string_view value);
  //! SQL NULL (of type bytea, int8 or text: 'b', 'i', 't').
  PgParams& add_null(char kind);
  [[nodiscard]] int size() const { return static_cast<int>(values_.size()); }

 private:
  friend class PgConn;
  std::vector<std::string> values_;
  std::vector<bool> nulls_;
  std::vector<Oid> types_;
};

//! The rows of one statement; columns are read in binary format.
class PgResult {
 public:
  explicit PgResult(PGresult* r) : r_(r, &PQclear) {}
  [[nodiscard]] int rows() const { return PQntuples(r_.get()); }
  [[nodiscard]] bool is_null(int row, int col) const { return PQgetisnull(r_.get(), row, col) != 0; }
  //! An int8 column (write `::int8` in the query for anything narrower).
  [[nodiscard]] std::int64_t int64(int row, int col) const;
  [[nodiscard]] Bytes blob(int row, int col) const;
  [[nodiscard]] std::string text(int row, int col) const;
  //! Rows changed by an INSERT/UPDATE/DELETE.
  [[nodiscard]] std::uint64_t affected() const;

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> r_;
};

class PgConn {
 public:
  //! Connects with a libpq connection string or postgresql:// URI. The error
  //! never repeats the string: it may hold a password.
  static Result<std::unique_ptr<PgConn>> connect(const std::string& conninfo);
  ~PgConn();
  PgConn(const PgConn&) = delete;
  PgConn& operator=(const PgConn&) = delete;

  Result<PgResult> exec(const char* sql, const PgParams& params = {});
  //! Several statements without parameters (the schema's migrations).
  Result<void> exec_script(const char* sql);
  //! The SQLSTATE of the last failed statement ("" after a success).
  [[nodiscard]] const std::string& last_sqlstate() const { return sqlstate_; }
  [[nodiscard]] bool broken() const { return PQstatus(conn_) != CONNECTION_OK; }
  [[nodiscard]] PGconn* handle() { return conn_; }

 private:
  explicit PgConn(PGconn* conn) : conn_(conn) {}
  Result<PgResult> check(PGresult* raw);
  PGconn* conn_;
  std::string sqlstate_;
};

//! SQLSTATEs after which a transaction is run again from the start.
bool pg_retryable(const std::string& sqlstate);

}  // namespace varn::server
