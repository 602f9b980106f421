// The SQLite rows of a push (push_rules.hpp decides), run inside the
// writer's transaction with statements prepared once per push.
#include "varn/server/push_rules.hpp"
#include "varn/server/sqlite_storage.hpp"

namespace varn::server {
namespace {

class SqlitePushRows final : public PushRows {
 public:
  SqlitePushRows(SqliteDb& db, const UnitId& unit, SqliteStmt find, SqliteStmt head, SqliteStmt floor,
                 SqliteStmt insert, SqliteStmt set_head)
      : db_(db), unit_(unit), find_(std::move(find)), head_(std::move(head)), floor_(std::move(floor)),
        insert_(std::move(insert)), set_head_(std::move(set_head)) {}

  static Result<SqlitePushRows> prepare(SqliteDb& db, const UnitId& unit) {
    auto find = db.prepare("SELECT seq, hash FROM changesets WHERE id = ?");
    auto head = db.prepare("SELECT seq, hash, registry_seen, bytes FROM author_heads WHERE unit = ? AND device = ?");
    auto floor = db.prepare("SELECT head_seq FROM authority_floors WHERE unit = ? AND device = ? AND idx = ?");
    auto insert = db.prepare(
        "INSERT INTO changesets (unit, seq, id, author, author_seq, hash, log_hash, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    auto set_head = db.prepare(
        "INSERT OR REPLACE INTO author_heads (unit, device, seq, hash, registry_seen, bytes) VALUES (?, ?, ?, ?, ?, ?)");
    if (!find) return find.error();
    if (!head) return head.error();
    if (!floor) return floor.error();
    if (!insert) return insert.error();
    if (!set_head) return set_head.error();
    return SqlitePushRows(db, unit, std::move(find).value(), std::move(head).value(), std::move(floor).value(),
                          std::move(insert).value(), std::move(set_head).value());
  }

  Result<std::optional<StoredChangeSet>> find(const ChangeSetId& id) override {
    find_.reset();
    find_.bind(1, ByteView(id));
    auto row = find_.step();
    if (!row) return row.error();
    if (!*row) return std::optional<StoredChangeSet>{};
    return std::optional<StoredChangeSet>(StoredChangeSet{static_cast<std::uint64_t>(find_.int64(0)), find_.blob(1)});
  }

  Result<AuthorHead> author_head(const DeviceId& author) override {
    head_.reset();
    head_.bind(1, ByteView(unit_)).bind(2, ByteView(author));
    auto row = head_.step();
    if (!row) return row.error();
    AuthorHead head;
    if (*row) {
      head.seq = static_cast<std::uint64_t>(head_.int64(0));
      head.hash = head_.blob(1);
      head.registry_seen = static_cast<std::uint64_t>(head_.int64(2));
      head.bytes = static_cast<std::uint64_t>(head_.int64(3));
    }
    return head;
  }

  Result<std::optional<std::uint64_t>> floor(const DeviceId& author, std::uint64_t index) override {
    floor_.reset();
    floor_.bind(1, ByteView(unit_)).bind(2, ByteView(author)).bind(3, static_cast<std::int64_t>(index));
    auto row = floor_.step();
    if (!row) return row.error();
    if (!*row) return std::optional<std::uint64_t>{};
    return std::optional<std::uint64_t>(static_cast<std::uint64_t>(floor_.int64(0)));
  }

  Result<void> insert(std::uint64_t seq, const PushItem& item, const crypto::Hash32& log_hash) override {
    const auto& h = item.header;
    insert_.reset();
    insert_.bind(1, ByteView(unit_))
        .bind(2, static_cast<std::int64_t>(seq))
        .bind(3, ByteView(h.id))
        .bind(4, ByteView(h.author))
        .bind(5, static_cast<std::int64_t>(h.seq))
        .bind(6, ByteView(item.hash))
        .bind(7, ByteView(log_hash))
        .bind(8, ByteView(item.bytes));
    return insert_.run();
  }

  Result<void> set_author_head(const PushItem& item, std::uint64_t author_bytes) override {
    const auto& h = item.header;
    set_head_.reset();
    set_head_.bind(1, ByteView(unit_)).bind(2, ByteView(h.author)).bind(3, static_cast<std::int64_t>(h.seq));
    set_head_.bind(4, ByteView(item.hash)).bind(5, static_cast<std::int64_t>(h.registry_seen));
    set_head_.bind(6, static_cast<std::int64_t>(author_bytes));
    return set_head_.run();
  }

  Result<void> set_unit(std::uint64_t head, const crypto::Hash32& log_hash, std::uint64_t bytes) override {
    auto set = db_.prepare("UPDATE units SET head = ?, log_hash = ?, bytes = ? WHERE id = ?");
    if (!set) return set.error();
    set->bind(1, static_cast<std::int64_t>(head)).bind(2, ByteView(log_hash));
    set->bind(3, static_cast<std::int64_t>(bytes)).bind(4, ByteView(unit_));
    return set->run();
  }

 private:
  SqliteDb& db_;
  UnitId unit_;
  SqliteStmt find_, head_, floor_, insert_, set_head_;
};

}  // namespace

Result<PushResult> apply_push(SqliteDb& db, const UnitId& unit, PushKind kind, StoredBytesCaps caps,
                              const std::vector<PushItem>& items) {
  auto unit_row = load_unit(db, unit);
  if (!unit_row) return unit_row.error();
  if (!*unit_row) return refuse_unknown_unit();
  auto rows = SqlitePushRows::prepare(db, unit);
  if (!rows) return rows.error();
  return decide_push(*rows, **unit_row, kind, caps, items);
}

}  // namespace varn::server
