// Pull cost as a unit's history grows. Pushing a million change sets
// through the protocol would take many minutes here, so the history is
// written straight into the schema the backend made (rows shaped as a push
// stores them: distinct ids, 20 authors with their own numbering, hashes,
// and the bytes of 64 real sealed envelopes in turn), and the pulls go
// through the backend's own `Storage::pull`, the call the changesets route
// makes. Not a test: it prints figures.
#include "scale_bench.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "pg_cluster.hpp"
#include "protocol_driver.hpp"
#include "subprocess.hpp"
#include "test_check.hpp"
#include "varn/crypto/random.hpp"
#include "varn/server/config.hpp"
#include "varn/server/pg_storage.hpp"
#include "varn/server/sqlite_db.hpp"
#include "varn/server/sqlite_storage.hpp"

namespace varn::bench {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kTemplates = 64;
constexpr int kAuthors = 20;
constexpr int kTailPulls = 60;  // the same tail page again and again, as up-to-date devices ask
constexpr int kWalkPages = 10;  // from cursor 0, page after page, as a new device catches up
constexpr int kWalks = 3;
constexpr std::uint64_t kChunk = 100000;  // rows a seeding statement or transaction

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::vector<Bytes> sealed_templates() {
  test::TestDevice device;
  const auto key = crypto::SecretBuffer::random(32);
  const auto unit = crypto::random_array<16>();
  std::vector<Bytes> out;
  for (int i = 0; i < kTemplates; ++i) out.push_back(device.seal_next(unit, 1, key, "bench note " + std::to_string(i)));
  return out;
}

//! One unit's history in one backend, grown by writing rows straight into its schema.
class History {
 public:
  virtual ~History() = default;
  virtual const char* name() const = 0;
  //! Adds change sets have()+1 .. n and moves the unit's head to n.
  virtual void grow_to(std::uint64_t n) = 0;
  virtual server::Storage& storage() = 0;
  [[nodiscard]] std::uint64_t have() const { return have_; }
  server::UnitId unit = crypto::random_array<16>();

 protected:
  std::uint64_t have_ = 0;
  std::vector<Bytes> templates_ = sealed_templates();
};

class PgHistory final : public History {
 public:
  PgHistory() : uri_(test::PgCluster::shared().new_database()) {
    auto s = server::PgStorage::open(uri_, 1, 2);
    REQUIRE(s.ok());
    storage_ = std::move(s).value();
    REQUIRE(storage_->create_unit(unit, "bench", crypto::random_array<32>()).ok());
    auto c = server::PgConn::connect(uri_);
    REQUIRE(c.ok());
    db_ = std::move(c).value();
    REQUIRE(db_->exec("CREATE TEMP TABLE bench_templates (k int8 PRIMARY KEY, bytes bytea NOT NULL)").ok());
    for (int k = 0; k < kTemplates; ++k) {
      REQUIRE(db_->exec("INSERT INTO bench_templates VALUES ($1, $2)",
                        server::PgParams().add(std::int64_t{k}).add(ByteView(templates_[static_cast<std::size_t>(k)])))
                  .ok());
    }
  }
  ~PgHistory() override { storage_->close(); }
  const char* name() const override { return "postgresql"; }
  server::Storage& storage() override { return *storage_; }

  void grow_to(std::uint64_t n) override {
    for (std::uint64_t from = have_ + 1; from <= n; from += kChunk) {
      const std::uint64_t to = std::min(n, from + kChunk - 1);
      auto r = db_->exec(
          "INSERT INTO changesets (unit, seq, id, author, author_seq, hash, log_hash, bytes) "
          "SELECT $1, g, decode(md5('id' || g::text), 'hex'), decode(md5('author' || (g % 20)::text), 'hex'), "
          "g / 20 + 1, sha256(t.bytes || int8send(g)), sha256(int8send(g)), t.bytes "
          "FROM generate_series($2::int8, $3::int8) g JOIN bench_templates t ON t.k = g % 64",
          server::PgParams()
              .add(ByteView(unit))
              .add(static_cast<std::int64_t>(from))
              .add(static_cast<std::int64_t>(to)));
      if (!r) std::fprintf(stderr, "seeding failed: %s\n", r.error().message.c_str());
      REQUIRE(r.ok());
    }
    REQUIRE(db_->exec("UPDATE units SET head = $2, bytes = (SELECT sum(octet_length(bytes))::int8 FROM changesets "
                      "WHERE unit = $1) WHERE id = $1",
                      server::PgParams().add(ByteView(unit)).add(static_cast<std::int64_t>(n)))
                .ok());
    // A live database's autovacuum vacuums and analyses a table that grew
    // this much; here it is done at once, so that it does not run (and set
    // the new rows' hint bits) in the middle of the timed pulls.
    REQUIRE(db_->exec("VACUUM (ANALYZE) changesets").ok());
    have_ = n;
  }

 private:
  std::string uri_;
  std::unique_ptr<server::PgStorage> storage_;
  std::unique_ptr<server::PgConn> db_;
};

class SqliteHistory final : public History {
 public:
  SqliteHistory() : dir_(test::make_temp_dir("varn-pull-bench")), file_(dir_ + "/varn.db") {
    open();
    REQUIRE(storage_->create_unit(unit, "bench", crypto::random_array<32>()).ok());
    for (int a = 0; a < kAuthors; ++a) authors_.push_back(crypto::random_array<16>());
  }
  ~SqliteHistory() override {
    storage_.reset();
    test::remove_tree(dir_);
  }
  const char* name() const override { return "sqlite"; }
  server::Storage& storage() override { return *storage_; }

  void grow_to(std::uint64_t n) override {
    storage_.reset();  // one writer on the file while it grows
    seed(n);
    have_ = n;
    open();
  }

 private:
  void seed(std::uint64_t n) {
    auto opened = server::SqliteDb::open(file_, true);
    REQUIRE(opened.ok());
    auto& db = **opened;
    std::uint64_t added_bytes = 0;
    for (std::uint64_t from = have_ + 1; from <= n; from += kChunk) {
      const std::uint64_t to = std::min(n, from + kChunk - 1);
      REQUIRE(db.exec("BEGIN").ok());
      auto insert = db.prepare(
          "INSERT INTO changesets (unit, seq, id, author, author_seq, hash, log_hash, bytes) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      REQUIRE(insert.ok());
      for (std::uint64_t g = from; g <= to; ++g) {
        const auto& bytes = templates_[g % kTemplates];
        const auto id = crypto::random_array<16>();
        const auto hash = crypto::random_array<32>(), log_hash = crypto::random_array<32>();
        insert->bind(1, ByteView(unit))
            .bind(2, static_cast<std::int64_t>(g))
            .bind(3, ByteView(id))
            .bind(4, ByteView(authors_[g % kAuthors]))
            .bind(5, static_cast<std::int64_t>(g / kAuthors + 1))
            .bind(6, ByteView(hash))
            .bind(7, ByteView(log_hash))
            .bind(8, ByteView(bytes));
        REQUIRE(insert->run().ok());
        insert->reset();
        added_bytes += bytes.size();
      }
      REQUIRE(db.exec("COMMIT").ok());
    }
    auto head = db.prepare("UPDATE units SET head = ?, bytes = bytes + ? WHERE id = ?");
    REQUIRE(head.ok());
    head->bind(1, static_cast<std::int64_t>(n)).bind(2, static_cast<std::int64_t>(added_bytes)).bind(3, ByteView(unit));
    REQUIRE(head->run().ok());
  }
  void open() {
    auto s = server::SqliteStorage::open(file_);
    REQUIRE(s.ok());
    storage_ = std::move(s).value();
  }
  std::string dir_, file_;
  std::unique_ptr<server::SqliteStorage> storage_;
  std::vector<server::DeviceId> authors_;
};

//! Medians and minimums of pulls from two histories of one backend, taken
//! alternately (each first in turn), so that the machine's other work
//! weighs on both alike; the minimum is the cost with the least of it.
struct PullCosts {
  double tail_base = 0, tail_grown = 0;  //!< median of a full page at the tail
  double walk_base = 0, walk_grown = 0;  //!< median of the first pages from cursor 0
  double tail_base_min = 0, tail_grown_min = 0, walk_base_min = 0, walk_grown_min = 0;
};

//! Times `a` then `b`, or `b` then `a` when `swap`.
template <typename A, typename B>
void in_turn(bool swap, A a, B b) {
  if (swap) {
    b();
    a();
  } else {
    a();
    b();
  }
}

double timed_pull(History& h, std::uint64_t after, std::size_t page, std::size_t max_bytes) {
  const auto start = Clock::now();
  auto p = h.storage().pull(h.unit, after, page, max_bytes);
  const double took = ms_since(start);
  REQUIRE(p.ok());
  REQUIRE(p->items.size() == page);
  REQUIRE(p->items.front().seq == after + 1);
  REQUIRE(p->unit.head == h.have());
  return took;
}

PullCosts compare(History& base, History& grown, std::size_t page, std::size_t max_bytes) {
  const auto tail = [page](History& h) { return h.have() - page; };
  // The pool's connection and the statements' plans, once each.
  (void)timed_pull(base, tail(base), page, max_bytes);
  (void)timed_pull(grown, tail(grown), page, max_bytes);
  std::vector<double> tb, tg, wb, wg;
  for (int i = 0; i < kTailPulls; ++i) {
    in_turn(
        i % 2 == 1, [&] { tb.push_back(timed_pull(base, tail(base), page, max_bytes)); },
        [&] { tg.push_back(timed_pull(grown, tail(grown), page, max_bytes)); });
  }
  for (int w = 0; w < kWalks; ++w) {
    for (int i = 0; i < kWalkPages; ++i) {
      const auto after = static_cast<std::uint64_t>(i) * page;
      in_turn((w + i) % 2 == 1, [&] { wb.push_back(timed_pull(base, after, page, max_bytes)); },
              [&] { wg.push_back(timed_pull(grown, after, page, max_bytes)); });
    }
  }
  const auto least = [](const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); };
  return {median(tb), median(tg), median(wb), median(wg), least(tb), least(tg), least(wb), least(wg)};
}

std::string count(std::uint64_t n) {
  return n >= 1000000 ? std::to_string(n / 1000000) + "M" : std::to_string(n / 1000) + "k";
}

double per_second(std::size_t page, double ms) { return static_cast<double>(page) * 1000.0 / ms; }

//! A 10k history beside one grown to each of `sizes` in turn.
template <typename Backend>
void run_backend(const std::vector<std::uint64_t>& sizes) {
  const server::Limits limits;
  const std::size_t page = limits.max_pull_limit;
  Backend base, grown;
  base.grow_to(10000);
  for (auto size : sizes) {
    const auto seeding = Clock::now();
    grown.grow_to(size);
    const double seeded = ms_since(seeding) / 1000.0;
    const PullCosts c = compare(base, grown, page, limits.max_pull_bytes);
    std::printf(
        "pull growth, %s, %s change sets (seeded in %.1f s) against 10k beside it, a page of %zu: at the "
        "tail %.2f ms vs %.2f ms = %.2fx (%.0f vs %.0f change sets/s; fastest %.2f vs %.2f ms = %.2fx); "
        "from cursor 0 %.2f ms vs %.2f ms = %.2fx (fastest %.2f vs %.2f ms = %.2fx); goal at 1M <= 1.5x\n",
        grown.name(), count(size).c_str(), seeded, page, c.tail_grown, c.tail_base, c.tail_grown / c.tail_base,
        per_second(page, c.tail_grown), per_second(page, c.tail_base), c.tail_grown_min, c.tail_base_min,
        c.tail_grown_min / c.tail_base_min, c.walk_grown, c.walk_base, c.walk_grown / c.walk_base, c.walk_grown_min,
        c.walk_base_min, c.walk_grown_min / c.walk_base_min);
    std::fflush(stdout);
  }
}

}  // namespace

void pull_growth(const ScaleOptions& options) {
  std::vector<std::uint64_t> sizes{100000};
  if (options.long_run) sizes.push_back(1000000);
  const std::size_t envelope = sealed_templates().front().size();
  std::printf(
      "pull growth: histories written straight into each backend's schema (envelopes of %zu bytes), one "
      "database or file each, pulls through Storage::pull taken alternately from both; medians and minimums of %d tail "
      "pulls and %d walks of the first %d pages%s\n",
      envelope, kTailPulls, kWalks, kWalkPages,
      options.long_run ? "" : "; 1M change sets only with --long (seeding it takes minutes here)");
  std::fflush(stdout);
  run_backend<PgHistory>(sizes);
  run_backend<SqliteHistory>(sizes);
}

}  // namespace varn::bench
