// Records: reads. A protected person's address never leaves this file: the
// views carry nullopt, and a visit's place is blanked where it would give
// the address away.
#include <algorithm>
#include <cctype>
#include <charconv>

#include "varn/crypto/random.hpp"
#include "varn/model/caseload.hpp"
#include "varn/model/domain.hpp"
#include "varn/model/stale_drafts.hpp"
#include "varn/store/case_vault.hpp"
#include "varn/store/queries.hpp"
#include "varn/store/record_write.hpp"
#include "varn/store/records.hpp"

namespace varn::store {

namespace dom = model::domain;
using model::EntityKind;

namespace {

constexpr std::uint64_t kMaxFilterMs = (std::uint64_t{1} << 47) - 1;  // keeps the packed stamp a positive int64

Error locked_error() { return make_error(Errc::locked, "the store is locked"); }

// Case folding for ASCII and the Latin-1 letters of UTF-8 (Å Ä Ö É Ü ...),
// enough to match Swedish addresses typed in another case.
std::string fold_case(std::string s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      s[i] = static_cast<char>(std::tolower(c));
    } else if (c == 0xC3 && i + 1 < s.size()) {
      const auto next = static_cast<unsigned char>(s[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) s[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return s;
}

// For a protected person a home visit's place is the address by definition,
// and any place that contains the address (or is part of it) gives it away.
// A heuristic backstop: the app should not ask for an address as a place.
bool place_reveals_address(const std::string& kind, const std::string& place, const std::string& address) {
  if (kind == "home") return true;
  if (place.empty() || address.empty()) return false;
  const auto p = fold_case(place);
  const auto a = fold_case(address);
  return p.find(a) != std::string::npos || a.find(p) != std::string::npos;
}

std::string text_or_empty(const Result<std::optional<std::string>>& v) { return v && *v ? **v : std::string(); }

struct PersonFacts {
  PersonView view;
  bool protected_person = true;  // fail safe: unknown protection counts as protected
  std::string hidden_address;    // only to blank visit places, never returned
};

Result<PersonFacts> person_facts(Database& db, const EntityId& id) {
  PersonFacts facts;
  facts.view.id = id;
  auto name = stored_field(db, EntityKind::person, id, dom::kPersonName);
  auto protection = stored_field(db, EntityKind::person, id, dom::kPersonProtection);
  auto address = stored_field(db, EntityKind::person, id, dom::kPersonAddress);
  if (!name) return name.error();
  if (!protection) return protection.error();
  if (!address) return address.error();
  facts.view.name = name->value_or("");
  facts.view.protection = protection->value_or("");
  facts.protected_person = facts.view.protection != "none";
  if (facts.protected_person) {
    facts.hidden_address = address->value_or("");
  } else {
    facts.view.address = address->value_or("");
  }
  return facts;
}

Result<std::vector<AddendumView>> addenda_of(Database& db, const EntityId& note) {
  auto ids = referring(db, EntityKind::addendum, dom::kAddendumNote, note);
  if (!ids) return ids.error();
  std::vector<AddendumView> out;
  for (const auto& id : *ids) {
    AddendumView a;
    a.id = id;
    a.kind = text_or_empty(stored_field(db, EntityKind::addendum, id, dom::kAddendumKind));
    a.text = text_or_empty(stored_field(db, EntityKind::addendum, id, dom::kAddendumText));
    auto created = stored_op(db, EntityKind::addendum, id, model::fields::kCreated);
    if (!created) return created.error();
    if (*created) {
      a.author = to_hex((*created)->device);
      a.written_ms = (*created)->hlc.wall_ms();
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

Result<std::vector<PersonView>> Records::persons() {
  if (store_.locked()) return locked_error();
  Database& db = store_.database();
  auto q = db.prepare("SELECT DISTINCT id FROM field_value WHERE kind = ?");
  if (!q) return q.error();
  q->bind(1, static_cast<std::int64_t>(EntityKind::person));
  std::vector<EntityId> ids;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) break;
    ids.push_back(q->array<16>(0));
  }
  auto closed = closed_cases();
  if (!closed) return closed.error();
  std::vector<PersonView> out;
  for (const auto& id : ids) {
    if (!closed->empty()) {
      auto cases = referring(db, EntityKind::case_file, dom::kCasePerson, id);
      if (!cases) return cases.error();
      if (std::any_of(cases->begin(), cases->end(), [&](const EntityId& c) { return closed->count(c) != 0; })) continue;
    }
    auto facts = person_facts(db, id);
    if (!facts) return facts.error();
    out.push_back(std::move(facts->view));
  }
  std::sort(out.begin(), out.end(), [](const PersonView& a, const PersonView& b) {
    return std::tie(a.name, a.id) < std::tie(b.name, b.id);
  });
  return out;
}

Result<void> Records::log_access(const std::vector<EntityId>& cases, std::string_view action) {
  // The read is logged before anything is shown; the entries sync like any op.
  const std::uint64_t now_ms = clock_.now().wall_ms();
  std::vector<EntityId> due;
  for (const auto& c : cases) {
    auto last = logged_ms_.find({c, std::string(action)});
    if (last == logged_ms_.end() || now_ms < last->second || now_ms - last->second >= kAccessLogQuietMs) {
      due.push_back(c);
    }
  }
  if (due.empty()) return {};
  auto w = RecordWrite::begin(store_, clock_, me_);
  if (!w) return w.error();
  for (const auto& c : due) {
    const EntityId entry = w->new_id();
    if (auto r = w->put(EntityKind::access_log, entry, model::fields::kCreated, to_hex(me_)); !r) return r;
    const std::string at = std::to_string(w->last_stamp().wall_ms() / 1000);
    if (auto r = w->put(EntityKind::access_log, entry, dom::kAccessCase, to_hex(c)); !r) return r;
    if (auto r = w->put(EntityKind::access_log, entry, dom::kAccessDevice, to_hex(me_)); !r) return r;
    if (auto r = w->put(EntityKind::access_log, entry, dom::kAccessAt, at); !r) return r;
    if (auto r = w->put(EntityKind::access_log, entry, dom::kAccessAction, std::string(action)); !r) return r;
  }
  if (auto r = w->commit(); !r) return r;
  for (const auto& c : due) logged_ms_[{c, std::string(action)}] = now_ms;
  return {};
}

Result<CaseView> Records::open_case_view(const EntityId& case_id) {
  if (store_.locked()) return locked_error();
  auto exists = entity_exists(store_.database(), EntityKind::case_file, case_id);
  if (!exists) return exists.error();
  if (!*exists) return make_error(Errc::not_found, "case: no such case");
  if (auto named = require_named(case_id); !named) return named.error();
  logged_ms_.erase({case_id, std::string(dom::kAccessOpenCase)});  // every opening is an entry
  if (auto r = log_access({case_id}, dom::kAccessOpenCase); !r) return r.error();
  Database& db = store_.database();
  CaseView view;
  view.id = case_id;
  auto person_hex = stored_field(db, EntityKind::case_file, case_id, dom::kCasePerson);
  if (!person_hex) return person_hex.error();
  const auto person_id = array_from_hex<16>(person_hex->value_or(""));
  auto facts = person_facts(db, person_id.value_or(EntityId{}));
  if (!facts) return facts.error();
  view.person = facts->view;
  view.phase = text_or_empty(stored_field(db, EntityKind::case_file, case_id, dom::kCasePhase));
  const std::string flags = text_or_empty(stored_field(db, EntityKind::case_file, case_id, dom::kCaseFlags));
  for (std::size_t start = 0; start < flags.size();) {
    const auto comma = std::min(flags.find(',', start), flags.size());
    if (comma > start) view.flags.push_back(flags.substr(start, comma - start));
    start = comma + 1;
  }
  view.responsible =
      model::split_responsible(text_or_empty(stored_field(db, EntityKind::case_file, case_id, dom::kCaseResponsible)));
  auto visits = referring(db, EntityKind::visit, dom::kVisitCase, case_id);
  if (!visits) return visits.error();
  for (const auto& id : *visits) {
    VisitView v;
    v.id = id;
    v.kind = text_or_empty(stored_field(db, EntityKind::visit, id, dom::kVisitKind));
    v.partner_present = text_or_empty(stored_field(db, EntityKind::visit, id, dom::kVisitPartnerPresent));
    v.planned_at = text_or_empty(stored_field(db, EntityKind::visit, id, dom::kVisitPlannedAt));
    v.place = text_or_empty(stored_field(db, EntityKind::visit, id, dom::kVisitPlace));
    v.two_staff = text_or_empty(stored_field(db, EntityKind::visit, id, dom::kVisitTwoStaff)) == "yes";
    v.alarm_taken = text_or_empty(stored_field(db, EntityKind::visit, id, dom::kVisitAlarm)) == "yes";
    if (facts->protected_person && place_reveals_address(v.kind, v.place, facts->hidden_address)) v.place.clear();
    auto created = stored_op(db, EntityKind::visit, id, model::fields::kCreated);
    if (!created) return created.error();
    v.written_ms = *created ? (*created)->hlc.wall_ms() : 0;
    view.visits.push_back(std::move(v));
  }
  NoteFilter by_case;
  by_case.case_id = case_id;
  auto notes_of_case = read_notes(by_case);  // logged as the opening above
  if (!notes_of_case) return notes_of_case.error();
  view.notes = std::move(notes_of_case).value();
  return view;
}

Result<std::set<EntityId>> Records::closed_cases() {
  std::set<EntityId> out;
  Database& db = store_.database();
  auto any = any_restricted_case(db);
  if (!any) return any.error();
  if (!*any) return out;
  auto cases = restricted_cases(db);
  if (!cases) return cases.error();
  for (const auto& c : *cases) {
    auto named = require_named(c);
    if (!named && named.error().code == Errc::forbidden) {
      out.insert(c);
    } else if (!named) {
      return named.error();
    }
  }
  return out;
}

Result<void> Records::require_named(const EntityId& case_id) {
  // A restricted case opens only on the devices of the staff it names
  // (what another device may still hold of it from before stays closed).
  auto restriction = restriction_of(store_.database(), case_id);
  if (!restriction) return restriction.error();
  if (!*restriction) return {};
  auto mine = my_staff();
  if (!mine) return mine.error();
  const auto& named = (**restriction).staff;
  if (!*mine || std::find(named.begin(), named.end(), to_hex(**mine)) == named.end()) {
    return make_error(Errc::forbidden, "the case is restricted to the staff a reviewer named");
  }
  return {};
}

Result<std::vector<NoteView>> Records::notes(const NoteFilter& filter) {
  if (filter.case_id) {
    if (auto named = require_named(*filter.case_id); !named) return named.error();
  }
  auto out = read_notes(filter);
  if (!out) return out;
  auto closed = closed_cases();
  if (!closed) return closed.error();
  if (!closed->empty()) {
    out->erase(std::remove_if(out->begin(), out->end(),
                              [&](const NoteView& n) { return closed->count(n.case_id) != 0; }),
               out->end());
  }
  if (filter.without_bodies) return out;
  std::vector<EntityId> cases;
  for (const auto& n : *out) {
    if (std::find(cases.begin(), cases.end(), n.case_id) == cases.end()) cases.push_back(n.case_id);
  }
  if (auto r = log_access(cases, dom::kAccessReadNotes); !r) return r.error();
  return out;
}

Result<NoteView> Records::note(const EntityId& note) {
  auto all = read_notes({});
  if (!all) return all.error();
  for (auto& n : *all) {
    if (n.id != note) continue;
    if (auto named = require_named(n.case_id); !named) return named.error();
    if (auto r = log_access({n.case_id}, dom::kAccessReadNote); !r) return r.error();
    return std::move(n);
  }
  return make_error(Errc::not_found, "note: no such note");
}

Result<std::vector<NoteView>> Records::read_notes(const NoteFilter& filter) {
  if (store_.locked()) return locked_error();
  Database& db = store_.database();
  std::optional<crypto::DeviceId> author;
  if (filter.author) {
    author = array_from_hex<16>(*filter.author);
    if (!author) return make_error(Errc::invalid_argument, "author: must be a device id (32 hex characters)");
  }
  // Two statements so that each listing walks its own index in order.
  auto q = db.prepare(filter.case_id
                          ? "SELECT id, case_id, visit_id, author, written_hlc, is_signed, reviewed FROM note_index "
                            "WHERE case_id = ?1 AND (is_signed = 1 OR deleted = 0) AND (?2 = 0 OR author = ?3) "
                            "AND (?4 = 0 OR is_signed = 0) AND (?5 = 0 OR reviewed = 0) "
                            "AND written_hlc BETWEEN ?6 AND ?7 ORDER BY written_hlc, id"
                          : "SELECT id, case_id, visit_id, author, written_hlc, is_signed, reviewed FROM note_index "
                            "WHERE (is_signed = 1 OR deleted = 0) AND (?2 = 0 OR author = ?3) "
                            "AND (?4 = 0 OR is_signed = 0) AND (?5 = 0 OR reviewed = 0) "
                            "AND written_hlc BETWEEN ?6 AND ?7 ORDER BY written_hlc, id");
  if (!q) return q.error();
  if (filter.case_id) q->bind(1, *filter.case_id);
  q->bind(2, std::int64_t{author ? 1 : 0}).bind(3, author.value_or(crypto::DeviceId{}));
  q->bind(4, std::int64_t{filter.only_unsigned.value_or(false) ? 1 : 0});
  q->bind(5, std::int64_t{filter.only_unreviewed.value_or(false) ? 1 : 0});
  const std::uint64_t from = std::min(filter.from_ms.value_or(0), kMaxFilterMs);
  const std::uint64_t to = std::min(filter.to_ms.value_or(kMaxFilterMs), kMaxFilterMs);
  q->bind(6, static_cast<std::int64_t>(from << 16)).bind(7, static_cast<std::int64_t>((to << 16) | 0xffffu));
  auto stale_days = stale_draft_days();
  if (!stale_days) return stale_days.error();
  const std::uint64_t now_ms = clock_.now().wall_ms();
  std::vector<NoteView> out;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) break;
    NoteView n;
    n.id = q->array<16>(0);
    n.case_id = q->array<16>(1);
    n.visit_id = q->array<16>(2);
    n.author = q->is_null(3) ? std::string() : to_hex(q->blob_view(3));
    n.written_ms = model::Hlc{q->uint64(4)}.wall_ms();
    n.is_signed = q->int64(5) != 0;
    n.reviewed = q->int64(6) != 0;
    n.stale = !n.is_signed && model::draft_is_stale(n.written_ms, now_ms, *stale_days);
    if (filter.only_stale.value_or(false) && !n.stale) continue;
    out.push_back(std::move(n));
  }
  for (auto& n : out) {
    if (filter.without_bodies) continue;
    auto body = visible_field(db, EntityKind::note, n.id, dom::kNoteBody);
    if (!body) return body.error();
    n.body = body->value_or("");
    auto happened = visible_field(db, EntityKind::note, n.id, dom::kNoteEventTime);
    if (!happened) return happened.error();
    n.event_time = happened->value_or("");
    auto addenda = addenda_of(db, n.id);
    if (!addenda) return addenda.error();
    n.addenda = std::move(addenda).value();
  }
  return out;
}

Result<bool> Records::place_recorded(const EntityId& case_id, const std::string& kind) {
  if (store_.locked()) return locked_error();
  return place_kept(store_.database(), case_id, kind);
}

Result<std::vector<StaffView>> Records::staff() {
  if (store_.locked()) return locked_error();
  Database& db = store_.database();
  auto ids = ids_with_field(db, EntityKind::staff, dom::kStaffName);
  if (!ids) return ids.error();
  std::vector<StaffView> out;
  for (const auto& id : *ids) {
    StaffView s;
    s.id = id;
    s.name = text_or_empty(stored_field(db, EntityKind::staff, id, dom::kStaffName));
    s.title = text_or_empty(stored_field(db, EntityKind::staff, id, dom::kStaffTitle));
    s.casework = model::parse_casework(text_or_empty(stored_field(db, EntityKind::staff, id, dom::kStaffCasework)));
    auto devices =
        db.prepare("SELECT field, value FROM field_value WHERE kind = ? AND id = ? AND field LIKE 'device.%'");
    if (!devices) return devices.error();
    devices->bind(1, static_cast<std::int64_t>(EntityKind::staff)).bind(2, id);
    for (;;) {
      auto row = devices->step();
      if (!row) return row.error();
      if (!*row) break;
      const std::string field = devices->text(0);
      auto d = array_from_hex<16>(field.substr(dom::kStaffDevicePrefix.size()));
      if (!d) continue;
      (devices->text(1) == "1" ? s.devices : s.former_devices).push_back(*d);
    }
    std::sort(s.devices.begin(), s.devices.end());
    std::sort(s.former_devices.begin(), s.former_devices.end());
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), [](const StaffView& a, const StaffView& b) { return std::tie(a.name, a.id) < std::tie(b.name, b.id); });
  return out;
}

Result<std::optional<EntityId>> Records::my_staff() {
  auto all = staff();
  if (!all) return all.error();
  for (const auto& s : *all) {
    if (std::find(s.devices.begin(), s.devices.end(), me_) != s.devices.end()) return std::optional<EntityId>(s.id);
  }
  return std::optional<EntityId>{};
}

Result<std::vector<AccessLogEntry>> Records::access_log() {
  if (store_.locked()) return locked_error();
  Database& db = store_.database();
  auto ids = ids_with_field(db, EntityKind::access_log, dom::kAccessCase);
  if (!ids) return ids.error();
  std::vector<AccessLogEntry> out;
  for (const auto& id : *ids) {
    AccessLogEntry e;
    e.id = id;
    e.case_id = array_from_hex<16>(text_or_empty(stored_field(db, EntityKind::access_log, id, dom::kAccessCase)))
                    .value_or(EntityId{});
    auto created = stored_op(db, EntityKind::access_log, id, model::fields::kCreated);
    if (!created) return created.error();
    e.device = *created ? to_hex((*created)->device) : std::string();
    e.action = text_or_empty(stored_field(db, EntityKind::access_log, id, dom::kAccessAction));
    if (e.action.empty()) e.action = std::string(dom::kAccessOpenCase);
    const std::string at = text_or_empty(stored_field(db, EntityKind::access_log, id, dom::kAccessAt));
    (void)std::from_chars(at.data(), at.data() + at.size(), e.at_unix);
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const AccessLogEntry& a, const AccessLogEntry& b) {
    return std::tie(a.at_unix, a.device, a.case_id) < std::tie(b.at_unix, b.device, b.case_id);
  });
  return out;
}

Result<std::vector<ConflictView>> Records::conflicts() {
  if (store_.locked()) return locked_error();
  auto q = store_.database().prepare("SELECT kind, id, field, hlc, device, reason FROM conflict ORDER BY seq");
  if (!q) return q.error();
  std::vector<ConflictView> out;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return out;
    ConflictView c;
    c.kind = static_cast<EntityKind>(q->int64(0));
    c.id = q->array<16>(1);
    c.field = q->text(2);
    c.written_ms = model::Hlc{q->uint64(3)}.wall_ms();
    c.author = q->is_null(4) ? std::string() : to_hex(q->blob_view(4));
    c.reason = q->text(5);
    out.push_back(std::move(c));
  }
}

Result<std::size_t> Records::waiting_ops() {
  if (store_.locked()) return locked_error();
  auto q = store_.database().prepare(
      "SELECT count(*) FROM outbox LEFT JOIN sealed_changeset s ON s.id = outbox.sealed_changeset "
      "WHERE (outbox.sealed_changeset IS NULL OR s.server_seq = 0) AND outbox.withdrawn = 0");
  if (!q) return q.error();
  auto row = q->step();
  if (!row) return row.error();
  return static_cast<std::size_t>(q->int64(0));
}

Result<std::uint32_t> Records::stale_draft_days() {
  if (store_.locked()) return locked_error();
  Database& db = store_.database();
  auto ids = ids_with_field(db, EntityKind::setting, dom::kSettingStaleDraftDays);
  if (!ids) return ids.error();
  std::optional<model::Op> newest;
  for (const auto& id : *ids) {
    auto op = stored_op(db, EntityKind::setting, id, dom::kSettingStaleDraftDays);
    if (!op) return op.error();
    if (*op && (!newest || std::tie(newest->hlc, newest->device) < std::tie((*op)->hlc, (*op)->device))) newest = **op;
  }
  if (!newest) return model::kDefaultStaleDraftDays;
  return model::parse_stale_draft_days(newest->value).value_or(model::kDefaultStaleDraftDays);
}

}  // namespace varn::store
