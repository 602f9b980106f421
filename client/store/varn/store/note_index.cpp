// The listing row of a note (note_index), derived from the merge tables after
// every merge that touches the note or a review of it.
#include "varn/model/domain.hpp"
#include "varn/model/reference_replica.hpp"
#include "varn/store/database.hpp"
#include "varn/store/merge_writer.hpp"
#include "varn/store/queries.hpp"

namespace varn::store {
namespace {

constexpr auto kNote = static_cast<std::int64_t>(model::EntityKind::note);

// The author and writing time: the earliest _created op, else the earliest op.
// Read from every op ever merged (op_log and the field winners), so arrival
// order cannot change it.
Result<std::optional<std::pair<std::int64_t, Bytes>>> first_op(Database& db, const model::EntityId& note) {
  for (const char* sql : {"SELECT hlc, device FROM op_log WHERE kind = ?1 AND id = ?2 AND field = '_created' "
                          "UNION ALL SELECT hlc, device FROM field_value WHERE kind = ?1 AND id = ?2 "
                          "AND field = '_created' ORDER BY hlc, device LIMIT 1",
                          "SELECT hlc, device FROM op_log WHERE kind = ?1 AND id = ?2 "
                          "UNION ALL SELECT hlc, device FROM field_value WHERE kind = ?1 AND id = ?2 "
                          "ORDER BY hlc, device LIMIT 1"}) {
    auto q = db.prepare(sql);
    if (!q) return q.error();
    q->bind(1, kNote).bind(2, note);
    auto row = q->step();
    if (!row) return row.error();
    if (*row) return std::optional<std::pair<std::int64_t, Bytes>>(std::pair(q->int64(0), q->blob(1)));
  }
  return std::optional<std::pair<std::int64_t, Bytes>>{};
}

void bind_ref(Statement& q, int index, const std::optional<std::string>& hex) {
  auto id = hex ? array_from_hex<16>(*hex) : std::nullopt;
  if (id) {
    q.bind(index, *id);
  } else {
    q.bind_null(index);
  }
}

}  // namespace

Result<void> Merger::refresh_note(const model::EntityId& note) {
  auto first = first_op(db_, note);
  if (!first) return first.error();
  if (!*first) return {};  // a review of a note this device has not seen yet
  auto sign = load_note_sign(db_, note);
  if (!sign) return sign.error();
  std::optional<std::string> case_hex, visit_hex, deleted;
  if (*sign) {
    case_hex = model::snapshot_field((*sign)->value, model::domain::kNoteCase);
    visit_hex = model::snapshot_field((*sign)->value, model::domain::kNoteVisit);
  } else {
    auto q = db_.prepare("SELECT field, value FROM field_value WHERE kind = ?1 AND id = ?2 AND field IN (?3, ?4, ?5)");
    if (!q) return q.error();
    q->bind(1, kNote).bind(2, note).bind(3, model::domain::kNoteCase).bind(4, model::domain::kNoteVisit);
    q->bind(5, model::fields::kDeleted);
    for (;;) {
      auto row = q->step();
      if (!row) return row.error();
      if (!*row) break;
      const auto field = q->text(0);
      auto& slot = field == model::domain::kNoteCase ? case_hex : field == model::domain::kNoteVisit ? visit_hex : deleted;
      slot = q->text(1);
    }
  }
  auto reviews = referring(db_, model::EntityKind::review, model::domain::kReviewNote, note);
  if (!reviews) return reviews.error();

  // INSERT, else UPDATE (most notes are new when a page lands), OR IGNORE /
  // OR FAIL: no statement journal (merge_writer.hpp).
  for (const char* sql : {"INSERT OR IGNORE INTO note_index(id, case_id, visit_id, author, written_hlc, is_signed, "
                          "deleted, reviewed) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                          "UPDATE OR FAIL note_index SET case_id = ?2, visit_id = ?3, author = ?4, written_hlc = ?5, "
                          "is_signed = ?6, deleted = ?7, reviewed = ?8 WHERE id = ?1"}) {
    auto q = db_.prepare(sql);
    if (!q) return q.error();
    q->bind(1, note);
    bind_ref(*q, 2, case_hex);
    bind_ref(*q, 3, visit_hex);
    q->bind(4, (*first)->second).bind(5, (*first)->first);
    q->bind(6, std::int64_t{*sign ? 1 : 0}).bind(7, std::int64_t{deleted == "1" ? 1 : 0});
    q->bind(8, std::int64_t{reviews->empty() ? 0 : 1});
    if (auto r = q->run(); !r) return r;
    if (db_.changes() != 0) return {};
  }
  return make_error(Errc::corrupt, "the note listing row could not be written");
}

}  // namespace varn::store
