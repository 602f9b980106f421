#include "varn/store/record_write.hpp"

#include "varn/model/change_set_codec.hpp"
#include "varn/store/local_store.hpp"

namespace varn::store {

Result<RecordWrite> RecordWrite::begin(LocalStore& store, model::HybridClock& clock, const crypto::DeviceId& me) {
  if (store.locked()) return make_error(Errc::locked, "the store is locked");
  Database& db = store.database();
  auto tx = db.begin();
  if (!tx) return tx.error();
  auto q = db.prepare("SELECT hlc_last FROM sync_state WHERE only = 1");
  if (!q) return q.error();
  auto row = q->step();
  if (!row) return row.error();
  if (*row) clock.observe(model::Hlc{q->uint64(0)});
  return RecordWrite(db, std::move(tx).value(), clock, me);
}

Result<void> RecordWrite::put(model::EntityKind kind, const model::EntityId& id, std::string_view field,
                              std::string value, std::optional<wire::ChangeSetClass> change_class) {
  model::Op op{kind, id, std::string(field), std::move(value), clock_->now(), me_};
  if (auto limits = model::check_op_limits(op); !limits) {
    return make_error(Errc::invalid_argument, std::string(field) + ": " + limits.error().message);
  }
  auto verdict = merger_.merge(op);
  if (!verdict) return verdict.error();
  if (*verdict == model::Verdict::withheld) {
    return make_error(Errc::invalid_argument, std::string(kNoAddressMessage));
  }
  if (*verdict == model::Verdict::conflict) {
    return make_error(Errc::conflict, kind == model::EntityKind::note ? std::string(kSignedNoteMessage)
                                                                      : std::string(kMetaFieldConflictReason));
  }
  return append_to_outbox(*db_, op, change_class, group_);
}

Result<void> RecordWrite::commit() {
  auto q = db_->prepare("UPDATE OR FAIL sync_state SET hlc_last = max(hlc_last, ?) WHERE only = 1");
  if (!q) return q.error();
  q->bind(1, static_cast<std::int64_t>(clock_->last().packed));
  if (auto r = q->run(); !r) return r;
  if (auto r = merger_.finish(); !r) return r;
  return tx_.commit();
}

Result<NoteState> note_state(Database& db, const model::EntityId& note) {
  auto q = db.prepare("SELECT is_signed, deleted, reviewed, author FROM note_index WHERE id = ?");
  if (!q) return q.error();
  q->bind(1, note);
  auto row = q->step();
  if (!row) return row.error();
  NoteState state;
  if (!*row) return state;
  state.exists = true;
  state.is_signed = q->int64(0) != 0;
  state.deleted = q->int64(1) != 0;
  state.reviewed = q->int64(2) != 0;
  state.author = q->array<16>(3);
  return state;
}

}  // namespace varn::store
