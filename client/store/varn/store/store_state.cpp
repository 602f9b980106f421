// The persisted clock and the canonical digest of the merge state.
#include <algorithm>
#include <tuple>

#include "varn/model/change_set_codec.hpp"
#include "varn/store/database.hpp"
#include "varn/store/local_store.hpp"

namespace varn::store {
namespace {

// Byte for byte the canonical form of model::ReferenceReplica::state_hash, so
// the convergence tests can compare a store with the reference directly.
constexpr std::string_view kStateLabel = "varn.model.state.v1";

Result<std::vector<model::Op>> load_ops(Database& db, const char* sql) {
  auto q = db.prepare(sql);
  if (!q) return q.error();
  std::vector<model::Op> out;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back(model::Op{static_cast<model::EntityKind>(q->int64(0)), q->array<16>(1), q->text(2), q->text(3),
                            model::Hlc{q->uint64(4)}, q->array<16>(5)});
  }
}

void put_section(Bytes& canon, const std::vector<model::Op>& ops) {
  put_u32(canon, static_cast<std::uint32_t>(ops.size()));
  for (const auto& op : ops) put_bytes(canon, model::encode_ops({op}));
}

}  // namespace

Result<model::Hlc> LocalStore::last_hlc() {
  if (locked()) return make_error(Errc::locked, "the store is locked");
  auto q = db_->prepare("SELECT hlc_last FROM sync_state WHERE only = 1");
  if (!q) return q.error();
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return make_error(Errc::corrupt, "sync state row is missing");
  return model::Hlc{q->uint64(0)};
}

Result<crypto::Hash32> LocalStore::state_digest() {
  if (locked()) return make_error(Errc::locked, "the store is locked");
  // A signed note is its snapshot and its conflicts; its field winners depend
  // on arrival order and are not state.
  auto winners = load_ops(*db_,
                          "SELECT kind, id, field, value, hlc, device FROM field_value "
                          "WHERE NOT (kind = 4 AND id IN (SELECT note FROM note_sign))");
  auto signs = load_ops(*db_, "SELECT 4, note, '_signed', value, hlc, device FROM note_sign");
  auto conflicts = load_ops(*db_,
                            "SELECT kind, id, field, value, hlc, device FROM conflict WHERE op_hash IS NOT NULL");
  if (!winners) return winners.error();
  if (!signs) return signs.error();
  if (!conflicts) return conflicts.error();
  std::sort(winners->begin(), winners->end(), [](const model::Op& a, const model::Op& b) {
    return std::tie(a.kind, a.id, a.field) < std::tie(b.kind, b.id, b.field);
  });
  std::sort(signs->begin(), signs->end(), [](const model::Op& a, const model::Op& b) { return a.id < b.id; });
  std::sort(conflicts->begin(), conflicts->end(), model::op_less);
  Bytes canon;
  put_section(canon, *winners);
  put_section(canon, *signs);
  put_section(canon, *conflicts);
  return crypto::labelled_hash(kStateLabel, {canon});
}

}  // namespace varn::store
