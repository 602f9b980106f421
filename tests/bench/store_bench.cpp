// The encrypted local store: note write latency (against fdatasync in this
// run), point reads, unlock at the calibrated KDF (against Argon2id alone),
// and SQLCipher inserts as a ratio of plain SQLite inserts in the same run
// (plain = a SQLCipher connection given no key; target >= 0.6).
#define SQLITE_HAS_CODEC 1
#include <fcntl.h>
#include <sqlcipher/sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_timer.hpp"
#include "varn/crypto/random.hpp"
#include "varn/store/database.hpp"
#include "varn/store/queries.hpp"
#include "varn/store/records.hpp"

namespace varn::bench {
namespace {

using clock_type = std::chrono::steady_clock;

double ms_since(clock_type::time_point start) {
  return std::chrono::duration<double, std::milli>(clock_type::now() - start).count();
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto index = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
  return v[index];
}

// The floor of a durable write here: 4 KiB written and fdatasync'ed.
std::vector<double> fdatasync_latencies(const std::string& path, int rounds) {
  std::vector<double> out;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return out;
  const std::vector<char> page(4096, 'x');
  for (int i = 0; i < rounds; ++i) {
    const auto start = clock_type::now();
    if (::pwrite(fd, page.data(), page.size(), 0) != static_cast<ssize_t>(page.size()) || ::fdatasync(fd) != 0) break;
    out.push_back(ms_since(start));
  }
  ::close(fd);
  return out;
}

// Rows per second inserted through raw SQLite calls, 500 rows per commit, on
// a connection set up like the store's (WAL, FULL sync, exclusive, secure delete).
double insert_rate(sqlite3* db) {
  sqlite3_exec(db,
               "PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
               "PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY; "
               "CREATE TABLE t(id BLOB PRIMARY KEY, body TEXT NOT NULL);",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t VALUES(?, ?)", -1, &insert, nullptr);
  const std::string body(300, 'b');  // a short field note
  long long rows = 0;
  const auto start = clock_type::now();
  double elapsed = 0;
  while (elapsed < 1.0) {
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (int i = 0; i < 500; ++i) {
      const auto id = crypto::random_array<16>();
      sqlite3_bind_blob(insert, 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
      sqlite3_bind_text(insert, 2, body.data(), static_cast<int>(body.size()), SQLITE_STATIC);
      sqlite3_step(insert);
      sqlite3_reset(insert);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    rows += 500;
    elapsed = ms_since(start) / 1000.0;
  }
  sqlite3_finalize(insert);
  return static_cast<double>(rows) / elapsed;
}

sqlite3* open_raw(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  return db;
}

std::string make_scratch_dir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp != nullptr ? tmp : "/tmp") + "/varn-bench-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) return {};
  return pattern;
}

void bench_inserts(const std::string& dir) {
  auto key = crypto::SecretBuffer::random(32);
  double cipher = 0;
  {
    sqlite3* db = open_raw(dir + "/cipher.db");
    crypto::SecretBuffer spec(67);
    auto* chars = reinterpret_cast<char*>(spec.data());
    chars[0] = 'x';
    chars[1] = '\'';
    static const char kHex[] = "0123456789abcdef";
    for (std::size_t i = 0; i < 32; ++i) {
      chars[2 + 2 * i] = kHex[key.data()[i] >> 4];
      chars[3 + 2 * i] = kHex[key.data()[i] & 0xf];
    }
    chars[66] = '\'';
    sqlite3_key_v2(db, "main", chars, 67);  // the raw-key text, as the store hands it over
    sqlite3_exec(db, "PRAGMA cipher_page_size = 4096;", nullptr, nullptr, nullptr);
    cipher = insert_rate(db);
    sqlite3_close(db);
  }
  sqlite3* plain_db = open_raw(dir + "/plain.db");  // no key: SQLCipher stays plain SQLite
  sqlite3_exec(plain_db, "PRAGMA page_size = 4096;", nullptr, nullptr, nullptr);
  const double plain = insert_rate(plain_db);
  sqlite3_close(plain_db);
  report("store SQLCipher inserts (500/commit)", cipher, plain, "plain SQLite inserts, target >= 0.6");
}

void bench_records(const std::string& dir) {
  store::CreateOptions fast;
  fast.kdf = crypto::KdfParams::with_new_salt(crypto::kKdfMinOpsLimit, crypto::kKdfMinMemLimit);
  auto created = store::LocalStore::create(dir + "/records.db", "bench passphrase", fast);
  if (!created) {
    std::printf("store records: could not create (%s)\n", created.error().message.c_str());
    return;
  }
  auto& s = **created;
  model::HybridClock clock;
  store::Records records(s, clock, crypto::random_array<16>());
  auto person = records.add_person({"Bench Person", "", "none", ""});
  auto case_id = person ? records.open_case(*person) : Result<model::EntityId>(person.error());
  auto visit = case_id ? records.record_visit({*case_id, "office", "no", "", "", false, false, ""})
                       : Result<model::EntityId>(case_id.error());
  if (!visit) {
    std::printf("store records: setup failed (%s)\n", visit.error().message.c_str());
    return;
  }
  const std::string body(600, 'n');
  std::vector<double> write_ms;
  std::vector<model::EntityId> notes;
  int failures = 0;
  for (int i = 0; i < 300; ++i) {
    const auto start = clock_type::now();
    auto note = records.add_note(*visit, body);
    write_ms.push_back(ms_since(start));
    if (note) {
      notes.push_back(*note);
    } else {
      ++failures;
    }
  }
  const auto sync_ms = fdatasync_latencies(dir + "/sync.probe", 300);
  if (!sync_ms.empty()) {
    const double p50 = percentile(write_ms, 0.50), p99 = percentile(write_ms, 0.99);
    const double sync50 = percentile(sync_ms, 0.50), sync99 = percentile(sync_ms, 0.99);
    std::printf("store note write: p50 %.2f ms, p99 %.2f ms (ratio %.2f / %.2f of 4 KiB write+fdatasync p50 %.2f / p99 %.2f ms in this run)\n",
                p50, p99, p50 / sync50, p99 / sync99, sync50, sync99);
  }
  // Point read: one field of one note by primary key, through the store, against
  // the same SELECT prepared once on the raw connection.
  std::size_t next = 0;
  const double ours = ops_per_second([&] {
    const auto& id = notes[next++ % notes.size()];
    auto v = store::visible_field(s.database(), model::EntityKind::note, id, "body");
    if (!v || !*v) ++failures;
  });
  const double raw = ops_per_second([&] {
    const auto& id = notes[next++ % notes.size()];
    auto q = s.database().prepare("SELECT value FROM field_value WHERE kind = 4 AND id = ? AND field = 'body'");
    if (!q) {
      ++failures;
      return;
    }
    q->bind(1, id);
    auto row = q->step();
    if (!row || !*row) ++failures;
  });
  report("store point read (note body)", ours, raw, "one cached SELECT");
  if (failures != 0) std::printf("warning: %d store operations failed during the bench\n", failures);
}

void bench_unlock(const std::string& dir) {
  auto params = crypto::calibrate_kdf();
  if (!params) {
    std::printf("store unlock: calibration failed (%s)\n", params.error().message.c_str());
    return;
  }
  store::CreateOptions options;
  options.kdf = *params;
  const std::string path = dir + "/unlock.db";
  if (auto created = store::LocalStore::create(path, "bench passphrase", options); !created) {
    std::printf("store unlock: could not create (%s)\n", created.error().message.c_str());
    return;
  }
  auto start = clock_type::now();
  auto opened = store::LocalStore::open(path, "bench passphrase");
  const double unlock_ms = ms_since(start);
  if (!opened) {
    std::printf("store unlock: open failed (%s)\n", opened.error().message.c_str());
    return;
  }
  opened->reset();
  start = clock_type::now();
  auto kek = crypto::derive_kek("bench passphrase", *params);
  const double kdf_ms = ms_since(start);
  std::printf("store unlock: %.0f ms at Argon2id ops %llu, %llu MiB (ratio %.2f of Argon2id alone, %.0f ms, in this run)\n",
              unlock_ms, static_cast<unsigned long long>(params->ops_limit),
              static_cast<unsigned long long>(params->mem_limit >> 20), unlock_ms / kdf_ms, kdf_ms);
}

}  // namespace

void run_store_bench() {
  const std::string dir = make_scratch_dir();
  if (dir.empty()) {
    std::puts("store bench: no scratch folder");
    return;
  }
  bench_inserts(dir);
  bench_records(dir);
  bench_unlock(dir);
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

}  // namespace varn::bench
