// Every read of case content is an access-log entry: opening a case, notes
// in a list, one note; lists of who wrote what (no bodies) are not reads.
#include <catch2/catch.hpp>

#include "store_fixture.hpp"
#include "varn/crypto/random.hpp"
#include "varn/model/domain.hpp"
#include "varn/store/records.hpp"

using namespace varn;
namespace dom = model::domain;

namespace {

struct Desk : test::RecordsDesk {

  // A person's case with one visit and one note; returns {case, note}.
  std::pair<model::EntityId, model::EntityId> case_with_note(const std::string& name) {
    const auto case_id = *records.open_case(*records.add_person({name, "", "none", ""}));
    store::VisitInput v;
    v.case_id = case_id;
    v.kind = "office";
    v.partner_present = "no";
    const auto note = *records.add_note(*records.record_visit(v), "samtal med " + name);
    return {case_id, note};
  }
  // (case, action) of every entry, in order.
  std::vector<std::pair<model::EntityId, std::string>> entries() {
    std::vector<std::pair<model::EntityId, std::string>> out;
    auto log = records.access_log();
    REQUIRE(log);
    for (const auto& e : *log) {
      CHECK(e.device == to_hex(me));
      out.emplace_back(e.case_id, e.action);
    }
    return out;
  }
};

using Entries = std::vector<std::pair<model::EntityId, std::string>>;

}  // namespace

TEST_CASE("reading notes in a list logs one entry per case shown, and one note's detail logs read_note",
          "[store][records][access-log]") {
  Desk d;
  const auto [anna, anna_note] = d.case_with_note("Anna");
  const auto [britt, britt_note] = d.case_with_note("Britt");
  CHECK(d.entries().empty());  // writing is not reading

  auto listed = d.records.notes();
  REQUIRE(listed);
  REQUIRE(listed->size() == 2);
  auto got = d.entries();
  std::sort(got.begin(), got.end());
  Entries want{{anna, std::string(dom::kAccessReadNotes)}, {britt, std::string(dom::kAccessReadNotes)}};
  std::sort(want.begin(), want.end());
  CHECK(got == want);

  d.wall.ms += 1000;
  auto one = d.records.note(britt_note);
  REQUIRE(one);
  CHECK(one->body == "samtal med Britt");
  CHECK(d.entries().back() == std::pair{britt, std::string(dom::kAccessReadNote)});
  CHECK(d.records.note(crypto::random_array<16>()).error().code == Errc::not_found);

  // A filter that shows one case's notes logs that case only.
  d.wall.ms += store::kAccessLogQuietMs;
  store::NoteFilter only_anna;
  only_anna.case_id = anna;
  const auto before = d.entries().size();
  REQUIRE(d.records.notes(only_anna));
  REQUIRE(d.entries().size() == before + 1);
  CHECK(d.entries().back() == std::pair{anna, std::string(dom::kAccessReadNotes)});
}

TEST_CASE("a list refreshed within the quiet window logs once, every case opening logs, and who-wrote-what "
          "lists log nothing",
          "[store][records][access-log]") {
  Desk d;
  const auto [anna, note] = d.case_with_note("Anna");
  store::NoteFilter no_bodies;
  no_bodies.without_bodies = true;
  auto facts = d.records.notes(no_bodies);
  REQUIRE(facts);
  REQUIRE(facts->size() == 1);
  CHECK(facts->front().body.empty());
  CHECK(d.entries().empty());

  REQUIRE(d.records.notes());
  d.wall.ms += store::kAccessLogQuietMs - 1;
  REQUIRE(d.records.notes());
  CHECK(d.entries().size() == 1);
  d.wall.ms += 1;
  REQUIRE(d.records.notes());
  CHECK(d.entries().size() == 2);

  REQUIRE(d.records.open_case_view(anna));
  REQUIRE(d.records.open_case_view(anna));
  CHECK(d.entries() == Entries{{anna, "read_notes"}, {anna, "read_notes"}, {anna, "open_case"}, {anna, "open_case"}});
}

TEST_CASE("an access-log entry names the device that signed it, not the device it claims", "[store][records][access-log][insider]") {
  Desk d;
  const auto [anna, note] = d.case_with_note("Anna");
  const crypto::DeviceId colleague = crypto::random_array<16>();
  const crypto::DeviceId framed = crypto::random_array<16>();
  const auto at = model::Hlc::from_parts(d.wall.ms + 1000, 0);
  const auto id = model::entity_id_for(at, colleague);
  auto r = test::received(colleague,
                          {model::Op{model::EntityKind::access_log, id, std::string(model::fields::kCreated),
                                     to_hex(colleague), at, colleague},
                           model::Op{model::EntityKind::access_log, id, std::string(dom::kAccessCase), to_hex(anna), at,
                                     colleague},
                           model::Op{model::EntityKind::access_log, id, std::string(dom::kAccessDevice), to_hex(framed),
                                     at, colleague},
                           model::Op{model::EntityKind::access_log, id, std::string(dom::kAccessAt), "1700000001", at,
                                     colleague}},
                          1);
  r.role = registry::Role::worker;
  REQUIRE(d.store->apply_received(r));
  auto log = d.records.access_log();
  REQUIRE(log);
  REQUIRE(log->size() == 1);
  CHECK(log->front().device == to_hex(colleague));
  CHECK(log->front().action == "open_case");
}
