// Accompanying children (R16) with their own decisions, between the stores
// of one unit (tests/store/vault_unit.hpp).
#include <catch2/catch.hpp>

#include "vault_unit.hpp"

using namespace varn;
using test::store_holds;
using test::VaultUnit;

TEST_CASE("a child's decisions are records of their own: two devices deciding offline both keep theirs, in one order "
          "on every device, and each read is logged",
          "[store][children]") {
  VaultUnit unit;
  const auto anna = unit.add_staff("Anna Lind");
  const auto bo = unit.add_staff("Bo Ek");
  auto& a = unit.enrol(registry::Role::worker, anna);
  auto& b = unit.enrol(registry::Role::worker, bo);
  const auto person = *a.records->add_person({"Karin Lindqvist", "", "none", ""});
  const auto case_id = *a.records->open_case(person);
  auto child = a.records->add_child(case_id, {"Elsa Lindqvist", "2017", "Hörde hoten från sitt rum", "Orosanmälan 2026-11-02"});
  REQUIRE(child);
  CHECK(a.records->add_child(case_id, {"Elsa", "17", "", ""}).error().code == Errc::invalid_argument);
  CHECK(a.records->decide_child(*child, " ").error().code == Errc::invalid_argument);
  unit.sync_all();

  REQUIRE(a.records->decide_child(*child, "Placeras med mamman i skyddat boende"));
  unit.wall.ms += 1000;
  REQUIRE(b.records->decide_child(*child, "Skolskjuts från boendet ordnas"));
  unit.sync_all();
  auto on_a = a.records->children(case_id);
  auto on_b = b.records->children(case_id);
  REQUIRE(on_a);
  REQUIRE(on_b);
  REQUIRE(on_a->size() == 1);
  const auto& c = on_a->front();
  CHECK(c.child.born == "2017");
  CHECK(c.child.exposure == "Hörde hoten från sitt rum");
  CHECK(c.child.link == "Orosanmälan 2026-11-02");
  REQUIRE(c.decisions.size() == 2);
  REQUIRE(on_b->front().decisions.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) CHECK(c.decisions[i].id == on_b->front().decisions[i].id);
  CHECK(c.decisions[0].author == to_hex(a.me));
  CHECK(c.decisions[1].author == to_hex(b.me));
  const auto log = a.records->access_log();
  REQUIRE(log);
  CHECK(std::any_of(log->begin(), log->end(), [](const store::AccessLogEntry& e) { return e.action == "read_children"; }));
}

TEST_CASE("a child and its decisions in a restricted case stay sealed from the unit's other devices",
          "[store][children][restricted]") {
  VaultUnit unit;
  const auto anna = unit.add_staff("Anna Lind");
  const auto bo = unit.add_staff("Bo Ek");
  auto& a = unit.enrol(registry::Role::worker, anna);
  auto& b = unit.enrol(registry::Role::worker, bo);
  auto& admin = *unit.admin().records;
  const auto case_id = *admin.open_case(*admin.add_person({"MARKER-Skyddad", "", "confidential", ""}));
  REQUIRE(admin.restrict_case(case_id, {anna}, unit.registry()));
  unit.sync_all();
  auto child = a.records->add_child(case_id, {"MARKER-Barnet", "2018", "MARKER-Exponering", ""});
  REQUIRE(child);
  REQUIRE(a.records->decide_child(*child, "MARKER-Beslutet"));
  unit.sync_all();
  for (const char* marker : {"MARKER-Barnet", "MARKER-Exponering", "MARKER-Beslutet"}) {
    INFO(marker);
    CHECK(store_holds(*a.store, marker));
    CHECK_FALSE(store_holds(*b.store, marker));
  }
  CHECK(b.records->children(case_id).error().code == Errc::forbidden);
}
