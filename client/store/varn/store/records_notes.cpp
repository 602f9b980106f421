// Records: the life of a note (draft, edit, delete, sign), addenda, sign-off.
#include <nlohmann/json.hpp>

#include "varn/crypto/random.hpp"
#include "varn/model/domain.hpp"
#include "varn/model/merge.hpp"
#include "varn/store/merge_writer.hpp"
#include "varn/store/queries.hpp"
#include "varn/store/record_checks.hpp"
#include "varn/store/record_write.hpp"
#include "varn/store/records.hpp"

namespace varn::store {

namespace dom = model::domain;
using model::EntityKind;

namespace {

// A draft that exists, is this device's own and may still change (or an
// error saying why not): a note is written only by its author.
Result<NoteState> editable_note(Database& db, const EntityId& note, const crypto::DeviceId& me) {
  auto state = note_state(db, note);
  if (!state) return state.error();
  if (!state->exists || (state->deleted && !state->is_signed)) return make_error(Errc::not_found, "note: no such note");
  if (state->is_signed) return make_error(Errc::conflict, std::string(kSignedNoteMessage));
  if (!model::names_creator(note, me)) return make_error(Errc::forbidden, "only the note's author can change it");
  return state;
}

Result<NoteState> signed_note(Database& db, const EntityId& note, std::string_view why) {
  auto state = note_state(db, note);
  if (!state) return state.error();
  if (!state->exists || (state->deleted && !state->is_signed)) return make_error(Errc::not_found, "note: no such note");
  if (!state->is_signed) return make_error(Errc::invalid_argument, "note: " + std::string(why));
  return state;
}

// The signed snapshot: every field of the note as it stands (tombstone and
// signature aside), as a JSON object with sorted keys.
Result<std::string> snapshot_of(Database& db, const EntityId& note) {
  auto q = db.prepare("SELECT field, value FROM field_value WHERE kind = ? AND id = ? ORDER BY field");
  if (!q) return q.error();
  q->bind(1, static_cast<std::int64_t>(EntityKind::note)).bind(2, note);
  nlohmann::json snapshot = nlohmann::json::object();
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) break;
    const std::string field = q->text(0);
    if (field == model::fields::kDeleted || field == model::fields::kSigned) continue;
    snapshot[field] = q->text(1);
  }
  return snapshot.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Result<EntityId> Records::add_note(const EntityId& visit, const std::string& text, const std::string& event_time) {
  if (auto r = require_text("text", text); !r) return r.error();
  if (auto r = require_iso8601_or_empty("event_time", event_time); !r) return r.error();
  auto w = RecordWrite::begin(store_, clock_, me_);
  if (!w) return w.error();
  const EntityId id = w->new_id();
  auto case_hex = visible_field(w->db(), EntityKind::visit, visit, dom::kVisitCase);
  if (!case_hex) return case_hex.error();
  if (!*case_hex) return make_error(Errc::not_found, "visit: no such visit");
  std::string happened = event_time;
  if (happened.empty()) {
    auto planned = visible_field(w->db(), EntityKind::visit, visit, dom::kVisitPlannedAt);
    if (!planned) return planned.error();
    happened = planned->value_or("");
  }
  if (auto r = w->put(EntityKind::note, id, model::fields::kCreated, to_hex(me_)); !r) return r.error();
  if (auto r = w->put(EntityKind::note, id, dom::kNoteVisit, to_hex(visit)); !r) return r.error();
  if (auto r = w->put(EntityKind::note, id, dom::kNoteCase, **case_hex); !r) return r.error();
  if (auto r = w->put(EntityKind::note, id, dom::kNoteBody, text); !r) return r.error();
  if (happened.empty()) happened = local_minute_iso8601(w->last_stamp().wall_ms());
  if (auto r = w->put(EntityKind::note, id, dom::kNoteEventTime, happened); !r) return r.error();
  if (auto r = w->commit(); !r) return r.error();
  return id;
}

Result<void> Records::set_note_event_time(const EntityId& note, const std::string& event_time) {
  if (auto r = require_text("event_time", event_time); !r) return r;
  if (auto r = require_iso8601_or_empty("event_time", event_time); !r) return r;
  auto w = RecordWrite::begin(store_, clock_, me_);
  if (!w) return w.error();
  if (auto state = editable_note(w->db(), note, me_); !state) return state.error();
  if (auto r = w->put(EntityKind::note, note, dom::kNoteEventTime, event_time); !r) return r;
  return w->commit();
}

Result<void> Records::edit_note(const EntityId& note, const std::string& text) {
  if (auto r = require_text("text", text); !r) return r;
  auto w = RecordWrite::begin(store_, clock_, me_);
  if (!w) return w.error();
  if (auto state = editable_note(w->db(), note, me_); !state) return state.error();
  if (auto r = w->put(EntityKind::note, note, dom::kNoteBody, text); !r) return r;
  return w->commit();
}

Result<void> Records::delete_draft(const EntityId& note) {
  auto w = RecordWrite::begin(store_, clock_, me_);
  if (!w) return w.error();
  if (auto state = editable_note(w->db(), note, me_); !state) return state.error();
  if (auto r = w->put(EntityKind::note, note, model::fields::kDeleted, "1"); !r) return r;
  return w->commit();
}

Result<void> Records::sign_note(const EntityId& note) {
  auto w = RecordWrite::begin(store_, clock_, me_);
  if (!w) return w.error();
  auto state = editable_note(w->db(), note, me_);
  if (!state) return state.error();
  auto snapshot = snapshot_of(w->db(), note);
  if (!snapshot) return snapshot.error();
  if (auto r = w->put(EntityKind::note, note, model::fields::kSigned, std::move(snapshot).value()); !r) return r;
  return w->commit();
}

Result<EntityId> Records::add_addendum(const EntityId& note, const std::string& kind, const std::string& text) {
  if (auto r = require_one_of("kind", dom::addendum_kinds(), kind); !r) return r.error();
  if (auto r = require_text("text", text); !r) return r.error();
  auto w = RecordWrite::begin(store_, clock_, me_);
  if (!w) return w.error();
  const EntityId id = w->new_id();
  if (auto s = signed_note(w->db(), note, "addenda are for signed notes; edit the draft instead"); !s) {
    return s.error();
  }
  if (auto r = w->put(EntityKind::addendum, id, model::fields::kCreated, to_hex(me_)); !r) return r.error();
  if (auto r = w->put(EntityKind::addendum, id, dom::kAddendumNote, to_hex(note)); !r) return r.error();
  if (auto r = w->put(EntityKind::addendum, id, dom::kAddendumKind, kind); !r) return r.error();
  if (auto r = w->put(EntityKind::addendum, id, dom::kAddendumText, text); !r) return r.error();
  if (auto r = w->commit(); !r) return r.error();
  return id;
}

Result<void> Records::sign_off(const EntityId& note) {
  auto w = RecordWrite::begin(store_, clock_, me_);
  if (!w) return w.error();
  auto state = signed_note(w->db(), note, "only a signed note can be signed off");
  if (!state) return state.error();
  if (state->reviewed) return make_error(Errc::conflict, "the note is already signed off");
  auto sign = load_note_sign(w->db(), note);
  if (!sign) return sign.error();
  if (!*sign) return make_error(Errc::invalid_argument, "note: only a signed note can be signed off");
  const EntityId id = w->new_id();
  if (auto r = w->put(EntityKind::review, id, model::fields::kCreated, to_hex(me_)); !r) return r;
  if (auto r = w->put(EntityKind::review, id, dom::kReviewNote, to_hex(note)); !r) return r;
  // The sign-off names the exact text it reviewed.
  if (auto r = w->put(EntityKind::review, id, dom::kReviewSigned, to_hex(model::signed_note_hash((*sign)->value))); !r) {
    return r;
  }
  return w->commit();
}

}  // namespace varn::store
