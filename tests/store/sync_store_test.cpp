// LocalStore as the sync engine sees it: outbox batches, sealing and the
// chain head, acknowledgements, received change sets (dedup, own echo,
// refusal), held envelopes and the cursor rewind after a server restore.
#include <catch2/catch.hpp>
#include <map>

#include "store_fixture.hpp"
#include "varn/crypto/random.hpp"
#include "varn/model/change_set_codec.hpp"
#include "varn/store/database.hpp"
#include "varn/store/records.hpp"

using namespace varn;
using store::LocalStore;

namespace {

struct Device {
  test::ScratchDir dir;
  std::string path = dir.file("v.db");
  std::unique_ptr<LocalStore> store = test::make_store(path);
  test::ManualWall wall;
  model::HybridClock clock{wall.clock()};
  crypto::DeviceId me = crypto::random_array<16>();
  store::Records records{*store, clock, me};

  // Seals everything waiting into change sets of at most `max_ops` ops.
  std::vector<sync::SealedChangeSet> seal_all(std::size_t max_ops) {
    std::vector<sync::SealedChangeSet> out;
    for (;;) {
      auto batch = store->next_outgoing(max_ops);
      REQUIRE(batch);
      if (batch->op_ids.empty()) return out;
      auto head = store->chain_head();
      REQUIRE(head);
      sync::SealedChangeSet s;
      s.id = crypto::random_array<16>();
      s.author_seq = head->seq + 1;
      s.envelope = batch->plaintext;  // stands in for the sealed envelope
      s.hash = crypto::labelled_hash("test", {s.envelope});
      REQUIRE(store->record_sealed(*batch, s));
      out.push_back(s);
    }
  }
};

Bytes text_bytes(std::string_view s) { return Bytes(s.begin(), s.end()); }

model::Op note_op(const crypto::DeviceId& device, std::uint64_t wall_ms) {
  static std::uint16_t n = 0;  // ids the author's device could have made: they name it
  const auto stamp = model::Hlc::from_parts(wall_ms, ++n);
  return {model::EntityKind::note, model::entity_id_for(stamp, device), "body", "x", stamp, device};
}

std::size_t count_rows(LocalStore& s, const char* sql) {
  auto q = s.database().prepare(sql);
  REQUIRE(q);
  REQUIRE(*q->step());
  return static_cast<std::size_t>(q->int64(0));
}

}  // namespace

TEST_CASE("an empty store has nothing to send, no head and cursor 0", "[store][sync]") {
  Device d;
  auto batch = d.store->next_outgoing(100);
  REQUIRE(batch);
  CHECK(batch->op_ids.empty());
  CHECK(d.store->chain_head()->seq == 0);
  CHECK(d.store->chain_head()->hash == crypto::Hash32{});
  CHECK(*d.store->pull_cursor() == 0);
  CHECK(d.store->unacknowledged()->empty());
  CHECK(d.store->held_envelopes_after(0)->empty());
}

TEST_CASE("outbox batches are sealed in order, never split a write, and advance the chain head", "[store][sync]") {
  Device d;
  auto person = d.records.add_person({"P", "", "none", ""});  // 3 ops
  REQUIRE(person);
  REQUIRE(d.records.open_case(*person));  // 3 ops
  // Two ops asked for: the whole first write comes (its authority is judged per change set).
  auto first = d.store->next_outgoing(2);
  REQUIRE(first);
  REQUIRE(first->op_ids.size() == 3);
  CHECK(first->change_class == wire::ChangeSetClass::field_work);
  CHECK(model::decode_ops(first->plaintext)->size() == 3);
  CHECK(d.store->next_outgoing(3)->op_ids == first->op_ids);  // unchanged until sealed

  sync::SealedChangeSet wrong_seq{crypto::random_array<16>(), 2, {}, text_bytes("e"), 0};
  CHECK(d.store->record_sealed(*first, wrong_seq).error().code == Errc::conflict);
  sync::SealedChangeSet one{crypto::random_array<16>(), 1, crypto::labelled_hash("t", {}), text_bytes("e1"), 0};
  REQUIRE(d.store->record_sealed(*first, one));
  CHECK(d.store->chain_head()->seq == 1);
  CHECK(d.store->chain_head()->hash == one.hash);
  sync::SealedChangeSet again{crypto::random_array<16>(), 2, {}, text_bytes("e2"), 0};
  CHECK(d.store->record_sealed(*first, again).error().code == Errc::conflict);  // ops already sealed
  CHECK(d.store->chain_head()->seq == 1);

  auto rest = d.store->next_outgoing(100);
  REQUIRE(rest->op_ids.size() == 3);
  CHECK(rest->op_ids.front() > first->op_ids.back());
  CHECK(*d.records.waiting_ops() == 6);
}

TEST_CASE("acknowledgements take change sets off the unacknowledged list", "[store][sync]") {
  Device d;
  REQUIRE(d.records.add_staff("P", ""));  // one write of 3 ops
  REQUIRE(d.records.add_staff("Q", ""));
  REQUIRE(d.records.add_staff("R", ""));
  auto sealed = d.seal_all(1);
  REQUIRE(sealed.size() == 3);
  auto pending = d.store->unacknowledged();
  REQUIRE(pending->size() == 3);
  for (std::size_t i = 0; i < 3; ++i) CHECK((*pending)[i].author_seq == i + 1);
  REQUIRE(d.store->mark_acknowledged(sealed[1].id, 7));
  pending = d.store->unacknowledged();
  REQUIRE(pending->size() == 2);
  CHECK((*pending)[0].id == sealed[0].id);
  CHECK((*pending)[1].id == sealed[2].id);
  CHECK(*d.records.waiting_ops() == 6);
  CHECK(d.store->mark_acknowledged(crypto::random_array<16>(), 8).error().code == Errc::not_found);
  d.store->lock();
  auto reopened = LocalStore::open(d.path, "correct horse");
  REQUIRE(reopened);
  CHECK((*reopened)->unacknowledged()->size() == 2);
  CHECK((*reopened)->chain_head()->seq == 3);
}

TEST_CASE("an own change set coming back is acknowledged, not applied again", "[store][sync]") {
  Device d;
  REQUIRE(d.records.add_person({"P", "", "none", ""}));
  auto sealed = d.seal_all(100);
  REQUIRE(sealed.size() == 1);
  const auto ops_before = count_rows(*d.store, "SELECT (SELECT count(*) FROM op_log) + (SELECT count(*) FROM field_value)");
  sync::ReceivedChangeSet echo;
  echo.server_seq = 5;
  echo.id = sealed[0].id;
  echo.author = d.me;
  echo.envelope = sealed[0].envelope;
  echo.plaintext = sealed[0].envelope;
  echo.author_seq = sealed[0].author_seq;
  REQUIRE(d.store->apply_received(echo));
  CHECK(d.store->unacknowledged()->empty());
  CHECK(*d.store->pull_cursor() == 5);
  CHECK(count_rows(*d.store, "SELECT (SELECT count(*) FROM op_log) + (SELECT count(*) FROM field_value)") == ops_before);
  CHECK(count_rows(*d.store, "SELECT count(*) FROM received_changeset") == 0);
}

TEST_CASE("a change set seen before only moves the cursor", "[store][sync]") {
  Device d;
  const crypto::DeviceId other = crypto::random_array<16>();
  auto r = test::received(other, {note_op(other, d.wall.ms)}, 3);
  REQUIRE(d.store->apply_received(r));
  const auto state = d.store->state_digest();
  r.server_seq = 9;
  r.plaintext = model::encode_ops({note_op(other, d.wall.ms + 1)});  // must not be looked at
  REQUIRE(d.store->apply_received(r));
  CHECK(*d.store->pull_cursor() == 9);
  CHECK(*d.store->state_digest() == *state);
  CHECK(d.records.notes()->size() == 1);
}

TEST_CASE("a change set with an op it may not carry is refused whole, recorded, and passed", "[store][sync]") {
  Device d;
  const crypto::DeviceId author = crypto::random_array<16>();
  const crypto::DeviceId someone_else = crypto::random_array<16>();
  const auto empty_state = *d.store->state_digest();
  const auto good = note_op(author, d.wall.ms);

  SECTION("an op written by a device other than the author") {
    REQUIRE(d.store->apply_received(test::received(author, {good, note_op(someone_else, d.wall.ms)}, 1)));
    CHECK_THAT(d.records.conflicts()->front().reason, Catch::Contains("another device than the author"));
  }
  SECTION("a note op inside a review change set") {
    REQUIRE(d.store->apply_received(test::received(author, {good}, 1, wire::ChangeSetClass::review)));
    CHECK_THAT(d.records.conflicts()->front().reason, Catch::Contains("not allowed in this change-set class"));
  }
  SECTION("a sign-off inside a field-work change set") {
    model::Op review{model::EntityKind::review, model::entity_id_for(good.hlc, author), "note", to_hex(good.id), good.hlc,
                     author};
    REQUIRE(d.store->apply_received(test::received(author, {good, review}, 1)));
    CHECK_THAT(d.records.conflicts()->front().reason, Catch::Contains("not allowed in this change-set class"));
  }
  SECTION("a plaintext that does not decode") {
    auto r = test::received(author, {good}, 1);
    r.plaintext.push_back(0x00);  // trailing byte
    REQUIRE(d.store->apply_received(r));
    CHECK_THAT(d.records.conflicts()->front().reason, Catch::Contains("does not decode"));
  }
  CHECK(d.records.conflicts()->size() == 1);
  CHECK(d.records.conflicts()->front().author == to_hex(author));
  CHECK(*d.store->state_digest() == empty_state);  // nothing of it was merged
  CHECK(*d.store->pull_cursor() == 1);
  CHECK(d.store->held_envelopes_after(0)->size() == 1);  // the envelope is still kept
}

TEST_CASE("held envelopes and a rewound cursor let a restored server heal", "[store][sync]") {
  Device d;
  REQUIRE(d.records.add_person({"P", "", "none", ""}));
  auto own = d.seal_all(100);
  REQUIRE(own.size() == 1);
  const crypto::DeviceId other = crypto::random_array<16>();
  auto r1 = test::received(other, {note_op(other, d.wall.ms)}, 1);
  REQUIRE(d.store->apply_received(r1));
  REQUIRE(d.store->mark_acknowledged(own[0].id, 2));
  auto r3 = test::received(other, {note_op(other, d.wall.ms)}, 3);
  REQUIRE(d.store->apply_received_batch({r3}));
  CHECK(*d.store->pull_cursor() == 3);

  auto held = d.store->held_envelopes_after(1);
  REQUIRE(held);
  REQUIRE(held->size() == 2);
  CHECK((*held)[0] == own[0].envelope);
  CHECK((*held)[1] == r3.envelope);
  CHECK(d.store->held_envelopes_after(0)->size() == 3);

  auto marks = d.store->log_marks();
  REQUIRE(marks);
  REQUIRE(marks->size() == 3);  // the start, and after each applied batch
  CHECK(marks->at(1).cursor == 1);
  CHECK(marks->at(2) == *d.store->log_position());
  CHECK(d.store->rewind(sync::LogPosition{4, {}}).error().code == Errc::invalid_argument);
  REQUIRE(d.store->rewind(marks->at(1)));
  CHECK(*d.store->log_position() == marks->at(1));
  CHECK(d.store->log_marks()->size() == 2);
  // The restored server numbers the re-pushed change sets anew; they are recognised by id.
  const auto state = *d.store->state_digest();
  r3.server_seq = 2;
  sync::ReceivedChangeSet own_again{3, own[0].id, d.me, wire::ChangeSetClass::field_work, own[0].envelope, {},
                                    own[0].author_seq, {}, 0, sync::Disposition::apply, {}, false, std::nullopt};
  REQUIRE(d.store->apply_received_batch({r3, own_again}));
  CHECK(*d.store->pull_cursor() == 3);
  CHECK(*d.store->state_digest() == state);
  auto renumbered = d.store->held_envelopes_after(1);
  REQUIRE(renumbered->size() == 2);
  CHECK((*renumbered)[0] == r3.envelope);
  CHECK((*renumbered)[1] == own[0].envelope);
}

TEST_CASE("what one device writes, another reads the same after a sync", "[store][sync]") {
  Device a, b;
  auto person = *a.records.add_person({"Cecilia C", "", "confidential", "Gatan 2"});
  auto case_id = *a.records.open_case(person);
  store::VisitInput v{case_id, "phone", "no", "", "", false, false, ""};
  auto visit = *a.records.record_visit(v);
  auto note = *a.records.add_note(visit, "spoke on the phone");
  REQUIRE(a.records.add_note(visit, "second"));
  REQUIRE(a.records.sign_note(note));
  REQUIRE(a.records.add_addendum(note, "addition", "called back"));
  std::uint64_t seq = 0;
  std::vector<sync::ReceivedChangeSet> page;
  for (const auto& s : a.seal_all(5)) {
    page.push_back({++seq, s.id, a.me, wire::ChangeSetClass::field_work, s.envelope, s.envelope, s.author_seq, {}, 0,
                    sync::Disposition::apply, {}, false, registry::Role::worker});
  }
  REQUIRE(b.store->apply_received_batch(page));
  CHECK(*b.store->state_digest() == *a.store->state_digest());
  CHECK(*b.store->last_hlc() >= a.clock.last());  // before the reads below stamp their access-log entries
  auto na = *a.records.notes();
  auto nb = *b.records.notes();
  REQUIRE(na.size() == 2);
  REQUIRE(nb.size() == 2);
  for (std::size_t i = 0; i < na.size(); ++i) {
    CHECK(nb[i].id == na[i].id);
    CHECK(nb[i].body == na[i].body);
    CHECK(nb[i].author == na[i].author);
    CHECK(nb[i].is_signed == na[i].is_signed);
    CHECK(nb[i].written_ms == na[i].written_ms);
    CHECK(nb[i].addenda.size() == na[i].addenda.size());
  }
  auto persons = *b.records.persons();
  REQUIRE(persons.size() == 1);
  CHECK_FALSE(persons[0].address.has_value());
}

TEST_CASE("a reviewer's access-log entries travel as review, a worker's as field work", "[store][sync][outbox]") {
  Device d;
  auto person = *d.records.add_person({"P", "", "none", ""});
  auto case_id = *d.records.open_case(person);
  d.seal_all(100);
  REQUIRE(d.records.open_case_view(case_id));  // an access-log entry: allowed in either class
  auto as_worker = d.store->next_outgoing(100);
  REQUIRE(as_worker);
  REQUIRE(as_worker->op_ids.size() == 5);  // created, case, device, at, action
  CHECK(as_worker->change_class == wire::ChangeSetClass::field_work);

  REQUIRE(d.store->put_setting(sync::settings::kRole, "reviewer"));
  auto as_reviewer = d.store->next_outgoing(100);
  REQUIRE(as_reviewer);
  REQUIRE(as_reviewer->op_ids.size() == 5);
  CHECK(as_reviewer->change_class == wire::ChangeSetClass::review);
  auto ops = model::decode_ops(as_reviewer->plaintext);
  REQUIRE(ops);
  for (const auto& op : *ops) CHECK(model::class_allows(wire::ChangeSetClass::review, op));
}

TEST_CASE("received envelopes come back byte for byte from the chunks of several pages", "[store][sync]") {
  Device d;
  const crypto::DeviceId other = crypto::random_array<16>();
  std::vector<sync::ReceivedChangeSet> all;
  for (std::uint64_t seq = 1; seq <= 5; ++seq) {
    auto r = test::received(other, {note_op(other, d.wall.ms + seq)}, seq);
    r.envelope.resize(100 + seq * 37, static_cast<std::uint8_t>(seq));  // different lengths and bytes
    all.push_back(std::move(r));
  }
  REQUIRE(d.store->apply_received_batch({all[0], all[1], all[2]}));
  REQUIRE(d.store->apply_received_batch({all[3], all[4]}));
  CHECK(count_rows(*d.store, "SELECT count(*) FROM received_envelopes") == 2);

  auto held = d.store->held_envelopes_after(0);
  REQUIRE(held);
  REQUIRE(held->size() == 5);
  for (std::size_t i = 0; i < 5; ++i) CHECK((*held)[i] == all[i].envelope);
  auto tail = d.store->held_envelopes_after(2);
  REQUIRE(tail->size() == 3);
  CHECK((*tail)[0] == all[2].envelope);
}

TEST_CASE("a second change set at an author's number already held is refused as a fork", "[store][sync]") {
  Device d;
  const crypto::DeviceId other = crypto::random_array<16>();
  auto first = test::received(other, {note_op(other, d.wall.ms)}, 1);
  REQUIRE(d.store->apply_received(first));
  const auto state = *d.store->state_digest();

  auto again = first;  // the same change set, numbered anew by a restored server
  again.server_seq = 2;
  REQUIRE(d.store->apply_received(again));
  auto fork = test::received(other, {note_op(other, d.wall.ms + 1)}, 3);
  fork.author_seq = first.author_seq;  // same author and number, other content and id
  REQUIRE(d.store->apply_received(fork));

  CHECK(*d.store->pull_cursor() == 3);
  CHECK(*d.store->state_digest() == state);  // the fork's op was not merged
  CHECK(count_rows(*d.store, "SELECT count(*) FROM received_changeset") == 1);
  CHECK(count_rows(*d.store, "SELECT server_seq FROM received_changeset") == 2);
  auto q = d.store->database().prepare("SELECT reason FROM conflict WHERE refused_change_set = ?");
  REQUIRE(q);
  q->bind(1, fork.id);
  REQUIRE(*q->step());
  CHECK(q->text(0).find("already signed another change set numbered") != std::string::npos);
}

TEST_CASE("a note's author and time are its earliest op's, also when one page holds an older op after a newer",
          "[store][sync]") {
  // Within one page the store skips its reads for entities new to it; an
  // older op arriving later in the same page must still count.
  Device a, b;
  const crypto::DeviceId early = crypto::random_array<16>();
  const model::EntityId note = model::entity_id_for(model::Hlc::from_parts(1000, 0), early);
  auto op = [&](const crypto::DeviceId& device, std::string_view field, std::uint64_t ms) {
    return model::Op{model::EntityKind::note, note, std::string(field), "v", model::Hlc::from_parts(ms, 0), device};
  };
  // The author's later edit arrives before the change set that created the note.
  auto from_late = test::received(early, {op(early, "body", 2000)}, 1);
  auto from_early = test::received(early, {op(early, model::fields::kCreated, 1000), op(early, "body", 1000)}, 2);
  REQUIRE(a.store->apply_received_batch({from_late, from_early}));  // one transaction
  from_early.server_seq = 1;
  from_late.server_seq = 2;
  REQUIRE(b.store->apply_received(from_early));  // one each, the older first
  REQUIRE(b.store->apply_received(from_late));
  for (Device* d : {&a, &b}) {
    auto q = d->store->database().prepare("SELECT author, written_hlc FROM note_index WHERE id = ?");
    REQUIRE(q);
    q->bind(1, note);
    REQUIRE(*q->step());
    CHECK(q->array<16>(0) == early);
    CHECK(q->uint64(1) == model::Hlc::from_parts(1000, 0).packed);
  }
  CHECK(*a.store->state_digest() == *b.store->state_digest());
  CHECK(count_rows(*a.store, "SELECT count(*) FROM op_log") == 1);  // the older body, superseded
}

TEST_CASE("a catch-up writes with a rollback journal and the store returns to WAL after it", "[store][sync]") {
  Device d;
  auto mode = [&] { return *d.store->database().pragma_value("journal_mode"); };
  auto page_of = [&](std::size_t n, std::uint64_t first_seq) {
    std::vector<sync::ReceivedChangeSet> page;
    for (std::size_t i = 0; i < n; ++i) {
      const auto author = crypto::random_array<16>();
      page.push_back(test::received(author, {note_op(author, 1000 + first_seq + i)}, first_seq + i));
    }
    return page;
  };
  REQUIRE(d.store->apply_received_batch(page_of(3, 1)));
  CHECK(mode() == "wal");
  REQUIRE(d.store->apply_received_batch(page_of(300, 4)));  // a full page: catching up
  CHECK(mode() == "truncate");
  REQUIRE(d.store->apply_received_batch(page_of(300, 304)));
  CHECK(mode() == "truncate");
  REQUIRE(d.store->apply_received_batch(page_of(2, 604)));  // caught up
  CHECK(mode() == "wal");
  CHECK(*d.store->pull_cursor() == 605);
  CHECK(count_rows(*d.store, "SELECT count(*) FROM field_value") == 605);

  // Stopped while catching up: the next open is in WAL with every page kept.
  REQUIRE(d.store->apply_received_batch(page_of(300, 606)));
  CHECK(mode() == "truncate");
  d.store.reset();
  auto reopened = LocalStore::open(d.path, "correct horse");
  REQUIRE(reopened);
  CHECK(*(*reopened)->database().pragma_value("journal_mode") == "wal");
  CHECK(*(*reopened)->pull_cursor() == 905);
  CHECK(count_rows(**reopened, "SELECT count(*) FROM field_value") == 905);
}

TEST_CASE("Real change sets of a visit, a one-line note, a 2,000-character note, an addendum and a sign-off "
          "give envelopes of one size", "[store][sync][padding]") {
  Device d;
  const auto key = crypto::SecretBuffer::random(32);
  const auto author = crypto::SigningKeyPair::generate();
  std::map<std::string, std::size_t> sizes;
  auto seal = [&](const std::string& what) {
    auto batch = d.store->next_outgoing(200);
    REQUIRE(batch);
    REQUIRE_FALSE(batch->op_ids.empty());
    wire::SealParams p;
    p.unit = crypto::random_array<16>();
    p.epoch = 1;
    p.seq = 1;
    p.id = crypto::random_array<16>();
    p.registry_seen = 12;
    auto envelope = wire::seal_envelope(p, key, author, batch->plaintext);
    REQUIRE(envelope);
    sizes[what] = envelope->size();
    sync::SealedChangeSet s{p.id, d.store->chain_head()->seq + 1, wire::envelope_hash(*envelope), *envelope, 0};
    REQUIRE(d.store->record_sealed(*batch, s));
  };
  auto person = *d.records.add_person({"Lena Lindqvist", "", "none", ""});
  auto case_id = *d.records.open_case(person);
  seal("person and case");
  auto visit = *d.records.record_visit({case_id, "separate", "no", "2026-12-02T10:00", "Kontoret", true, false, ""});
  seal("visit");
  REQUIRE(d.records.add_note(visit, "Kort samtal."));
  seal("one-line note");
  std::string long_text;
  while (long_text.size() < 2000) long_text += "Klienten berättar om hot och kontroll i hemmet; vi gör en säkerhetsplan. ";
  long_text.resize(2000);  // 2,000 bytes; with å, ä and ö a little under 2,000 characters
  auto note = *d.records.add_note(visit, long_text);
  seal("2,000-character note");
  REQUIRE(d.records.sign_note(note));
  seal("signing");
  REQUIRE(d.records.add_addendum(note, "addition", "Ringde upp efteråt och bekräftade tiden."));
  seal("addendum");
  for (const auto& [what, size] : sizes) {
    INFO(what);
    CHECK(size == wire::kEnvelopeMinBytes);
  }
}
