// Restricted cases between the stores of one unit (model/case_vault.hpp):
// who holds plaintext, who only ciphertext, and what naming, removing and
// revoking do. The relay hands every change set to every device, as a
// server would to anyone holding the unit's key.
#include <catch2/catch.hpp>

#include "vault_unit.hpp"
#include "varn/store/case_vault.hpp"

using namespace varn;
using test::store_holds;
using test::VaultDevice;
using test::VaultUnit;

namespace {

struct RestrictedCase {
  model::EntityId person{}, case_id{}, visit{};
};

// The admin registers the person and the case and restricts it before
// anything leaves the device: nothing of it ever travels in the clear.
RestrictedCase open_restricted(VaultUnit& unit, const std::vector<model::EntityId>& named, const std::string& name) {
  auto& admin = *unit.admin().records;
  RestrictedCase c;
  c.person = *admin.add_person({name, "19800101-" + name.substr(0, 4), "confidential", ""});
  c.case_id = *admin.open_case(c.person);
  c.visit = *admin.record_visit({c.case_id, "separate", "no", "", "Receptionen " + name, false, false, ""});
  REQUIRE(admin.restrict_case(c.case_id, named, unit.registry()));
  return c;
}

// A unit with two workers, Anna and Bo, each with a tablet.
struct AnnaAndBo {
  VaultUnit unit;
  model::EntityId anna = unit.add_staff("Anna Lind");
  model::EntityId bo = unit.add_staff("Bo Ek");
  VaultDevice& a = unit.enrol(registry::Role::worker, anna);
  VaultDevice& b = unit.enrol(registry::Role::worker, bo);
};

bool reads_note(VaultDevice& d, const std::string& marker) {
  auto notes = d.records->notes();
  REQUIRE(notes);
  return std::any_of(notes->begin(), notes->end(), [&](const store::NoteView& n) { return n.body == marker; });
}

}  // namespace

TEST_CASE("A device of staff not named on a restricted case holds no plaintext of it, only ciphertext",
          "[store][restricted]") {
  AnnaAndBo t;
  auto& [unit, anna, bo, a, b] = t;
  const auto c = open_restricted(unit, {anna}, "MARKER-Hemlig-Person");
  unit.sync_all();

  // Anna's device reads the case, writes in it; Bo's has only ciphertext.
  REQUIRE(a.records->open_case_view(c.case_id));
  CHECK(a.records->open_case_view(c.case_id)->person.name == "MARKER-Hemlig-Person");
  REQUIRE(a.records->add_note(c.visit, "MARKER-NOTE-hot"));
  unit.sync_all();
  CHECK(reads_note(a, "MARKER-NOTE-hot"));
  for (const char* marker : {"MARKER-Hemlig-Person", "MARKER-NOTE-hot", "Receptionen", "19800101"}) {
    INFO(marker);
    CHECK_FALSE(store_holds(*b.store, marker));
    CHECK(store_holds(*a.store, marker));
  }
  CHECK(b.records->open_case_view(c.case_id).error().code == Errc::forbidden);
  store::NoteFilter of_case;
  of_case.case_id = c.case_id;
  CHECK(b.records->notes(of_case).error().code == Errc::forbidden);
  CHECK(a.records->notes(of_case)->size() == 1);
  CHECK(b.records->persons()->empty());
  // The admin named only Anna and is not named itself: it keeps no key either.
  CHECK_FALSE(store_holds(*unit.admin().store, "MARKER-NOTE-hot"));
  auto seen_by_b = b.records->restriction(c.case_id);
  REQUIRE(seen_by_b);
  CHECK(seen_by_b->restricted);
  CHECK_FALSE(seen_by_b->key_held);
  CHECK(a.records->restriction(c.case_id)->key_held);
}

TEST_CASE("Naming a person gives their devices the case on the next sync, history included",
          "[store][restricted]") {
  AnnaAndBo t;
  auto& [unit, anna, bo, a, b] = t;
  const auto c = open_restricted(unit, {anna}, "MARKER-Person-Two");
  unit.sync_all();
  REQUIRE(a.records->add_note(c.visit, "MARKER-before-naming"));
  unit.sync_all();
  REQUIRE_FALSE(reads_note(b, "MARKER-before-naming"));

  REQUIRE(unit.admin().records->restrict_case(c.case_id, {anna, bo}, unit.registry()));
  unit.sync_all();  // Anna's device seals the older keys to Bo's as it syncs
  CHECK(reads_note(b, "MARKER-before-naming"));
  CHECK(b.records->open_case_view(c.case_id)->person.name == "MARKER-Person-Two");
  // Bo's second tablet, enrolled later, gets the case too.
  auto& b2 = unit.enrol(registry::Role::worker, bo);
  unit.sync_all();
  CHECK(reads_note(b2, "MARKER-before-naming"));
}

TEST_CASE("Removing a person from a restricted case gives it a new key: the next note is unreadable to their device",
          "[store][restricted]") {
  AnnaAndBo t;
  auto& [unit, anna, bo, a, b] = t;
  const auto c = open_restricted(unit, {anna, bo}, "MARKER-Person-Three");
  unit.sync_all();
  REQUIRE(a.records->add_note(c.visit, "MARKER-while-named"));
  unit.sync_all();
  REQUIRE(reads_note(b, "MARKER-while-named"));

  REQUIRE(unit.admin().records->restrict_case(c.case_id, {anna}, unit.registry()));
  unit.sync_all();
  REQUIRE(a.records->add_note(c.visit, "MARKER-after-removal"));
  unit.sync_all();
  CHECK(reads_note(a, "MARKER-after-removal"));
  CHECK_FALSE(reads_note(b, "MARKER-after-removal"));
  CHECK_FALSE(store_holds(*b.store, "MARKER-after-removal"));
  // What their store holds from before is no longer shown either.
  CHECK(store_holds(*b.store, "MARKER-while-named"));
  CHECK_FALSE(reads_note(b, "MARKER-while-named"));
  CHECK(b.records->persons()->empty());
}

TEST_CASE("A named tablet revoked: the next sync of an admin's device gives the case a key it never gets",
          "[store][restricted]") {
  VaultUnit unit;
  const auto anna = unit.add_staff("Anna Lind");
  auto& a = unit.enrol(registry::Role::worker, anna);
  auto& stolen = unit.enrol(registry::Role::worker, anna);
  const auto c = open_restricted(unit, {anna}, "MARKER-Person-Four");
  unit.sync_all();
  REQUIRE(stolen.records->open_case_view(c.case_id));

  unit.revoke(stolen);
  unit.sync(unit.admin());
  REQUIRE(a.records->add_note(c.visit, "MARKER-after-theft"));
  unit.sync(a);
  CHECK(reads_note(a, "MARKER-after-theft"));
  // The thief's tablet got every change set anyway (as from a leaking server).
  CHECK_FALSE(store_holds(*stolen.store, "MARKER-after-theft"));
}

TEST_CASE("A worker's device cannot restrict a case, and a restriction from one is refused by every device",
          "[store][restricted]") {
  VaultUnit unit;
  const auto anna = unit.add_staff("Anna Lind");
  auto& a = unit.enrol(registry::Role::worker, anna);
  auto person = a.records->add_person({"MARKER-Open-Person", "", "none", ""});
  auto case_id = a.records->open_case(*person);
  REQUIRE(case_id);
  CHECK(a.records->restrict_case(*case_id, {anna}, unit.registry()).error().code == Errc::forbidden);
  unit.sync_all();
  CHECK(unit.admin().records->open_case_view(*case_id));
}

TEST_CASE("A device that wrote into a case before learning it was restricted seals its writing to the named staff",
          "[store][restricted]") {
  VaultUnit unit;
  const auto anna = unit.add_staff("Anna Lind");
  const auto bo = unit.add_staff("Bo Ek");
  const auto cem = unit.add_staff("Cem Ak");
  auto& a = unit.enrol(registry::Role::worker, anna);
  auto& b = unit.enrol(registry::Role::worker, bo);
  auto& c3 = unit.enrol(registry::Role::worker, cem);
  auto& admin = *unit.admin().records;
  auto person = *admin.add_person({"MARKER-Person-Five", "", "confidential", ""});
  auto case_id = *admin.open_case(person);
  auto visit = *admin.record_visit({case_id, "office", "no", "", "", false, false, ""});
  unit.sync_all();  // an open case: every device has it
  // Bo writes offline while the admin restricts the case to Anna.
  REQUIRE(b.records->add_note(visit, "MARKER-written-offline"));
  REQUIRE(admin.restrict_case(case_id, {anna}, unit.registry()));
  unit.sync(unit.admin());
  unit.sync(b);
  CHECK(reads_note(a, "MARKER-written-offline"));
  CHECK_FALSE(store_holds(*c3.store, "MARKER-written-offline"));
  CHECK_FALSE(store_holds(*unit.admin().store, "MARKER-written-offline"));
}
