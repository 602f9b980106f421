#include "varn/store/merge_writer.hpp"

#include <array>
#include <vector>

#include "varn/model/change_set_codec.hpp"
#include "varn/model/domain.hpp"
#include "varn/model/reference_replica.hpp"
#include "varn/store/database.hpp"

namespace varn::store {
namespace {

constexpr std::string_view kOpDigestLabel = "varn.store.op.v1";
constexpr std::array<std::string_view, 5> kRefFields = {"person", "case", "visit", "note", "child"};

std::int64_t to_sql(model::Hlc hlc) { return static_cast<std::int64_t>(hlc.packed); }
model::Hlc hlc_of(const Statement& row, int column) { return model::Hlc{row.uint64(column)}; }
std::int64_t kind_sql(model::EntityKind kind) { return static_cast<std::int64_t>(kind); }

void bind_ref(Statement& q, int index, const model::Op& op) {
  if (auto target = ref_target(op.field, op.value)) {
    q.bind(index, *target);
  } else {
    q.bind_null(index);
  }
}

}  // namespace

crypto::Hash32 op_digest(const model::Op& op) {
  // Length-prefixed so that no two different ops share an encoding.
  Bytes head;
  head.push_back(static_cast<std::uint8_t>(op.kind));
  put_u64(head, op.hlc.packed);
  put_u32(head, static_cast<std::uint32_t>(op.field.size()));
  put_u32(head, static_cast<std::uint32_t>(op.value.size()));
  return crypto::labelled_hash(kOpDigestLabel, {head, op.id, op.device, as_bytes(op.field), as_bytes(op.value)});
}

std::optional<model::EntityId> ref_target(std::string_view field, std::string_view value) {
  for (auto f : kRefFields) {
    if (f == field) return array_from_hex<16>(value);
  }
  return std::nullopt;
}

Result<std::optional<model::Op>> load_note_sign(Database& db, const model::EntityId& note) {
  auto q = db.prepare("SELECT value, hlc, device FROM note_sign WHERE note = ?");
  if (!q) return q.error();
  q->bind(1, note);
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return std::optional<model::Op>{};
  model::Op sign{model::EntityKind::note, note, std::string(model::fields::kSigned), q->text(0), hlc_of(*q, 1),
                 q->array<16>(2)};
  return std::optional<model::Op>(std::move(sign));
}

Result<void> append_to_outbox(Database& db, const model::Op& op, std::optional<wire::ChangeSetClass> change_class,
                              std::optional<std::uint64_t> write_group) {
  auto q = db.prepare("INSERT INTO outbox(op, class, write_group) VALUES(?, ?, ?)");
  if (!q) return q.error();
  q->bind(1, model::encode_ops({op})).bind(2, static_cast<std::int64_t>(change_class.value_or(model::class_for(op))));
  if (write_group) {
    q->bind(3, static_cast<std::int64_t>(*write_group));
  } else {
    q->bind_null(3);
  }
  return q->run();
}

Result<std::optional<model::Op>> Merger::field_winner(const model::Op& op) {
  auto q = db_.prepare("SELECT value, hlc, device FROM field_value WHERE kind = ? AND id = ? AND field = ?");
  if (!q) return q.error();
  q->bind(1, kind_sql(op.kind)).bind(2, op.id).bind(3, op.field);
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return std::optional<model::Op>{};
  return std::optional<model::Op>(model::Op{op.kind, op.id, op.field, q->text(0), hlc_of(*q, 1), q->array<16>(2)});
}

Result<bool> Merger::field_untouched(const model::Op& op) {
  const EntityKey key{op.kind, op.id};
  if (auto it = entities_.find(key); it != entities_.end()) {
    if (!it->second) return false;
    if (!it->second->contains(op.field)) return true;
    it->second.reset();  // a second op on a field: the tables decide from here on
    return false;
  }
  auto q = db_.prepare(
      "SELECT EXISTS(SELECT 1 FROM field_value WHERE kind = ?1 AND id = ?2) "
      "OR EXISTS(SELECT 1 FROM op_log WHERE kind = ?1 AND id = ?2)");
  if (!q) return q.error();
  q->bind(1, kind_sql(op.kind)).bind(2, op.id);
  auto row = q->step();
  if (!row) return row.error();
  const bool is_new = *row && q->int64(0) == 0;
  entities_.emplace(key, is_new ? std::optional<FieldSet>(FieldSet{}) : std::nullopt);
  return is_new;
}

void Merger::note_merged(const model::Op& op, bool logged) {
  auto it = entities_.find(EntityKey{op.kind, op.id});
  if (it == entities_.end() || !it->second) return;
  if (logged) {
    it->second.reset();  // it has a logged op (or a sign) now
  } else {
    it->second->insert(op.field);
  }
}

bool Merger::is_new_entity(model::EntityKind kind, const model::EntityId& id) const {
  auto it = entities_.find(EntityKey{kind, id});
  return it != entities_.end() && it->second.has_value();
}

Result<std::optional<model::TargetState>> Merger::read_target(const model::Op& op, const crypto::Hash32& hash) {
  auto seen = db_.prepare("SELECT 1 FROM op_log WHERE kind = ? AND id = ? AND field = ? AND hash = ?");
  if (!seen) return seen.error();
  seen->bind(1, kind_sql(op.kind)).bind(2, op.id).bind(3, op.field).bind(4, hash);
  auto row = seen->step();
  if (!row) return row.error();
  if (*row) return std::optional<model::TargetState>{};  // logged before: a duplicate
  model::TargetState target;
  auto winner = field_winner(op);
  if (!winner) return winner.error();
  target.field_winner = std::move(winner).value();
  if (op.kind == model::EntityKind::note) {
    auto sign = load_note_sign(db_, op.id);
    if (!sign) return sign.error();
    target.note_sign = std::move(sign).value();
  }
  return std::optional<model::TargetState>(std::move(target));
}

Result<model::Verdict> Merger::merge(const model::Op& op) {
  if (model::is_person_address(op)) {
    auto withheld = address_withheld(op.id);
    if (!withheld) return withheld.error();
    if (*withheld) return model::Verdict::withheld;
  }
  auto verdict = merge_field(op);
  if (verdict && *verdict != model::Verdict::duplicate && model::withholds_address(op)) {
    if (auto r = remove_address(op.id); !r) return r.error();
  }
  return verdict;
}

// Any op giving the person skyddad folkbokföring, winner or not (merge.hpp).
Result<bool> Merger::address_withheld(const model::EntityId& person) {
  auto q = db_.prepare(
      "SELECT 1 FROM field_value WHERE kind = ?1 AND id = ?2 AND field = ?3 AND value = ?4 "
      "UNION ALL SELECT 1 FROM op_log WHERE kind = ?1 AND id = ?2 AND field = ?3 AND value = ?4 LIMIT 1");
  if (!q) return q.error();
  q->bind(1, kind_sql(model::EntityKind::person)).bind(2, person).bind(3, model::domain::kPersonProtection);
  q->bind(4, model::domain::kProtectedRegistration);
  return q->step();
}

// The address leaves the merge tables and any op not yet sealed for the
// server; a change set already sealed or received keeps its ciphertext.
Result<void> Merger::remove_address(const model::EntityId& person) {
  for (const char* sql : {"DELETE FROM field_value WHERE kind = ? AND id = ? AND field = ?",
                          "DELETE FROM op_log WHERE kind = ? AND id = ? AND field = ?"}) {
    auto q = db_.prepare(sql);
    if (!q) return q.error();
    q->bind(1, kind_sql(model::EntityKind::person)).bind(2, person).bind(3, model::domain::kPersonAddress);
    if (auto r = q->run(); !r) return r;
  }
  std::vector<std::int64_t> unsent;
  {
    auto q = db_.prepare("SELECT op_id, op FROM outbox WHERE sealed_changeset IS NULL");
    if (!q) return q.error();
    for (;;) {
      auto row = q->step();
      if (!row) return row.error();
      if (!*row) break;
      auto ops = model::decode_ops(q->blob(1));
      if (!ops) return ops.error();
      for (const auto& o : *ops) {
        if (model::is_person_address(o) && o.id == person) unsent.push_back(q->int64(0));
      }
    }
  }
  for (const auto op_id : unsent) {
    auto q = db_.prepare("DELETE FROM outbox WHERE op_id = ?");
    if (!q) return q.error();
    q->bind(1, op_id);
    if (auto r = q->run(); !r) return r;
  }
  return {};
}

Result<model::Verdict> Merger::merge_field(const model::Op& op) {
  auto untouched = field_untouched(op);
  if (!untouched) return untouched.error();
  // The digest names the op in op_log; the winner of an untouched field,
  // most ops of a new page, never needs it.
  std::optional<crypto::Hash32> digest;
  const auto hash = [&]() -> const crypto::Hash32& {
    if (!digest) digest = op_digest(op);
    return *digest;
  };
  model::TargetState target;  // empty for an untouched field
  if (!*untouched) {
    auto read = read_target(op, hash());
    if (!read) return read.error();
    if (!*read) return model::Verdict::duplicate;
    target = std::move(**read);
  }
  const model::Verdict verdict = model::decide(op, target);
  if (verdict == model::Verdict::duplicate) return verdict;

  const bool is_sign = op.kind == model::EntityKind::note && op.field == model::fields::kSigned;
  // The op that takes its field lives in field_value alone (schema v3).
  const bool logged = verdict != model::Verdict::apply || is_sign;
  if (logged) {
    if (auto r = log_op(op, hash(), verdict); !r) return r.error();
  }

  Result<void> written;
  if (verdict == model::Verdict::apply) {
    written = is_sign ? apply_sign(op, hash()) : write_winner(op, target.field_winner);
  } else if (verdict == model::Verdict::conflict) {
    written = record_conflict(op, hash());
  }
  if (!written) return written.error();
  note_merged(op, logged);

  if (op.kind == model::EntityKind::note) touched_notes_.insert(op.id);
  if (op.kind == model::EntityKind::review && op.field == model::domain::kReviewNote) {
    if (auto note = ref_target(op.field, op.value)) touched_notes_.insert(*note);
  }
  return verdict;
}

Result<void> Merger::log_op(const model::Op& op, const crypto::Hash32& hash, model::Verdict verdict) {
  // OR IGNORE: a store migrated from v2 may hold a displaced winner already.
  auto log = db_.prepare(
      "INSERT OR IGNORE INTO op_log(hash, kind, id, field, value, hlc, device, verdict) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
  if (!log) return log.error();
  log->bind(1, hash).bind(2, kind_sql(op.kind)).bind(3, op.id).bind(4, op.field).bind(5, op.value);
  log->bind(6, to_sql(op.hlc)).bind(7, op.device).bind(8, static_cast<std::int64_t>(verdict));
  return log->run();
}

// field_winner() has just read the row: one statement, no probe. The op it
// displaces goes to op_log, as a conflict if a sign made it one.
Result<void> Merger::write_winner(const model::Op& op, const std::optional<model::Op>& displaced) {
  if (displaced) {
    const auto hash = op_digest(*displaced);
    auto conflicted = db_.prepare("SELECT 1 FROM conflict WHERE op_hash = ?");
    if (!conflicted) return conflicted.error();
    conflicted->bind(1, hash);
    auto row = conflicted->step();
    if (!row) return row.error();
    if (auto r = log_op(*displaced, hash, *row ? model::Verdict::conflict : model::Verdict::apply); !r) return r;
    if (me_ && displaced->device == *me_ && op.device != *me_) {
      // Not merge state (no op_hash): what this device's person is told.
      auto notice = db_.prepare(
          "INSERT INTO conflict(op_hash, kind, id, field, value, hlc, device, reason) VALUES(NULL, ?, ?, ?, ?, ?, ?, ?)");
      if (!notice) return notice.error();
      notice->bind(1, kind_sql(op.kind)).bind(2, op.id).bind(3, op.field).bind(4, displaced->value);
      notice->bind(5, to_sql(op.hlc)).bind(6, op.device).bind(7, kDisplacedOwnEditReason);
      if (auto r = notice->run(); !r) return r;
    }
  }
  // OR FAIL: no statement journal (merge_writer.hpp).
  auto q = db_.prepare(displaced ? "UPDATE OR FAIL field_value SET value = ?4, hlc = ?5, device = ?6, ref = ?7 "
                                   "WHERE kind = ?1 AND id = ?2 AND field = ?3"
                                 : "INSERT OR FAIL INTO field_value(kind, id, field, value, hlc, device, ref) "
                                   "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!q) return q.error();
  q->bind(1, kind_sql(op.kind)).bind(2, op.id).bind(3, op.field).bind(4, op.value).bind(5, to_sql(op.hlc));
  q->bind(6, op.device);
  bind_ref(*q, 7, op);
  return q->run();
}

Result<void> Merger::record_conflict(const model::Op& op, const crypto::Hash32& hash) {
  auto q = db_.prepare(
      "INSERT OR IGNORE INTO conflict(op_hash, kind, id, field, value, hlc, device, reason) "
      "VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
  if (!q) return q.error();
  q->bind(1, hash).bind(2, kind_sql(op.kind)).bind(3, op.id).bind(4, op.field).bind(5, op.value);
  q->bind(6, to_sql(op.hlc)).bind(7, op.device);
  q->bind(8, op.kind == model::EntityKind::note ? kSignedConflictReason : kMetaFieldConflictReason);
  return q->run();
}

Result<void> Merger::apply_sign(const model::Op& sign, const crypto::Hash32& sign_hash) {
  auto update = db_.prepare("UPDATE OR FAIL note_sign SET value = ?, hlc = ?, device = ? WHERE note = ?");
  if (!update) return update.error();
  update->bind(1, sign.value).bind(2, to_sql(sign.hlc)).bind(3, sign.device).bind(4, sign.id);
  if (auto r = update->run(); !r) return r;
  if (db_.changes() == 0) {
    auto insert = db_.prepare("INSERT OR FAIL INTO note_sign(note, value, hlc, device) VALUES(?, ?, ?, ?)");
    if (!insert) return insert.error();
    insert->bind(1, sign.id).bind(2, sign.value).bind(3, to_sql(sign.hlc)).bind(4, sign.device);
    if (auto r = insert->run(); !r) return r;
  }

  // Ops logged before this sign arrived that it now orders before (including an
  // earlier-arrived later sign) become conflicts, whatever the arrival order was.
  std::vector<std::pair<crypto::Hash32, model::Op>> now_conflicting;
  {
    // The ops logged, and the field winners (in field_value alone; a v2 store
    // may hold one in both, and record_conflict ignores the repeat).
    auto logged = db_.prepare(
        "SELECT field, value, hlc, device FROM op_log WHERE kind = ?1 AND id = ?2 AND verdict IN (?3, ?4) "
        "UNION ALL SELECT field, value, hlc, device FROM field_value WHERE kind = ?1 AND id = ?2");
    if (!logged) return logged.error();
    logged->bind(1, kind_sql(model::EntityKind::note)).bind(2, sign.id);
    logged->bind(3, static_cast<std::int64_t>(model::Verdict::apply));
    logged->bind(4, static_cast<std::int64_t>(model::Verdict::superseded));
    for (;;) {
      auto row = logged->step();
      if (!row) return row.error();
      if (!*row) break;
      model::Op op{model::EntityKind::note, sign.id, logged->text(0), logged->text(1), hlc_of(*logged, 2),
                   logged->array<16>(3)};
      const auto hash = op_digest(op);
      if (hash == sign_hash) continue;
      if (model::conflicts_with_sign(op, sign)) now_conflicting.emplace_back(hash, std::move(op));
    }
  }
  for (const auto& [hash, op] : now_conflicting) {
    if (auto r = record_conflict(op, hash); !r) return r;
    auto mark = db_.prepare("UPDATE OR FAIL op_log SET verdict = ? WHERE kind = ? AND id = ? AND field = ? AND hash = ?");
    if (!mark) return mark.error();
    mark->bind(1, static_cast<std::int64_t>(model::Verdict::conflict)).bind(2, kind_sql(op.kind)).bind(3, op.id);
    mark->bind(4, op.field).bind(5, hash);
    if (auto r = mark->run(); !r) return r;
  }
  return {};
}

Result<void> Merger::finish() {
  for (const auto& note : touched_notes_) {
    if (auto r = refresh_note(note); !r) return r;
  }
  touched_notes_.clear();
  return {};
}

}  // namespace varn::store
