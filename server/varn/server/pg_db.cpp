#include "varn/server/pg_db.hpp"

#include <cstring>

namespace varn::server {
namespace {

// Type OIDs from PostgreSQL's pg_type catalogue (stable across versions).
constexpr Oid kInt8 = 20;
constexpr Oid kBytea = 17;
constexpr Oid kText = 25;

std::string first_line(const char* message) {
  std::string s = message ? message : "";
  if (const auto nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
  return s;
}

}  // namespace

PgParams& PgParams::add(std::int64_t value) {
  std::string be(8, '\0');
  auto u = static_cast<std::uint64_t>(value);
  for (int i = 7; i >= 0; --i) {
    be[static_cast<std::size_t>(i)] = static_cast<char>(u & 0xffu);
    u >>= 8;
  }
  values_.push_back(std::move(be));
  nulls_.push_back(false);
  types_.push_back(kInt8);
  return *this;
}

PgParams& PgParams::add_null(char kind) {
  values_.emplace_back();
  nulls_.push_back(true);
  types_.push_back(kind == 'i' ? kInt8 : kind == 't' ? kText : kBytea);
  return *this;
}

PgParams& PgParams::add(ByteView value) {
  values_.emplace_back(reinterpret_cast<const char*>(value.data()), value.size());
  nulls_.push_back(false);
  types_.push_back(kBytea);
  return *this;
}

PgParams& PgParams::add(std::string_view value) {
  values_.emplace_back(value);
  nulls_.push_back(false);
  types_.push_back(kText);
  return *this;
}

std::int64_t PgResult::int64(int row, int col) const {
  const auto* v = reinterpret_cast<const unsigned char*>(PQgetvalue(r_.get(), row, col));
  if (PQgetlength(r_.get(), row, col) != 8) return 0;
  std::uint64_t u = 0;
  for (int i = 0; i < 8; ++i) u = (u << 8) | v[i];
  return static_cast<std::int64_t>(u);
}

Bytes PgResult::blob(int row, int col) const {
  const auto* v = reinterpret_cast<const std::uint8_t*>(PQgetvalue(r_.get(), row, col));
  return Bytes(v, v + PQgetlength(r_.get(), row, col));
}

std::string PgResult::text(int row, int col) const {
  return std::string(PQgetvalue(r_.get(), row, col), static_cast<std::size_t>(PQgetlength(r_.get(), row, col)));
}

std::uint64_t PgResult::affected() const {
  const char* n = PQcmdTuples(r_.get());
  return (n && *n) ? std::strtoull(n, nullptr, 10) : 0;
}

Result<std::unique_ptr<PgConn>> PgConn::connect(const std::string& conninfo) {
  PGconn* c = PQconnectdb(conninfo.c_str());
  if (!c) return make_error(Errc::out_of_memory, "postgresql: cannot allocate a connection");
  if (PQstatus(c) != CONNECTION_OK) {
    // libpq's message names the host and the reason, never the password.
    auto e = make_error(Errc::unavailable, "postgresql: cannot connect: " + first_line(PQerrorMessage(c)));
    PQfinish(c);
    return e;
  }
  auto conn = std::unique_ptr<PgConn>(new PgConn(c));
  // Notices (e.g. "relation already exists, skipping") would go to stderr.
  PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
  return conn;
}

PgConn::~PgConn() { PQfinish(conn_); }

Result<PgResult> PgConn::exec(const char* sql, const PgParams& params) {
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;
  for (std::size_t i = 0; i < params.values_.size(); ++i) {
    const auto& v = params.values_[i];
    values.push_back(params.nulls_[i] ? nullptr : v.data());
    lengths.push_back(static_cast<int>(v.size()));
    formats.push_back(1);
  }
  return check(PQexecParams(conn_, sql, params.size(), params.types_.data(), values.data(), lengths.data(),
                            formats.data(), 1));
}

Result<void> PgConn::exec_script(const char* sql) {
  auto r = check(PQexec(conn_, sql));
  if (!r) return r.error();
  return {};
}

Result<PgResult> PgConn::check(PGresult* raw) {
  PgResult result(raw);
  const auto status = PQresultStatus(raw);
  if (raw && (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)) {
    sqlstate_.clear();
    return result;
  }
  const char* state = raw ? PQresultErrorField(raw, PG_DIAG_SQLSTATE) : nullptr;
  sqlstate_ = state ? state : "";
  const char* message = raw ? PQresultErrorMessage(raw) : PQerrorMessage(conn_);
  const Errc code = sqlstate_ == "23505" ? Errc::conflict : broken() ? Errc::unavailable : Errc::io_error;
  return make_error(code, "postgresql: " + first_line(message));
}

bool pg_retryable(const std::string& sqlstate) {
  // serialization_failure, deadlock_detected, unique_violation (a concurrent
  // transaction stored the same key first: the rerun sees it and answers).
  return sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "23505";
}

}  // namespace varn::server
