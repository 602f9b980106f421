#include "varn/server/sqlite_storage.hpp"

#include "varn/server/sqlite_schema.hpp"

namespace varn::server {

Result<std::unique_ptr<SqliteStorage>> SqliteStorage::open(const std::filesystem::path& file, bool durable) {
  auto db = SqliteDb::open(file, durable);
  if (!db) return db.error();
  if (auto schema = create_schema(**db); !schema) return schema.error();
  auto writer = std::make_unique<GroupCommitter>(std::move(db).value());
  return std::unique_ptr<SqliteStorage>(new SqliteStorage(file, durable, std::move(writer)));
}

SqliteStorage::~SqliteStorage() { close(); }

void SqliteStorage::close() {
  writer_->stop();
  const std::lock_guard lock(readers_mutex_);
  idle_readers_.clear();
}

Result<SqliteStorage::Reader> SqliteStorage::reader() {
  {
    const std::lock_guard lock(readers_mutex_);
    if (!idle_readers_.empty()) {
      auto db = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return Reader(*this, std::move(db));
    }
  }
  auto db = SqliteDb::open(file_, durable_);
  if (!db) return db.error();
  return Reader(*this, std::move(db).value());
}

Result<void> SqliteStorage::write(const std::function<Result<void>(SqliteDb&)>& apply) {
  Result<void> inner;
  auto committed = writer_->run([&](SqliteDb& db) {
    inner = apply(db);
    return inner.ok();
  });
  if (!committed) return committed.error();
  return inner;
}

Result<std::optional<UnitRecord>> load_unit(SqliteDb& db, const UnitId& unit) {
  // One row, one snapshot: head, log hash and registry belong together in a checkpoint.
  auto stmt = db.prepare(
      "SELECT current_epoch, head, log_hash, registry_length, registry_head, bytes FROM units WHERE id = ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, ByteView(unit));
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return std::optional<UnitRecord>{};
  UnitRecord u;
  u.id = unit;
  u.current_epoch = static_cast<std::uint32_t>(stmt->int64(0));
  u.head = static_cast<std::uint64_t>(stmt->int64(1));
  u.log_hash = to_array<32>(stmt->blob(2));
  u.registry_length = static_cast<std::uint64_t>(stmt->int64(3));
  u.registry_head = to_array<32>(stmt->blob(4));
  u.bytes = static_cast<std::uint64_t>(stmt->int64(5));
  return std::optional<UnitRecord>(u);
}

Result<std::optional<UnitRecord>> SqliteStorage::find_unit(const UnitId& unit) {
  auto r = reader();
  if (!r) return r.error();
  return load_unit(r->db(), unit);
}

Result<std::vector<UnitId>> SqliteStorage::all_units() {
  auto r = reader();
  if (!r) return r.error();
  auto stmt = r->db().prepare("SELECT id FROM units ORDER BY id");
  if (!stmt) return stmt.error();
  std::vector<UnitId> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back(to_array<16>(stmt->blob(0)));
  }
}

Result<PullPage> SqliteStorage::pull(const UnitId& unit, std::uint64_t after, std::size_t limit,
                                     std::size_t max_bytes) {
  auto r = reader();
  if (!r) return r.error();
  SqliteDb& db = r->db();
  // One read transaction: the head and the rows come from the same snapshot.
  if (auto b = db.exec("BEGIN"); !b) return b.error();
  PullPage page;
  auto result = [&]() -> Result<void> {
    auto u = load_unit(db, unit);
    if (!u) return u.error();
    if (!*u) return make_error(Errc::not_found, "unknown unit");
    page.unit = **u;
    auto stmt = db.prepare("SELECT seq, bytes FROM changesets WHERE unit = ? AND seq > ? ORDER BY seq LIMIT ?");
    if (!stmt) return stmt.error();
    stmt->bind(1, ByteView(unit)).bind(2, static_cast<std::int64_t>(after)).bind(3, static_cast<std::int64_t>(limit));
    std::size_t bytes = 0;
    while (page.items.empty() || bytes < max_bytes) {
      auto row = stmt->step();
      if (!row) return row.error();
      if (!*row) return {};
      page.items.push_back({static_cast<std::uint64_t>(stmt->int64(0)), stmt->blob(1)});
      bytes += page.items.back().envelope.size();
    }
    return {};
  }();
  (void)db.exec("COMMIT");
  if (!result) return result.error();
  return page;
}

Result<crypto::Hash32> SqliteStorage::log_hash_at(const UnitId& unit, std::uint64_t seq) {
  if (seq == 0) return crypto::Hash32{};
  auto r = reader();
  if (!r) return r.error();
  auto stmt = r->db().prepare("SELECT log_hash FROM changesets WHERE unit = ? AND seq = ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, ByteView(unit)).bind(2, static_cast<std::int64_t>(std::min<std::uint64_t>(seq, INT64_MAX)));
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return make_error(Errc::not_found, "no change set with that number");
  return to_array<32>(stmt->blob(0));
}

void SqliteStorage::set_commit_listener(CommitListener listener) {
  const std::lock_guard lock(listener_mutex_);
  listener_ = std::move(listener);
}

void SqliteStorage::push(const UnitId& unit, PushKind kind, StoredBytesCaps caps, std::vector<PushItem> items,
                         PushCallback done) {
  auto state = std::make_shared<Result<PushResult>>(make_error(Errc::io_error, "push not applied"));
  auto shared_items = std::make_shared<std::vector<PushItem>>(std::move(items));
  writer_->submit(
      [state, shared_items, unit, kind, caps](SqliteDb& db) {
        *state = apply_push(db, unit, kind, caps, *shared_items);
        return state->ok() && !(*state)->refusal;
      },
      [this, state, unit, done = std::move(done)](Result<void> committed) {
        if (!committed) return done(committed.error());
        if (state->ok() && !(*state)->refusal && !(*state)->acks.empty()) {
          std::uint64_t head = 0;
          for (const auto& a : (*state)->acks) head = std::max(head, a.seq);
          CommitListener listener;
          {
            const std::lock_guard lock(listener_mutex_);
            listener = listener_;
          }
          if (listener) listener(unit, head);
        }
        done(std::move(*state));
      });
}

}  // namespace varn::server
