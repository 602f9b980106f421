// A note's event time beside its writing time, and the flag on drafts left
// unsigned longer than the unit's stale_draft_days.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>

#include "store_fixture.hpp"
#include "varn/crypto/random.hpp"
#include "varn/model/domain.hpp"
#include "varn/model/stale_drafts.hpp"
#include "varn/store/records.hpp"

using namespace varn;

namespace {

constexpr std::uint64_t kDayMs = 24ULL * 60 * 60 * 1000;

struct Desk : test::RecordsDesk {
  model::EntityId case_id{};

  Desk() { case_id = *records.open_case(*records.add_person({"Anna Andersson", "", "none", ""})); }
  model::EntityId visit(const std::string& planned_at) {
    store::VisitInput v;
    v.case_id = case_id;
    v.kind = "office";
    v.partner_present = "no";
    v.planned_at = planned_at;
    return *records.record_visit(v);
  }
  store::NoteView note(const model::EntityId& id) {
    auto all = records.notes();
    REQUIRE(all);
    for (auto& n : *all) {
      if (n.id == id) return n;
    }
    FAIL("no such note");
    return {};
  }
};

// A setting change set from another device, with that device's role.
sync::ReceivedChangeSet setting_from(const crypto::DeviceId& device, registry::Role role, const std::string& days,
                                     std::uint64_t wall_ms, std::uint64_t seq) {
  const auto at = model::Hlc::from_parts(wall_ms, 0);
  const auto id = model::entity_id_for(at, device);
  auto r = test::received(device,
                          {model::Op{model::EntityKind::setting, id, std::string(model::fields::kCreated),
                                     to_hex(device), at, device},
                           model::Op{model::EntityKind::setting, id, std::string(model::domain::kSettingStaleDraftDays),
                                     days, at, device}},
                          seq);
  r.role = role;
  return r;
}

}  // namespace

TEST_CASE("a note's event time is what the author gave, else the visit's planned time, else the writing time",
          "[store][records][times]") {
  Desk d;
  const auto planned = d.visit("2026-03-01T10:00");
  const auto unplanned = d.visit("");

  const auto given = *d.records.add_note(planned, "samtal", "2026-02-27T15:30");
  CHECK(d.note(given).event_time == "2026-02-27T15:30");
  CHECK(d.note(given).written_ms == d.wall.ms);

  CHECK(d.note(*d.records.add_note(planned, "samtal")).event_time == "2026-03-01T10:00");

  // The writing time in this device's local time zone (a POSIX zone string
  // needs no tz database): 1'700'000'000'000 ms is 2023-11-14 22:13:20 UTC.
  REQUIRE(d.wall.ms == 1'700'000'000'000);
  setenv("TZ", "CET-1", 1);
  tzset();
  const auto now_note = *d.records.add_note(unplanned, "samtal");
  CHECK(d.note(now_note).event_time == "2023-11-14T23:13");

  auto bad = d.records.add_note(planned, "samtal", "i går");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.find("event_time") != std::string::npos);
}

TEST_CASE("a draft's event time may be corrected, a signed note's never", "[store][records][times]") {
  Desk d;
  const auto note = *d.records.add_note(d.visit("2026-03-01T10:00"), "samtal");
  REQUIRE(d.records.set_note_event_time(note, "2026-03-01T11:15"));
  CHECK(d.note(note).event_time == "2026-03-01T11:15");
  CHECK_FALSE(d.records.set_note_event_time(note, ""));
  REQUIRE(d.records.sign_note(note));
  auto late = d.records.set_note_event_time(note, "2026-03-02T09:00");
  REQUIRE_FALSE(late);
  CHECK(late.error().code == Errc::conflict);
  CHECK(d.note(note).event_time == "2026-03-01T11:15");
}

TEST_CASE("a visit shows when it was recorded beside when it is planned", "[store][records][times]") {
  Desk d;
  const std::uint64_t recorded = d.wall.ms;
  const auto visit = d.visit("2026-03-01T10:00");
  d.wall.ms += 5 * kDayMs;
  auto view = d.records.open_case_view(d.case_id);
  REQUIRE(view);
  REQUIRE(view->visits.size() == 1);
  CHECK(view->visits.front().id == visit);
  CHECK(view->visits.front().planned_at == "2026-03-01T10:00");
  CHECK(view->visits.front().written_ms == recorded);
}

TEST_CASE("a draft left unsigned for the unit's stale_draft_days is flagged, a signed note never",
          "[store][records][times]") {
  Desk d;
  const auto visit = d.visit("2026-03-01T10:00");
  const auto draft = *d.records.add_note(visit, "utkast");
  const auto signed_note = *d.records.add_note(visit, "klar");
  REQUIRE(d.records.sign_note(signed_note));
  CHECK(*d.records.stale_draft_days() == model::kDefaultStaleDraftDays);

  d.wall.ms += model::kDefaultStaleDraftDays * kDayMs - 1;
  CHECK_FALSE(d.note(draft).stale);
  d.wall.ms += 1;
  CHECK(d.note(draft).stale);
  CHECK_FALSE(d.note(signed_note).stale);
  store::NoteFilter only_stale;
  only_stale.only_stale = true;
  auto stale = d.records.notes(only_stale);
  REQUIRE(stale);
  REQUIRE(stale->size() == 1);
  CHECK(stale->front().id == draft);

  // The admin gives the unit more days: the draft is no longer old.
  REQUIRE(d.records.set_stale_draft_days(7));
  CHECK(*d.records.stale_draft_days() == 7);
  CHECK_FALSE(d.note(draft).stale);
  CHECK_FALSE(d.records.set_stale_draft_days(0));
  CHECK_FALSE(d.records.set_stale_draft_days(model::kMaxStaleDraftDays + 1));
}

TEST_CASE("only an admin's change sets set the unit's stale_draft_days, and the newest wins",
          "[store][records][times][insider]") {
  Desk d;
  const crypto::DeviceId colleague = crypto::random_array<16>();
  const crypto::DeviceId admin = crypto::random_array<16>();
  REQUIRE(d.store->apply_received(setting_from(colleague, registry::Role::worker, "60", d.wall.ms + 1000, 1)));
  CHECK(*d.records.stale_draft_days() == model::kDefaultStaleDraftDays);
  CHECK(d.records.conflicts()->back().reason.find("only an admin") != std::string::npos);

  REQUIRE(d.store->apply_received(setting_from(admin, registry::Role::admin, "10", d.wall.ms + 3000, 2)));
  REQUIRE(d.store->apply_received(setting_from(admin, registry::Role::admin, "5", d.wall.ms + 2000, 3)));
  CHECK(*d.records.stale_draft_days() == 10);
}
