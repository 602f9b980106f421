// The persisted clock and the canonical digest of the merge state.
#include "varn/store/database.hpp"
#include "varn/store/local_store.hpp"

namespace varn::store {
namespace {

constexpr std::string_view kStateLabel = "varn.store.state.v1";

// Appends every row of `sql` (columns: int, blob or text) length-prefixed.
Result<void> append_rows(Database& db, const char* sql, int columns, Bytes& out) {
  auto q = db.prepare(sql);
  if (!q) return q.error();
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) break;
    for (int c = 0; c < columns; ++c) {
      const ByteView v = q->blob_view(c);  // integers come back as their decimal text
      put_u32(out, static_cast<std::uint32_t>(v.size()));
      put_bytes(out, v);
    }
  }
  out.push_back(0xff);  // ends the section
  return {};
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
  Bytes canonical;
  // A signed note is its snapshot and its conflicts; its field winners depend
  // on arrival order and are not state.
  for (const auto& [sql, columns] : std::initializer_list<std::pair<const char*, int>>{
           {"SELECT kind, id, field, value, hlc, device FROM field_value "
            "WHERE NOT (kind = 4 AND id IN (SELECT note FROM note_sign)) ORDER BY kind, id, field",
            6},
           {"SELECT note, value, hlc, device FROM note_sign ORDER BY note", 4},
           {"SELECT kind, id, field, value, hlc, device FROM conflict WHERE op_hash IS NOT NULL ORDER BY op_hash",
            6}}) {
    if (auto r = append_rows(*db_, sql, columns, canonical); !r) return r.error();
  }
  return crypto::labelled_hash(kStateLabel, {canonical});
}

}  // namespace varn::store

