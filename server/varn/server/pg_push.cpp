// The PostgreSQL rows of a push (push_rules.hpp decides), run inside one
// transaction that first locks the unit's row: every other push to the unit,
// on any process, waits for that lock, so sequence numbers are assigned and
// committed in order and no reader's snapshot holds n+1 without n.
#include <algorithm>
#include <cstdint>

#include "varn/server/pg_storage.hpp"
#include "varn/server/push_rules.hpp"

namespace varn::server {
namespace {

class PgPushRows final : public PushRows {
 public:
  PgPushRows(PgConn& db, const UnitId& unit) : db_(db), unit_(unit) {}

  Result<std::optional<StoredChangeSet>> find(const ChangeSetId& id) override {
    auto r = db_.exec("SELECT seq, hash FROM changesets WHERE id = $1", PgParams().add(ByteView(id)));
    if (!r) return r.error();
    if (r->rows() == 0) return std::optional<StoredChangeSet>{};
    return std::optional<StoredChangeSet>(StoredChangeSet{static_cast<std::uint64_t>(r->int64(0, 0)), r->blob(0, 1)});
  }

  Result<AuthorHead> author_head(const DeviceId& author) override {
    auto r = db_.exec("SELECT seq, hash, registry_seen, bytes FROM author_heads WHERE unit = $1 AND device = $2",
                      PgParams().add(ByteView(unit_)).add(ByteView(author)));
    if (!r) return r.error();
    AuthorHead head;
    if (r->rows() > 0) {
      head.seq = static_cast<std::uint64_t>(r->int64(0, 0));
      head.hash = r->blob(0, 1);
      head.registry_seen = static_cast<std::uint64_t>(r->int64(0, 2));
      head.bytes = static_cast<std::uint64_t>(r->int64(0, 3));
    }
    return head;
  }

  Result<std::optional<std::uint64_t>> floor(const DeviceId& author, std::uint64_t index) override {
    auto r = db_.exec("SELECT head_seq FROM authority_floors WHERE unit = $1 AND device = $2 AND idx = $3",
                      PgParams()
                          .add(ByteView(unit_))
                          .add(ByteView(author))
                          .add(static_cast<std::int64_t>(std::min<std::uint64_t>(index, INT64_MAX))));
    if (!r) return r.error();
    if (r->rows() == 0) return std::optional<std::uint64_t>{};
    return std::optional<std::uint64_t>(static_cast<std::uint64_t>(r->int64(0, 0)));
  }

  Result<void> insert(std::uint64_t seq, const PushItem& item, const crypto::Hash32& log_hash) override {
    const auto& h = item.header;
    auto r = db_.exec(
        "INSERT INTO changesets (unit, seq, id, author, author_seq, hash, log_hash, bytes) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        PgParams()
            .add(ByteView(unit_))
            .add(static_cast<std::int64_t>(seq))
            .add(ByteView(h.id))
            .add(ByteView(h.author))
            .add(static_cast<std::int64_t>(h.seq))
            .add(ByteView(item.hash))
            .add(ByteView(log_hash))
            .add(ByteView(item.bytes)));
    if (!r) return r.error();
    return {};
  }

  Result<void> set_author_head(const PushItem& item, std::uint64_t author_bytes) override {
    const auto& h = item.header;
    auto r = db_.exec(
        "INSERT INTO author_heads (unit, device, seq, hash, registry_seen, bytes) VALUES ($1, $2, $3, $4, $5, $6) "
        "ON CONFLICT (unit, device) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, "
        "registry_seen = excluded.registry_seen, bytes = excluded.bytes",
        PgParams()
            .add(ByteView(unit_))
            .add(ByteView(h.author))
            .add(static_cast<std::int64_t>(h.seq))
            .add(ByteView(item.hash))
            .add(static_cast<std::int64_t>(h.registry_seen))
            .add(static_cast<std::int64_t>(author_bytes)));
    if (!r) return r.error();
    return {};
  }

  Result<void> set_unit(std::uint64_t head, const crypto::Hash32& log_hash, std::uint64_t bytes) override {
    auto r = db_.exec("UPDATE units SET head = $1, log_hash = $2, bytes = $3 WHERE id = $4",
                      PgParams()
                          .add(static_cast<std::int64_t>(head))
                          .add(ByteView(log_hash))
                          .add(static_cast<std::int64_t>(bytes))
                          .add(ByteView(unit_)));
    if (!r) return r.error();
    return {};
  }

 private:
  PgConn& db_;
  UnitId unit_;
};

}  // namespace

Result<PushResult> pg_apply_push(PgConn& db, const UnitId& unit, PushKind kind, StoredBytesCaps caps,
                                 const std::vector<PushItem>& items) {
  auto unit_row = pg_load_unit(db, unit, true);
  if (!unit_row) return unit_row.error();
  if (!*unit_row) return refuse_unknown_unit();
  PgPushRows rows(db, unit);
  return decide_push(rows, **unit_row, kind, caps, items);
}

}  // namespace varn::server
