#include "varn/server/pg_storage.hpp"

#include <poll.h>

#include "varn/server/log.hpp"
#include "varn/server/pg_schema.hpp"
#include "varn/server/sqlite_db.hpp"

namespace varn::server {
namespace {
// A transaction that keeps losing to others is answered as an error rather
// than retried forever; the client retries the push, which is idempotent.
constexpr int kMaxAttempts = 8;
constexpr const char* kChannel = "varn_commit";
// How often the listening thread looks up from the socket to see whether to stop.
constexpr int kListenPollMs = 200;

//! "<unit hex>:<head>", the NOTIFY payload (ids only: never content).
std::string commit_payload(const UnitId& unit, std::uint64_t head) { return to_hex(unit) + ":" + std::to_string(head); }

bool parse_payload(const std::string& payload, UnitId& unit, std::uint64_t& head) {
  const auto colon = payload.find(':');
  if (colon == std::string::npos) return false;
  auto id = array_from_hex<16>(payload.substr(0, colon));
  if (!id) return false;
  char* end = nullptr;
  const std::string number = payload.substr(colon + 1);
  head = std::strtoull(number.c_str(), &end, 10);
  if (number.empty() || *end != '\0') return false;
  unit = *id;
  return true;
}
}  // namespace

Result<std::unique_ptr<PgStorage>> PgStorage::open(const std::string& conninfo, std::size_t writers,
                                                   std::size_t pool, std::chrono::milliseconds pool_wait) {
  auto db = PgConn::connect(conninfo);
  if (!db) return db.error();
  if (auto m = migrate_pg_schema(**db); !m) return m.error();
  auto storage = std::unique_ptr<PgStorage>(new PgStorage(conninfo, pool, pool_wait));
  storage->idle_.push_back(std::move(db).value());
  storage->pool_open_ = 1;
  for (std::size_t i = 0; i < std::max<std::size_t>(1, writers); ++i) {
    storage->writers_.emplace_back([s = storage.get()] { s->writer_loop(); });
  }
  storage->notifications_ = std::thread([s = storage.get()] { s->listen_loop(); });
  return storage;
}

PgStorage::~PgStorage() { close(); }

void PgStorage::close() {
  {
    const std::lock_guard lock(queue_mutex_);
    stopping_ = true;
    wake_.notify_all();
  }
  for (auto& t : writers_) {
    if (t.joinable()) t.join();
  }
  stop_listening_ = true;
  if (notifications_.joinable()) notifications_.join();
  const std::lock_guard lock(pool_mutex_);
  pool_open_ -= idle_.size();
  idle_.clear();
  pool_closed_ = true;
  pool_returned_.notify_all();
}

PgStorage::Lease::~Lease() {
  if (owner_ == nullptr) return;  // moved from
  const std::lock_guard lock(owner_->pool_mutex_);
  if (c_ && !c_->broken() && !owner_->pool_closed_) {
    owner_->idle_.push_back(std::move(c_));
  } else {
    --owner_->pool_open_;  // a broken one is not given back: its place is
  }
  owner_->pool_returned_.notify_one();
}

Result<PgStorage::Lease> PgStorage::lease() {
  std::unique_lock lock(pool_mutex_);
  const auto ready = [this] { return pool_closed_ || !idle_.empty() || pool_open_ < pool_max_; };
  if (!ready()) {
    pool_waits_.fetch_add(1);
    if (!pool_returned_.wait_for(lock, pool_wait_, ready)) {
      return make_error(Errc::unavailable, "timed out after " + std::to_string(pool_wait_.count()) +
                                               " ms waiting for a pooled PostgreSQL connection: all " +
                                               std::to_string(pool_max_) + " stayed busy");
    }
  }
  if (pool_closed_) return make_error(Errc::unavailable, "server is shutting down");
  if (!idle_.empty()) {
    auto c = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(c));
  }
  ++pool_open_;  // held for this call while it connects, outside the lock
  lock.unlock();
  auto c = PgConn::connect(conninfo_);
  if (!c) {
    lock.lock();
    --pool_open_;
    pool_returned_.notify_one();
    return c.error();
  }
  return Lease(*this, std::move(c).value());
}

Result<void> PgStorage::transact(PgConn& db, const std::function<Result<bool>(PgConn&)>& body) {
  for (int attempt = 1;; ++attempt) {
    if (auto b = db.exec("BEGIN"); !b) return b.error();
    auto keep = body(db);
    if (keep && *keep) {
      auto c = db.exec("COMMIT");
      if (c) {
        commits_.fetch_add(1);
        return {};
      }
      if (!pg_retryable(db.last_sqlstate()) || attempt == kMaxAttempts) return c.error();
      continue;
    }
    const std::string state = db.last_sqlstate();
    (void)db.exec("ROLLBACK");
    if (keep) return {};  // the body chose to store nothing
    if (!pg_retryable(state) || attempt == kMaxAttempts) return keep.error();
  }
}

Result<void> PgStorage::write(const std::function<Result<bool>(PgConn&)>& body) {
  {
    const std::lock_guard lock(queue_mutex_);
    if (stopping_) return make_error(Errc::unavailable, "server is shutting down");
  }
  auto l = lease();
  if (!l) return l.error();
  return transact(l->db(), body);
}

void PgStorage::writer_loop() {
  std::unique_ptr<PgConn> conn;
  for (;;) {
    std::function<void(Result<PgConn*>)> job;
    {
      std::unique_lock lock(queue_mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    if (conn && conn->broken()) {
      const std::lock_guard lock(own_pids_mutex_);
      own_pids_.erase(PQbackendPID(conn->handle()));
      conn.reset();
    }
    if (!conn) {
      auto c = PgConn::connect(conninfo_);
      if (!c) {
        job(c.error());
        continue;
      }
      conn = std::move(c).value();
      const std::lock_guard lock(own_pids_mutex_);
      own_pids_.insert(PQbackendPID(conn->handle()));
    }
    job(conn.get());
  }
}

void PgStorage::tell_listener(const UnitId& unit, std::uint64_t head) {
  CommitListener listener;
  {
    const std::lock_guard lock(listener_mutex_);
    listener = listener_;
  }
  if (listener) listener(unit, head);
}

void PgStorage::listen_loop() {
  std::unique_ptr<PgConn> conn;
  while (!stop_listening_.load()) {
    if (!conn || conn->broken()) {
      conn.reset();
      auto c = PgConn::connect(conninfo_);
      if (c && (*c)->exec((std::string("LISTEN ") + kChannel).c_str())) {
        conn = std::move(c).value();
      } else {
        // The database is away: look again at the next round, without spinning.
        ::poll(nullptr, 0, kListenPollMs);
        continue;
      }
    }
    pollfd fd{PQsocket(conn->handle()), POLLIN, 0};
    if (::poll(&fd, 1, kListenPollMs) <= 0) continue;
    if (PQconsumeInput(conn->handle()) == 0) continue;  // broken: reconnect above
    while (PGnotify* n = PQnotifies(conn->handle())) {
      UnitId unit{};
      std::uint64_t head = 0;
      bool own = false;
      {
        const std::lock_guard lock(own_pids_mutex_);
        own = own_pids_.contains(n->be_pid);
      }
      if (!own && parse_payload(n->extra ? n->extra : "", unit, head)) tell_listener(unit, head);
      PQfreemem(n);
    }
  }
}

Result<std::optional<UnitRecord>> pg_load_unit(PgConn& db, const UnitId& unit, bool for_update) {
  // One row, one snapshot: head, log hash and registry belong together in a checkpoint.
  auto r = db.exec(for_update ? "SELECT current_epoch, head, log_hash, registry_length, registry_head, bytes "
                                "FROM units WHERE id = $1 FOR UPDATE"
                              : "SELECT current_epoch, head, log_hash, registry_length, registry_head, bytes "
                                "FROM units WHERE id = $1",
                   PgParams().add(ByteView(unit)));
  if (!r) return r.error();
  if (r->rows() == 0) return std::optional<UnitRecord>{};
  UnitRecord u;
  u.id = unit;
  u.current_epoch = static_cast<std::uint32_t>(r->int64(0, 0));
  u.head = static_cast<std::uint64_t>(r->int64(0, 1));
  u.log_hash = to_array<32>(r->blob(0, 2));
  u.registry_length = static_cast<std::uint64_t>(r->int64(0, 3));
  u.registry_head = to_array<32>(r->blob(0, 4));
  u.bytes = static_cast<std::uint64_t>(r->int64(0, 5));
  return std::optional<UnitRecord>(u);
}

Result<std::optional<UnitRecord>> PgStorage::find_unit(const UnitId& unit) {
  auto l = lease();
  if (!l) return l.error();
  return pg_load_unit(l->db(), unit, false);
}

Result<std::vector<UnitId>> PgStorage::all_units() {
  auto l = lease();
  if (!l) return l.error();
  auto r = l->db().exec("SELECT id FROM units ORDER BY id");
  if (!r) return r.error();
  std::vector<UnitId> out;
  for (int i = 0; i < r->rows(); ++i) out.push_back(to_array<16>(r->blob(i, 0)));
  return out;
}

Result<PullPage> PgStorage::pull(const UnitId& unit, std::uint64_t after, std::size_t limit, std::size_t max_bytes) {
  auto l = lease();
  if (!l) return l.error();
  PgConn& db = l->db();
  // One snapshot for the unit row and the rows: a head that matches them.
  if (auto b = db.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); !b) return b.error();
  PullPage page;
  auto result = [&]() -> Result<void> {
    auto u = pg_load_unit(db, unit, false);
    if (!u) return u.error();
    if (!*u) return make_error(Errc::not_found, "unknown unit");
    page.unit = **u;
    const auto from = static_cast<std::int64_t>(std::min<std::uint64_t>(after, INT64_MAX));
    const auto count = static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX));
    // Sizes first, so that a page of large envelopes is read only as far as it is sent.
    auto sizes = db.exec("SELECT seq, octet_length(bytes)::int8 FROM changesets WHERE unit = $1 AND seq > $2 "
                         "ORDER BY seq LIMIT $3",
                         PgParams().add(ByteView(unit)).add(from).add(count));
    if (!sizes) return sizes.error();
    std::size_t bytes = 0;
    int take = 0;
    while (take < sizes->rows() && (take == 0 || bytes < max_bytes)) {
      bytes += static_cast<std::size_t>(sizes->int64(take, 1));
      ++take;
    }
    if (take == 0) return {};
    const std::int64_t last = sizes->int64(take - 1, 0);
    auto rows = db.exec("SELECT seq, bytes FROM changesets WHERE unit = $1 AND seq > $2 AND seq <= $3 ORDER BY seq",
                        PgParams().add(ByteView(unit)).add(from).add(last));
    if (!rows) return rows.error();
    for (int i = 0; i < rows->rows(); ++i) {
      page.items.push_back({static_cast<std::uint64_t>(rows->int64(i, 0)), rows->blob(i, 1)});
    }
    return {};
  }();
  (void)db.exec("COMMIT");
  if (!result) return result.error();
  return page;
}

Result<crypto::Hash32> PgStorage::log_hash_at(const UnitId& unit, std::uint64_t seq) {
  if (seq == 0) return crypto::Hash32{};
  auto l = lease();
  if (!l) return l.error();
  auto r = l->db().exec("SELECT log_hash FROM changesets WHERE unit = $1 AND seq = $2",
                        PgParams().add(ByteView(unit)).add(static_cast<std::int64_t>(std::min<std::uint64_t>(seq, INT64_MAX))));
  if (!r) return r.error();
  if (r->rows() == 0) return make_error(Errc::not_found, "no change set with that number");
  return to_array<32>(r->blob(0, 0));
}

void PgStorage::set_commit_listener(CommitListener listener) {
  const std::lock_guard lock(listener_mutex_);
  listener_ = std::move(listener);
}

void PgStorage::push(const UnitId& unit, PushKind kind, StoredBytesCaps caps, std::vector<PushItem> items,
                     PushCallback done) {
  auto job = [this, unit, kind, caps, items = std::move(items), done](Result<PgConn*> conn) mutable {
    if (!conn) return done(conn.error());
    Result<PushResult> outcome = make_error(Errc::io_error, "push not applied");
    auto committed = transact(**conn, [&](PgConn& db) -> Result<bool> {
      outcome = pg_apply_push(db, unit, kind, caps, items);
      if (!outcome) return outcome.error();
      if (outcome->refusal) return false;
      std::uint64_t head = 0;
      for (const auto& a : outcome->acks) {
        if (!a.duplicate) head = std::max(head, a.seq);
      }
      // Sent at commit, to every process listening (their long-polls).
      if (head > 0) {
        auto n = db.exec("SELECT pg_notify($1, $2)",
                         PgParams().add(std::string_view(kChannel)).add(std::string_view(commit_payload(unit, head))));
        if (!n) return n.error();
      }
      return true;
    });
    if (!committed) return done(committed.error());
    if (!outcome->refusal && !outcome->acks.empty()) {
      std::uint64_t head = 0;
      for (const auto& a : outcome->acks) head = std::max(head, a.seq);
      tell_listener(unit, head);
    }
    done(std::move(outcome));
  };
  {
    const std::lock_guard lock(queue_mutex_);
    if (!stopping_) {
      queue_.push_back(std::move(job));
      wake_.notify_one();
      return;
    }
  }
  done(make_error(Errc::unavailable, "server is shutting down"));
}

}  // namespace varn::server
