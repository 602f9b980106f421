// Records: writes with validation, the signed-note rules, protected people,
// the access log, sign-off as review class, and the persisted clock.
#include "varn/store/records.hpp"
#include "varn/store/database.hpp"
#include "varn/store/merge_writer.hpp"

#include <catch2/catch.hpp>

#include "store_fixture.hpp"
#include "varn/crypto/random.hpp"
#include "varn/model/domain.hpp"

using namespace varn;
using store::LocalStore;
using store::Records;

namespace {

struct Desk {
  test::ScratchDir dir;
  std::string path = dir.file("v.db");
  std::unique_ptr<LocalStore> store = test::make_store(path);
  test::ManualWall wall;
  model::HybridClock clock{wall.clock()};
  crypto::DeviceId me = crypto::random_array<16>();
  Records records{*store, clock, me};
  model::EntityId person{}, case_id{}, visit{};

  Desk() {
    person = *records.add_person({"Anna Andersson", "19800101-1234", "none", "Storgatan 1"});
    case_id = *records.open_case(person);
    store::VisitInput v;
    v.case_id = case_id;
    v.kind = "separate";
    v.partner_present = "no";
    v.planned_at = "2026-03-01T10:00";
    v.place = "Socialkontoret";
    visit = *records.record_visit(v);
  }
};

model::Op op_on(const model::EntityId& note, std::string_view field, std::string value, std::uint64_t wall_ms,
                const crypto::DeviceId& device) {
  return model::Op{model::EntityKind::note, note, std::string(field), std::move(value),
                   model::Hlc::from_parts(wall_ms, 0), device};
}

}  // namespace

TEST_CASE("a note written on a visit lists with its body, author, case and visit", "[store][records]") {
  Desk d;
  auto note = d.records.add_note(d.visit, "first words");
  REQUIRE(note);
  auto notes = d.records.notes();
  REQUIRE(notes);
  REQUIRE(notes->size() == 1);
  const auto& n = notes->front();
  CHECK(n.id == *note);
  CHECK(n.body == "first words");
  CHECK(n.author == to_hex(d.me));
  CHECK(n.case_id == d.case_id);
  CHECK(n.visit_id == d.visit);
  CHECK(n.written_ms == d.wall.ms);
  CHECK_FALSE(n.is_signed);
  REQUIRE(d.records.edit_note(*note, "second words"));
  CHECK(d.records.notes()->front().body == "second words");
}

TEST_CASE("writes refuse bad input naming the field, and unknown ids", "[store][records]") {
  Desk d;
  store::VisitInput v;
  v.case_id = d.case_id;
  v.kind = "garden";
  v.partner_present = "no";
  auto bad_kind = d.records.record_visit(v);
  REQUIRE_FALSE(bad_kind);
  CHECK(bad_kind.error().code == Errc::invalid_argument);
  CHECK_THAT(bad_kind.error().message, Catch::StartsWith("kind:"));
  v.kind = "home";
  v.planned_at = "next tuesday";
  CHECK_THAT(d.records.record_visit(v).error().message, Catch::StartsWith("planned_at:"));
  v.planned_at = "";
  v.case_id = crypto::random_array<16>();
  CHECK(d.records.record_visit(v).error().code == Errc::not_found);

  CHECK_THAT(d.records.set_case_phase(d.case_id, "done").error().message, Catch::StartsWith("phase:"));
  CHECK_THAT(d.records.set_case_flags(d.case_id, {"honour_related", "angry"}).error().message,
             Catch::StartsWith("flags:"));
  CHECK_THAT(d.records.add_person({"  ", "", "none", ""}).error().message, Catch::StartsWith("name:"));
  CHECK_THAT(d.records.add_person({"B", "", "secret", ""}).error().message, Catch::StartsWith("protection:"));
  CHECK(d.records.add_note(crypto::random_array<16>(), "text").error().code == Errc::not_found);
  CHECK(d.records.edit_note(crypto::random_array<16>(), "text").error().code == Errc::not_found);
  CHECK(d.records.open_case(crypto::random_array<16>()).error().code == Errc::not_found);
  CHECK_THAT(d.records.add_note(d.visit, "").error().message, Catch::StartsWith("text:"));
  // Nothing of the refused writes reached the outbox.
  CHECK(*d.records.waiting_ops() == 5 + 3 + 8);
}

TEST_CASE("a signed note can no longer change: corrections are addenda", "[store][records]") {
  Desk d;
  auto note = *d.records.add_note(d.visit, "what she said");
  REQUIRE(d.records.sign_note(note));
  for (auto attempt : {d.records.edit_note(note, "changed"), d.records.sign_note(note), d.records.delete_draft(note)}) {
    REQUIRE_FALSE(attempt);
    CHECK(attempt.error().code == Errc::conflict);
    CHECK(attempt.error().message == "the note is signed and can no longer change");
  }
  auto addendum = d.records.add_addendum(note, "correction", "the date was the 2nd");
  REQUIRE(addendum);
  auto n = d.records.notes()->front();
  CHECK(n.is_signed);
  CHECK(n.body == "what she said");
  REQUIRE(n.addenda.size() == 1);
  CHECK(n.addenda[0].kind == "correction");
  CHECK(n.addenda[0].text == "the date was the 2nd");
  CHECK(n.addenda[0].author == to_hex(d.me));
  CHECK(d.records.add_addendum(note, "opinion", "x").error().code == Errc::invalid_argument);
  auto draft = *d.records.add_note(d.visit, "draft");
  CHECK(d.records.add_addendum(draft, "addition", "x").error().code == Errc::invalid_argument);
}

TEST_CASE("only the note's author device may sign it", "[store][records]") {
  Desk d;
  auto note = *d.records.add_note(d.visit, "mine");
  const crypto::DeviceId other = crypto::random_array<16>();
  Records colleague(*d.store, d.clock, other);
  auto signed_by_other = colleague.sign_note(note);
  REQUIRE_FALSE(signed_by_other);
  CHECK(signed_by_other.error().code == Errc::forbidden);
  CHECK_FALSE(d.records.notes()->front().is_signed);
}

TEST_CASE("a colleague's edit of a signed note is refused, listed with its author, and changes nothing",
          "[store][records][insider]") {
  Desk d;
  auto note = *d.records.add_note(d.visit, "signed words");
  d.wall.ms += 1000;
  REQUIRE(d.records.sign_note(note));
  const crypto::DeviceId other = crypto::random_array<16>();
  // One edit stamped after the signing, one before it: neither is the author's.
  REQUIRE(d.store->apply_received(test::received(other, {op_on(note, "body", "rewritten", d.wall.ms + 5, other)}, 1)));
  REQUIRE(d.store->apply_received(test::received(other, {op_on(note, "body", "older", d.wall.ms - 500, other)}, 2)));
  auto conflicts = d.records.conflicts();
  REQUIRE(conflicts);
  REQUIRE(conflicts->size() == 2);
  for (const auto& c : *conflicts) {
    CHECK(c.kind == model::EntityKind::note);
    CHECK(c.id == note);
    CHECK(c.author == to_hex(other));
    CHECK(c.reason.find("only its author writes a note") != std::string::npos);
  }
  CHECK(d.records.notes()->front().body == "signed words");
  CHECK(*d.store->pull_cursor() == 2);
}

TEST_CASE("the author's own edit after signing lands in conflicts and changes nothing", "[store][records]") {
  Desk d;
  auto note = *d.records.add_note(d.visit, "signed words");
  d.wall.ms += 1000;
  REQUIRE(d.records.sign_note(note));
  // Crafted with the author's own key (its other app, a bug): still after the signing.
  REQUIRE(d.store->apply_received(test::received(d.me, {op_on(note, "body", "rewritten", d.wall.ms + 5, d.me)}, 1)));
  auto conflicts = d.records.conflicts();
  REQUIRE(conflicts);
  REQUIRE(conflicts->size() == 1);
  CHECK(conflicts->front().field == "body");
  CHECK(conflicts->front().written_ms == d.wall.ms + 5);
  CHECK(conflicts->front().reason == "the note was already signed");
  CHECK(d.records.notes()->front().body == "signed words");
}

TEST_CASE("a protected person's address is never returned", "[store][records][protected]") {
  Desk d;
  auto hidden = *d.records.add_person({"Berit B", "", "confidential", "Hemliga vägen 7"});  // sekretessmarkering
  auto case_id = *d.records.open_case(hidden);
  store::VisitInput home;
  home.case_id = case_id;
  home.kind = "home";
  home.partner_present = "unknown";
  home.place = "Hemliga vägen 7, 2 tr";
  REQUIRE(d.records.record_visit(home));
  store::VisitInput office = home;
  office.kind = "office";
  office.place = "Socialkontoret";
  REQUIRE(d.records.record_visit(office));
  store::VisitInput phone = home;
  phone.kind = "phone";
  phone.place = "hemliga VÄGEN 7";
  REQUIRE(d.records.record_visit(phone));

  auto persons = d.records.persons();
  REQUIRE(persons);
  REQUIRE(persons->size() == 2);
  for (const auto& p : *persons) {
    if (p.id == hidden) {
      CHECK(p.protection == "confidential");
      CHECK_FALSE(p.address.has_value());
    } else {
      CHECK(p.address == std::optional<std::string>("Storgatan 1"));
    }
  }
  auto view = d.records.open_case_view(case_id);
  REQUIRE(view);
  CHECK_FALSE(view->person.address.has_value());
  REQUIRE(view->visits.size() == 3);
  CHECK(view->visits[0].place.empty());
  CHECK(view->visits[1].place == "Socialkontoret");
  CHECK(view->visits[2].place.empty());
}

namespace {

// Every row of the store that holds the person's address, in any table a reader could look at.
std::int64_t address_rows(LocalStore& store, const model::EntityId& person, const std::string& address) {
  auto q = store.database().prepare(
      "SELECT (SELECT count(*) FROM field_value WHERE kind = ?1 AND id = ?2 AND field = 'address') + "
      "(SELECT count(*) FROM op_log WHERE kind = ?1 AND id = ?2 AND field = 'address') + "
      "(SELECT count(*) FROM outbox WHERE instr(op, ?3) > 0)");
  REQUIRE(q);
  q->bind(1, static_cast<std::int64_t>(model::EntityKind::person)).bind(2, person);
  q->bind(3, ByteView(reinterpret_cast<const std::uint8_t*>(address.data()), address.size()));
  REQUIRE(*q->step());
  return q->int64(0);
}

}  // namespace

TEST_CASE("skyddad folkbokföring: no address is accepted, and raising the level removes one already recorded",
          "[store][records][protected]") {
  Desk d;
  // Refused at once, naming the rule: nothing written.
  auto refused = d.records.add_person({"Berit Berg", "", "protected_registration", "Lillgatan 2"});
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == Errc::invalid_argument);
  CHECK(refused.error().message.find("skyddad folkbokföring") != std::string::npos);

  // Anna's address was recorded and is waiting to sync: its field_value row and its outbox op.
  auto moved = d.records.add_person({"Cecilia Carlsson", "", "none", "Gamla vägen 3"});
  REQUIRE(moved);
  REQUIRE(address_rows(*d.store, d.person, "Storgatan 1") == 2);  // field_value and its unsent outbox op
  REQUIRE(d.records.set_protection(d.person, "confidential"));
  CHECK(address_rows(*d.store, d.person, "Storgatan 1") == 2);  // sekretessmarkering hides it, keeps it
  REQUIRE(d.records.set_protection(d.person, "protected_registration"));
  CHECK(address_rows(*d.store, d.person, "Storgatan 1") == 0);
  CHECK(address_rows(*d.store, *moved, "Gamla vägen 3") == 2);  // another person's stays
  // None is taken afterwards, even once the level is lowered again.
  REQUIRE(d.records.set_protection(d.person, "none"));
  auto view = d.records.open_case_view(d.case_id);
  REQUIRE(view);
  CHECK(view->person.protection == "none");
  CHECK(view->person.address.value_or("").empty());
  CHECK(d.records.set_protection(d.person, "secret").error().code == Errc::invalid_argument);
  // A home visit's place would be the address: refused while skyddad, an office visit's place is kept.
  REQUIRE(d.records.set_protection(d.person, "protected_registration"));
  store::VisitInput home;
  home.case_id = d.case_id;
  home.kind = "home";
  home.partner_present = "no";
  home.place = "Storgatan 1";
  auto at_home = d.records.record_visit(home);
  REQUIRE_FALSE(at_home);
  CHECK(at_home.error().code == Errc::invalid_argument);
  home.place.clear();
  CHECK(d.records.record_visit(home));
  store::VisitInput office = home;
  office.kind = "office";
  office.place = "Socialkontoret";
  CHECK(d.records.record_visit(office));
  CHECK(address_rows(*d.store, d.person, "Storgatan 1") == 0);
}

TEST_CASE("opening a case logs the access as an op waiting to sync", "[store][records]") {
  Desk d;
  const auto waiting_before = *d.records.waiting_ops();
  auto view = d.records.open_case_view(d.case_id);
  REQUIRE(view);
  CHECK(view->phase == "intake");
  CHECK(view->person.name == "Anna Andersson");
  REQUIRE(view->visits.size() == 1);
  CHECK(view->visits[0].place == "Socialkontoret");
  auto log = d.records.access_log();
  REQUIRE(log);
  REQUIRE(log->size() == 1);
  CHECK(log->front().case_id == d.case_id);
  CHECK(log->front().device == to_hex(d.me));
  CHECK(log->front().at_unix == d.wall.ms / 1000);
  CHECK(log->front().action == "open_case");
  CHECK(*d.records.waiting_ops() == waiting_before + 5);
  CHECK(d.records.open_case_view(crypto::random_array<16>()).error().code == Errc::not_found);
}

TEST_CASE("deleted drafts leave the listings and filters narrow them", "[store][records]") {
  Desk d;
  auto a = *d.records.add_note(d.visit, "a");
  d.wall.ms += 10'000;
  auto b = *d.records.add_note(d.visit, "b");
  d.wall.ms += 10'000;
  auto c = *d.records.add_note(d.visit, "c");
  REQUIRE(d.records.sign_note(b));
  REQUIRE(d.records.delete_draft(c));
  CHECK(d.records.edit_note(c, "again").error().code == Errc::not_found);
  auto all = *d.records.notes();
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == a);
  CHECK(all[1].id == b);
  store::NoteFilter unsigned_only;
  unsigned_only.only_unsigned = true;
  REQUIRE(d.records.notes(unsigned_only)->size() == 1);
  CHECK(d.records.notes(unsigned_only)->front().id == a);
  store::NoteFilter late;
  late.from_ms = d.wall.ms - 15'000;
  REQUIRE(d.records.notes(late)->size() == 1);
  CHECK(d.records.notes(late)->front().id == b);
  store::NoteFilter other_case;
  other_case.case_id = crypto::random_array<16>();
  CHECK(d.records.notes(other_case)->empty());
  store::NoteFilter by_me;
  by_me.author = to_hex(d.me);
  CHECK(d.records.notes(by_me)->size() == 2);
  by_me.author = "zz";
  CHECK(d.records.notes(by_me).error().code == Errc::invalid_argument);
}

TEST_CASE("a sign-off is sealed apart from field work, as a review change set", "[store][records][outbox]") {
  Desk d;
  auto note = *d.records.add_note(d.visit, "to review");
  CHECK(d.records.sign_off(note).error().code == Errc::invalid_argument);
  REQUIRE(d.records.sign_note(note));
  REQUIRE(d.records.sign_off(note));
  CHECK(d.records.sign_off(note).error().code == Errc::conflict);
  CHECK(d.records.notes()->front().reviewed);
  store::NoteFilter unreviewed;
  unreviewed.only_unreviewed = true;
  CHECK(d.records.notes(unreviewed)->empty());

  auto field_work = d.store->next_outgoing(1000);
  REQUIRE(field_work);
  CHECK(field_work->change_class == wire::ChangeSetClass::field_work);
  auto field_ops = model::decode_ops(field_work->plaintext);
  REQUIRE(field_ops);
  for (const auto& op : *field_ops) CHECK(op.kind != model::EntityKind::review);
  REQUIRE(d.store->record_sealed(*field_work, {crypto::random_array<16>(), 1, {}, {1, 2}, 0}));
  auto review = d.store->next_outgoing(1000);
  REQUIRE(review);
  CHECK(review->change_class == wire::ChangeSetClass::review);
  auto decoded = model::decode_ops(review->plaintext);
  REQUIRE(decoded);
  const auto& ops = *decoded;
  // Created, the note, and the hash of the text it signs off; the reads
  // above logged access-log entries, which travel in either class.
  CHECK(std::count_if(ops.begin(), ops.end(), [](const model::Op& op) { return op.kind == model::EntityKind::review; }) == 3);
  for (const auto& op : ops) {
    CHECK((op.kind == model::EntityKind::review || op.kind == model::EntityKind::access_log));
  }
}

TEST_CASE("tasks, safety plan versions and assessments are written with their checks", "[store][records]") {
  Desk d;
  auto task = d.records.add_task(d.case_id, "call back", "2026-03-05");
  REQUIRE(task);
  CHECK_THAT(d.records.add_task(d.case_id, "x", "soon").error().message, Catch::StartsWith("due:"));
  REQUIRE(d.records.complete_task(*task));
  CHECK(d.records.complete_task(crypto::random_array<16>()).error().code == Errc::not_found);
  REQUIRE(d.records.add_safety_plan_version(d.case_id, "plan one"));
  REQUIRE(d.records.add_safety_plan_version(d.case_id, "plan two"));

  model::Instrument instrument;
  instrument.id = "example";
  model::Question q;
  q.id = "q1";
  q.kind = model::AnswerKind::yes_no;
  q.points_if_yes = 2;
  instrument.sections.push_back({"s1", "Section", {q}});
  instrument.bands = {{0, "low"}, {2, "raised"}};
  CHECK_THAT(d.records.add_assessment(d.case_id, instrument, {{"q1", "yes"}}, " ").error().message,
             Catch::StartsWith("judgement:"));
  CHECK(d.records.add_assessment(d.case_id, instrument, {{"q1", "maybe"}}, "my view").error().code ==
        Errc::invalid_argument);
  REQUIRE(d.records.add_assessment(d.case_id, instrument, {{"q1", "yes"}}, "my view"));
}

TEST_CASE("the clock never goes back across runs, even when the wall clock does", "[store][records][hlc]") {
  Desk d;
  REQUIRE(d.records.add_note(d.visit, "before"));
  const auto written = d.clock.last();
  CHECK(*d.store->last_hlc() == written);
  // A remote op stamped ahead of us moves the persisted clock too.
  const crypto::DeviceId other = crypto::random_array<16>();
  const auto remote_note = model::entity_id_for(model::Hlc::from_parts(d.wall.ms, 0), other);
  REQUIRE(d.store->apply_received(
      test::received(other, {op_on(remote_note, "body", "x", d.wall.ms + 60'000, other)}, 1)));
  const auto seen = *d.store->last_hlc();
  CHECK(seen == model::Hlc::from_parts(d.wall.ms + 60'000, 0));
  d.store->lock();

  auto reopened = LocalStore::open(d.path, "correct horse");
  REQUIRE(reopened);
  test::ManualWall earlier{d.wall.ms - 3'600'000};
  model::HybridClock clock(earlier.clock(), *(*reopened)->last_hlc());
  Records records(**reopened, clock, d.me);
  REQUIRE(records.add_note(d.visit, "after"));
  CHECK(*(*reopened)->last_hlc() > seen);
}

TEST_CASE("Placements and children are written with their outbox ops, against a known case only", "[store][records]") {
  Desk d;
  auto before = d.records.waiting_ops();
  REQUIRE(before.ok());
  auto child = d.records.add_child(d.case_id, {"Barn Andersson", "2019", "", ""});
  REQUIRE(child.ok());
  auto placement = d.records.add_placement(d.case_id, {"sheltered_housing", "2026-03-01", "", "Skyddat boende X", ""});
  REQUIRE(placement.ok());
  auto after = d.records.waiting_ops();
  REQUIRE(after.ok());
  CHECK(*after == *before + 6 + 7);  // child: created + 5 fields; placement: created + 6

  auto stranger = d.records.add_child(crypto::random_array<16>(), {"Barn", "2019", "", ""});
  REQUIRE_FALSE(stranger.ok());
  CHECK(stranger.error().code == Errc::not_found);
  auto bad_date = d.records.add_placement(d.case_id, {"sheltered_housing", "yesterday", "", "", ""});
  REQUIRE_FALSE(bad_date.ok());
  CHECK(bad_date.error().code == Errc::invalid_argument);
  auto no_name = d.records.add_child(d.case_id, {"", "2019", "", ""});
  REQUIRE_FALSE(no_name.ok());
  CHECK(*d.records.waiting_ops() == *after);
}

TEST_CASE("an op stamped far ahead of this device's clock waits, and is taken up once its time has come",
          "[store][records][insider]") {
  Desk d;
  std::uint64_t now = d.wall.ms;
  d.store->set_wall_clock([&] { return now; });
  const crypto::DeviceId other = crypto::random_array<16>();
  const auto ahead = d.wall.ms + 3'600'000;  // an hour in the future: it would win every field it touches
  auto r = test::received(other, {model::Op{model::EntityKind::person, d.person, "name", "Framtida namn",
                                            model::Hlc::from_parts(ahead, 0), other}},
                          1);
  REQUIRE(d.store->apply_received(r));
  CHECK(d.records.persons()->front().name == "Anna Andersson");
  auto waiting = d.store->pending_received();
  REQUIRE(waiting->size() == 1);
  CHECK(waiting->front().disposition == sync::Disposition::quarantine);
  CHECK(waiting->front().reason.find("ahead of this device's clock") != std::string::npos);

  now = ahead;  // the hour has passed: the engine takes it up again
  r.from_pending = true;
  REQUIRE(d.store->apply_received(r));
  CHECK(d.store->pending_received()->empty());
  CHECK(d.records.persons()->front().name == "Framtida namn");
}

TEST_CASE("a device is told when a colleague's later edit replaces its own", "[store][records]") {
  test::ScratchDir dir;
  auto store = test::make_store(dir.file("v.db"));
  const auto identity = crypto::DeviceIdentity::generate();
  REQUIRE(store->save_identity(identity));
  test::ManualWall wall;
  model::HybridClock clock{wall.clock()};
  store::Records records{*store, clock, identity.device_id()};
  const auto person = *records.add_person({"Anna Andersson", "", "none", ""});
  const crypto::DeviceId colleague = crypto::random_array<16>();
  REQUIRE(store->apply_received(test::received(
      colleague, {model::Op{model::EntityKind::person, person, "name", "Anna Andersson-Berg",
                            model::Hlc::from_parts(wall.ms + 10'000, 0), colleague}},
      1)));
  CHECK(records.persons()->front().name == "Anna Andersson-Berg");
  auto told = records.conflicts();
  REQUIRE(told);
  REQUIRE(told->size() == 1);
  CHECK(told->front().reason == store::kDisplacedOwnEditReason);
  CHECK(told->front().author == to_hex(colleague));
  CHECK(told->front().field == "name");
  // It is what this device was told, not merge state: every replica's digest agrees without it.
  auto count = store->database().prepare("SELECT count(*) FROM conflict WHERE op_hash IS NOT NULL");
  REQUIRE(*count->step());
  CHECK(count->int64(0) == 0);
}

TEST_CASE("a colleague may raise a person's protection but only a reviewer or admin removes it",
          "[store][records][insider]") {
  Desk d;
  const crypto::DeviceId colleague = crypto::random_array<16>();
  const auto stamp = [&](int n) { return model::Hlc::from_parts(d.wall.ms + static_cast<std::uint64_t>(n) * 1000, 0); };
  auto set = [&](std::string level, int n, registry::Role role, std::uint64_t seq) {
    auto r = test::received(colleague, {model::Op{model::EntityKind::person, d.person, "protection", std::move(level),
                                                   stamp(n), colleague}},
                            seq);
    r.role = role;
    REQUIRE(d.store->apply_received(r));
  };
  set("protected_registration", 1, registry::Role::worker, 1);
  CHECK(d.records.persons()->front().protection == "protected_registration");
  set("none", 2, registry::Role::worker, 2);  // refused: a worker may not lower it
  CHECK(d.records.persons()->front().protection == "protected_registration");
  CHECK(d.records.conflicts()->back().reason.find("only a reviewer or an admin") != std::string::npos);
  set("none", 3, registry::Role::reviewer, 3);
  CHECK(d.records.persons()->front().protection == "none");
}

TEST_CASE("only an admin's change sets name who a device belongs to, and a worker's are refused", "[store][records][insider]") {
  Desk d;
  const crypto::DeviceId colleague = crypto::random_array<16>();
  const auto staff_id = model::entity_id_for(model::Hlc::from_parts(d.wall.ms, 0), colleague);
  const auto staff_ops = [&](const std::string& name, int n) {
    const auto at = model::Hlc::from_parts(d.wall.ms + static_cast<std::uint64_t>(n) * 1000, 0);
    return std::vector<model::Op>{
        model::Op{model::EntityKind::staff, staff_id, std::string(model::fields::kCreated), to_hex(colleague), at, colleague},
        model::Op{model::EntityKind::staff, staff_id, "name", name, at, colleague},
        model::Op{model::EntityKind::staff, staff_id, "device." + to_hex(colleague), "1", at, colleague}};
  };
  auto as_worker = test::received(colleague, staff_ops("Falsk chef", 1), 1);
  as_worker.role = registry::Role::worker;
  REQUIRE(d.store->apply_received(as_worker));
  CHECK(d.records.staff()->empty());
  CHECK(d.records.conflicts()->back().reason.find("only an admin") != std::string::npos);

  auto as_admin = test::received(colleague, staff_ops("Maria Ek", 2), 2);
  as_admin.role = registry::Role::admin;
  REQUIRE(d.store->apply_received(as_admin));
  auto staff = d.records.staff();
  REQUIRE(staff);
  REQUIRE(staff->size() == 1);
  CHECK(staff->front().name == "Maria Ek");
  CHECK(staff->front().devices == std::vector<crypto::DeviceId>{colleague});
}

TEST_CASE("A case's placements read back by start with their location and decision, each read logged, and a placement "
          "of no known kind or ending before it begins is refused",
          "[store][records][placements]") {
  Desk d;
  REQUIRE(d.records.add_placement(d.case_id, {"emergency_flat", "2026-04-01", "2026-04-20", "Akutlägenhet Nord", ""}));
  REQUIRE(d.records.add_placement(d.case_id, {"sheltered_housing", "2026-03-01", "2026-03-31", "Skyddat boende X",
                                              "Beslut 2026-02-28, SoL 4 kap. 1 §"}));
  const auto logged_before = d.records.access_log()->size();
  auto placements = d.records.placements(d.case_id);
  REQUIRE(placements);
  REQUIRE(placements->size() == 2);
  CHECK((*placements)[0].placement.kind == "sheltered_housing");
  CHECK((*placements)[0].placement.secret_location == "Skyddat boende X");
  CHECK((*placements)[0].placement.decision == "Beslut 2026-02-28, SoL 4 kap. 1 §");
  CHECK((*placements)[1].placement.to == "2026-04-20");
  CHECK((*placements)[0].author == to_hex(d.me));
  auto log = d.records.access_log();
  REQUIRE(log->size() == logged_before + 1);
  CHECK(log->back().action == "read_placements");

  CHECK(d.records.add_placement(d.case_id, {"hotel", "2026-03-01", "", "", ""}).error().code == Errc::invalid_argument);
  CHECK(d.records.add_placement(d.case_id, {"jourhem", "2026-03-01", "", "", ""}).error().code == Errc::invalid_argument);
  CHECK(d.records.add_placement(d.case_id, {"other", "", "", "", ""}).error().code == Errc::invalid_argument);
  auto backwards = d.records.add_placement(d.case_id, {"other", "2026-05-02", "2026-05-01", "", ""});
  REQUIRE_FALSE(backwards);
  CHECK(backwards.error().message.find("ends before it begins") != std::string::npos);
}
