#include "varn/store/database.hpp"

#define SQLITE_HAS_CODEC 1
#include <sodium.h>
#include <sqlcipher/sqlite3.h>

#include <cstring>
#include <filesystem>

namespace varn::store {
namespace {

constexpr std::size_t kStoreKeyBytes = 32;
// "x'" + 64 hex digits + "'": the only text SQLCipher 3.4.1 takes as a raw key.
constexpr std::size_t kKeySpecChars = 2 + 2 * kStoreKeyBytes + 1;

Errc errc_of(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Errc::locked;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return Errc::corrupt;
    case SQLITE_CONSTRAINT: return Errc::conflict;
    case SQLITE_NOMEM: return Errc::out_of_memory;
    case SQLITE_CANTOPEN: return Errc::not_found;
    default: return Errc::io_error;
  }
}

}  // namespace

// ---- Statement -------------------------------------------------------------

Statement::Statement(Database& db, sqlite3_stmt* stmt, const char* cache_key)
    : db_(&db), stmt_(stmt), cache_key_(cache_key) {}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), cache_key_(other.cache_key_), bind_status_(std::move(other.bind_status_)) {
  other.stmt_ = nullptr;
}

Statement::~Statement() {
  if (stmt_ == nullptr) return;
  if (cache_key_ == nullptr) {
    sqlite3_finalize(stmt_);
    return;
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  db_->release(cache_key_);
}

void Statement::check_bind(int rc) {
  if (rc != SQLITE_OK && bind_status_.ok()) bind_status_ = db_->error(rc, "bind");
}

Statement& Statement::bind(int index, std::int64_t value) {
  check_bind(sqlite3_bind_int64(stmt_, index, value));
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  // SQLITE_TRANSIENT: SQLite copies, so the caller's buffer may go away.
  check_bind(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::bind(int index, ByteView blob) {
  static const std::uint8_t kEmpty = 0;  // a zero-length blob, not NULL
  const void* data = blob.empty() ? &kEmpty : blob.data();
  check_bind(sqlite3_bind_blob(stmt_, index, data, static_cast<int>(blob.size()), SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::bind_null(int index) {
  check_bind(sqlite3_bind_null(stmt_, index));
  return *this;
}

Result<bool> Statement::step() {
  if (!bind_status_) return bind_status_.error();
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->error(rc, "step");
}

Result<void> Statement::run() {
  for (;;) {
    auto row = step();
    if (!row) return row.error();
    if (!*row) return {};
  }
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  const int n = sqlite3_column_bytes(stmt_, column);
  if (p == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
}

ByteView Statement::blob_view(int column) const {
  const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
  const int n = sqlite3_column_bytes(stmt_, column);
  if (p == nullptr) return {};
  return {p, static_cast<std::size_t>(n)};
}

Bytes Statement::blob(int column) const {
  const ByteView v = blob_view(column);
  return Bytes(v.begin(), v.end());
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

// ---- Transaction -----------------------------------------------------------

Transaction::~Transaction() {
  if (db_ != nullptr) (void)db_->exec("ROLLBACK");
}

Result<void> Transaction::commit() {
  auto done = db_->exec("COMMIT");
  if (done) db_ = nullptr;  // on failure the destructor rolls back
  return done;
}

// ---- Database --------------------------------------------------------------

Result<std::unique_ptr<Database>> Database::open(const std::string& path, const crypto::SecretBuffer& store_key,
                                                 bool create) {
  if (store_key.size() != kStoreKeyBytes) return make_error(Errc::invalid_argument, "the store key must be 32 bytes");
  std::error_code ec;
  if (!create && !std::filesystem::exists(path, ec)) return make_error(Errc::not_found, "no database file");
  // Memory statistics take a global mutex on every allocation, and nothing
  // reads them. Only possible before SQLite initializes; later it is a no-op.
  static const int kNoMemStatus = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)kNoMemStatus;
  sqlite3* raw = nullptr;
  // NOMUTEX: a connection is only ever used under its owner's lock (the
  // statement cache above already needs that), so SQLite's own mutex per
  // API call is dead weight.
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_PRIVATECACHE |
                    SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  std::unique_ptr<Database> db(new Database(raw));  // owns `raw` even when the open failed
  if (rc != SQLITE_OK) return db->error(rc, "open");

  // The raw-key text is what `PRAGMA key = "x'..'"` passes on; handing it to
  // sqlite3_key_v2 directly keeps it out of the SQL parser's unwiped buffers.
  crypto::SecretBuffer spec(kKeySpecChars + 1);
  auto* chars = reinterpret_cast<char*>(spec.data());
  chars[0] = 'x';
  chars[1] = '\'';
  sodium_bin2hex(chars + 2, 2 * kStoreKeyBytes + 1, store_key.data(), store_key.size());
  chars[kKeySpecChars - 1] = '\'';
  chars[kKeySpecChars] = '\0';
  if (int k = sqlite3_key_v2(raw, "main", chars, static_cast<int>(kKeySpecChars)); k != SQLITE_OK) {
    return db->error(k, "key");
  }
  sqlite3_busy_timeout(raw, 2000);
  // Cipher settings before the first page is read; the connection holds an
  // exclusive lock, so WAL needs no shared-memory (-shm) file at all.
  if (auto r = db->exec("PRAGMA cipher_page_size = 4096; PRAGMA kdf_iter = 64000; "
                        "PRAGMA locking_mode = EXCLUSIVE;");
      !r) {
    return r.error();
  }
  if (auto r = db->exec("SELECT count(*) FROM sqlite_master;"); !r) {
    if (r.error().code == Errc::corrupt) {
      return make_error(Errc::corrupt, "the store key does not open this database");
    }
    return r.error();
  }
  if (auto r = db->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; "
                        "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;");
      !r) {
    return r.error();
  }
  // Silent traps of 3.4.1: read every setting back instead of trusting it.
  struct Expect {
    const char* pragma;
    const char* value;
  };
  for (const Expect& e : {Expect{"cipher_page_size", "4096"}, Expect{"kdf_iter", "64000"},
                          Expect{"cipher_use_hmac", "1"}, Expect{"journal_mode", "wal"},
                          Expect{"secure_delete", "1"}, Expect{"foreign_keys", "1"}, Expect{"temp_store", "2"},
                          Expect{"cache_size", "-65536"},
                          Expect{"locking_mode", "exclusive"}}) {
    auto v = db->pragma_value(e.pragma);
    if (!v) return v.error();
    if (*v != e.value) return make_error(Errc::corrupt, std::string("PRAGMA ") + e.pragma + " did not take effect");
  }
  return db;
}

Database::~Database() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
  sqlite3_close(db_);  // a NULL handle is a no-op
}

Result<Statement> Database::prepare(const char* sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end() && !it->second.leased && std::strcmp(sqlite3_sql(it->second.stmt), sql) != 0) {
    // Another text at an address a freed one had: the old statement goes.
    // (A leased entry is never handed out again, whatever its text.)
    sqlite3_finalize(it->second.stmt);
    cache_.erase(it);
    it = cache_.end();
  }
  if (it != cache_.end() && !it->second.leased) {
    it->second.leased = true;
    return Statement(*this, it->second.stmt, sql);
  }
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr);
  if (rc != SQLITE_OK) return error(rc, "prepare");
  if (it != cache_.end()) return Statement(*this, stmt, nullptr);  // the cached one is in use
  cache_.emplace(sql, Cached{stmt, true});
  return Statement(*this, stmt, sql);
}

void Database::release(const char* key) {
  if (auto it = cache_.find(key); it != cache_.end()) it->second.leased = false;
}

Result<void> Database::write_blob(const char* table, const char* column, std::int64_t rowid, ByteView bytes) {
  sqlite3_blob* blob = nullptr;
  int rc = sqlite3_blob_open(db_, "main", table, column, rowid, 1, &blob);
  if (rc == SQLITE_OK) rc = sqlite3_blob_write(blob, bytes.data(), static_cast<int>(bytes.size()), 0);
  const int closed = sqlite3_blob_close(blob);  // a NULL handle is a no-op
  if (rc == SQLITE_OK) rc = closed;
  if (rc != SQLITE_OK) return error(rc, "blob write");
  return {};
}

Result<void> Database::exec(const char* sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
  sqlite3_free(message);  // the same text as sqlite3_errmsg, read in error()
  if (rc != SQLITE_OK) return error(rc, "exec");
  return {};
}

Result<Transaction> Database::begin() {
  if (auto r = exec("BEGIN IMMEDIATE"); !r) return r.error();
  return Transaction(*this);
}

Result<std::string> Database::pragma_value(const char* pragma) {
  const std::string sql = std::string("PRAGMA ") + pragma + ";";
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr);
  if (rc != SQLITE_OK) return error(rc, "pragma");
  Statement lease(*this, stmt, nullptr);
  auto row = lease.step();
  if (!row) return row.error();
  return *row ? lease.text(0) : std::string();
}

Error Database::error(int rc, std::string_view what) const {
  const char* text = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  return make_error(errc_of(rc), "database " + std::string(what) + ": " + text);
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

}  // namespace varn::store
