// The listing row of a note (note_index), derived from the merge tables after
// every merge that touches the note or a review of it.
#include "varn/model/domain.hpp"
#include "varn/model/merge.hpp"
#include "varn/model/reference_replica.hpp"
#include "varn/store/database.hpp"
#include "varn/store/merge_writer.hpp"
#include "varn/store/queries.hpp"

namespace varn::store {
namespace {

constexpr auto kNote = static_cast<std::int64_t>(model::EntityKind::note);

// When and by whom an op was written, ordered as SQL orders (hlc, device).
struct Stamp {
  std::int64_t hlc = 0;
  Bytes device;
  friend auto operator<=>(const Stamp&, const Stamp&) = default;
};

// What a note's listing row takes from the ops merged into it: the author
// and writing time (the earliest _created op, else the earliest op, among
// every op ever merged, op_log and field winners alike, so that arrival
// order cannot change them) and the winners of case, visit and _deleted.
struct NoteFacts {
  std::optional<Stamp> first_created, first_any;
  std::optional<std::string> case_hex, visit_hex, deleted;

  void take(std::string_view field, Stamp stamp) {
    auto earliest = [&](std::optional<Stamp>& slot) {
      if (!slot || stamp < *slot) slot = stamp;
    };
    if (field == model::fields::kCreated) earliest(first_created);
    earliest(first_any);
  }
  [[nodiscard]] const std::optional<Stamp>& first() const { return first_created ? first_created : first_any; }
};

// Two range reads on the note's primary keys. `logged` false: op_log is
// known to hold nothing of the note (see Merger::entities_).
Result<NoteFacts> read_note_facts(Database& db, const model::EntityId& note, bool logged) {
  NoteFacts facts;
  auto winners = db.prepare("SELECT field, value, hlc, device FROM field_value WHERE kind = ?1 AND id = ?2");
  if (!winners) return winners.error();
  winners->bind(1, kNote).bind(2, note);
  for (;;) {
    auto row = winners->step();
    if (!row) return row.error();
    if (!*row) break;
    const auto field = winners->text(0);
    facts.take(field, Stamp{winners->int64(2), winners->blob(3)});
    if (field == model::domain::kNoteCase) facts.case_hex = winners->text(1);
    if (field == model::domain::kNoteVisit) facts.visit_hex = winners->text(1);
    if (field == model::fields::kDeleted) facts.deleted = winners->text(1);
  }
  if (!logged) return facts;
  auto log = db.prepare("SELECT field, hlc, device FROM op_log WHERE kind = ?1 AND id = ?2");
  if (!log) return log.error();
  log->bind(1, kNote).bind(2, note);
  for (;;) {
    auto row = log->step();
    if (!row) return row.error();
    if (!*row) break;
    facts.take(log->text(0), Stamp{log->int64(1), log->blob(2)});
  }
  return facts;
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
  // A note new in this transaction has nothing logged and no sign.
  const bool is_new = is_new_entity(model::EntityKind::note, note);
  auto facts = read_note_facts(db_, note, !is_new);
  if (!facts) return facts.error();
  const auto& first = facts->first();
  if (!first) return {};  // a review of a note this device has not seen yet
  Result<std::optional<model::Op>> sign = std::optional<model::Op>{};
  if (!is_new) sign = load_note_sign(db_, note);
  if (!sign) return sign.error();
  std::optional<std::string> case_hex = facts->case_hex, visit_hex = facts->visit_hex, deleted = facts->deleted;
  if (*sign) {  // a signed note is its snapshot
    case_hex = model::snapshot_field((*sign)->value, model::domain::kNoteCase);
    visit_hex = model::snapshot_field((*sign)->value, model::domain::kNoteVisit);
    deleted.reset();
  }
  auto reviews = referring(db_, model::EntityKind::review, model::domain::kReviewNote, note);
  if (!reviews) return reviews.error();
  // A sign-off counts only for the exact text it names.
  bool reviewed = false;
  if (*sign) {
    const std::string wanted = to_hex(model::signed_note_hash((*sign)->value));
    for (const auto& review : *reviews) {
      auto named = db_.prepare("SELECT value FROM field_value WHERE kind = ? AND id = ? AND field = ?");
      if (!named) return named.error();
      named->bind(1, static_cast<std::int64_t>(model::EntityKind::review)).bind(2, review);
      named->bind(3, model::domain::kReviewSigned);
      auto row = named->step();
      if (!row) return row.error();
      if (*row && named->text(0) == wanted) reviewed = true;
    }
  }

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
    q->bind(4, first->device).bind(5, first->hlc);
    q->bind(6, std::int64_t{*sign ? 1 : 0}).bind(7, std::int64_t{deleted == "1" ? 1 : 0});
    q->bind(8, std::int64_t{reviewed ? 1 : 0});
    if (auto r = q->run(); !r) return r;
    if (db_.changes() != 0) return {};
  }
  return make_error(Errc::corrupt, "the note listing row could not be written");
}

}  // namespace varn::store
