// Restricted cases under attack by a colleague's device that crafts its own
// change sets with the core's codec (tests/store/vault_unit.hpp: inject).
#include <catch2/catch.hpp>

#include "vault_unit.hpp"
#include "varn/model/case_vault.hpp"
#include "varn/store/case_vault.hpp"
#include "varn/store/queries.hpp"

using namespace varn;
using test::store_holds;
using test::VaultDevice;
using test::VaultUnit;

namespace {

struct Attacked {
  VaultUnit unit;
  model::EntityId anna{}, bo{}, case_id{}, visit{};
  VaultDevice* a = nullptr;
  VaultDevice* b = nullptr;
  VaultDevice* mallory = nullptr;  // a colleague's device, not named on the case

  Attacked() {
    anna = unit.add_staff("Anna Lind");
    bo = unit.add_staff("Bo Ek");
    const auto eve = unit.add_staff("Eva Ond");
    a = &unit.enrol(registry::Role::worker, anna);
    b = &unit.enrol(registry::Role::worker, bo);
    mallory = &unit.enrol(registry::Role::worker, eve);
    auto& admin = *unit.admin().records;
    const auto person = *admin.add_person({"MARKER-Attack-Person", "", "confidential", ""});
    case_id = *admin.open_case(person);
    REQUIRE(admin.restrict_case(case_id, {anna}, unit.registry()));
    unit.sync_all();
    visit = *a->records->record_visit({case_id, "home", "no", "", "", true, false, ""});
    unit.sync_all();
  }
  // Stamped a minute ahead of everyone (within the allowed skew): it would win any field by last-writer-wins.
  model::Op op(model::EntityKind kind, const model::EntityId& id, std::string field, std::string value) {
    return model::Op{kind, id, std::move(field), std::move(value), model::Hlc::from_parts(unit.wall.ms + 60'000, ++stamps),
                     mallory->me};
  }
  std::uint16_t stamps = 0;
  model::CaseKeyId current_key() {
    auto r = store::restriction_of(a->store->database(), case_id);
    REQUIRE(r);
    REQUIRE(*r);
    return (**r).current;
  }
};

}  // namespace

TEST_CASE("A colleague cannot move a visit out of a restricted case: what the named worker writes on it stays sealed",
          "[store][restricted][insider]") {
  Attacked t;
  // Mallory learned the visit's id (say, from before the restriction) and points it elsewhere.
  t.unit.inject(*t.mallory, {t.op(model::EntityKind::visit, t.visit, "case", to_hex(crypto::random_array<16>()))});
  auto still = store::stored_field(t.a->store->database(), model::EntityKind::visit, t.visit, "case");
  REQUIRE(still);
  CHECK(still->value_or("") == to_hex(t.case_id));
  REQUIRE(t.a->records->add_note(t.visit, "MARKER-after-move"));
  t.unit.sync_all();
  CHECK(store_holds(*t.a->store, "MARKER-after-move"));
  CHECK_FALSE(store_holds(*t.mallory->store, "MARKER-after-move"));
  CHECK_FALSE(store_holds(*t.b->store, "MARKER-after-move"));
}

TEST_CASE("Garbage key boxes from a colleague neither keep the key from a newly named tablet nor set off rotations",
          "[store][restricted][insider]") {
  Attacked t;
  REQUIRE(t.a->records->add_note(t.visit, "MARKER-history"));
  t.unit.sync_all();
  // Bo is named; before anyone seals him the keys, Mallory fills his fields with garbage.
  REQUIRE(t.unit.admin().records->restrict_case(t.case_id, {t.anna, t.bo}, t.unit.registry()));
  std::vector<model::Op> garbage;
  auto held = store::held_key_ids(t.a->store->database(), t.case_id);
  REQUIRE(held);
  for (const auto& id : *held) {
    garbage.push_back(t.op(model::EntityKind::case_key, t.case_id, model::key_box_field(t.b->me, id), "AAAA"));
  }
  // And a box naming a device that does not exist, for the current key.
  garbage.push_back(t.op(model::EntityKind::case_key, t.case_id,
                         model::key_box_field(crypto::random_array<16>(), t.current_key()), "AAAA"));
  t.unit.sync(t.unit.admin());
  t.unit.inject(*t.mallory, garbage);
  t.unit.sync_all();
  auto notes = t.b->records->notes();
  REQUIRE(notes);
  CHECK(std::any_of(notes->begin(), notes->end(), [](const store::NoteView& n) { return n.body == "MARKER-history"; }));
  auto tended = t.unit.admin().store->tend_restricted(t.unit.registry());
  REQUIRE(tended);
  CHECK(tended->rotated == 0);
}

TEST_CASE("A restriction that does not parse still restricts: nothing of the case leaves a device in the clear",
          "[store][restricted][insider]") {
  Attacked t;
  // The admin's device (as a buggy or newer client might) writes a value no one can read.
  t.unit.inject(t.unit.admin(), {model::Op{model::EntityKind::case_file, t.case_id, std::string(model::kCaseRestriction),
                                           "not a list of staff", t.unit.admin().clock.now(), t.unit.admin().me}});
  REQUIRE(t.a->records->add_note(t.visit, "MARKER-broken-restriction"));
  t.unit.sync_all();
  for (VaultDevice* d : {t.b, t.mallory, &t.unit.admin()}) CHECK_FALSE(store_holds(*d->store, "MARKER-broken-restriction"));
  // Kept on Anna's device and listed, and her device still pushes what is not the case's.
  CHECK(store_holds(*t.a->store, "MARKER-broken-restriction"));
  auto conflicts = t.a->records->conflicts();
  REQUIRE(conflicts);
  CHECK(std::any_of(conflicts->begin(), conflicts->end(),
                    [](const store::ConflictView& c) { return c.reason.find("kept on this device") != std::string::npos; }));
  CHECK(t.b->records->open_case_view(t.case_id).error().code == Errc::forbidden);
  const auto other = *t.a->records->add_person({"MARKER-open-person", "", "none", ""});
  REQUIRE(t.a->records->open_case(other));
  t.unit.sync_all();
  CHECK(store_holds(*t.b->store, "MARKER-open-person"));
}

TEST_CASE("A rotation after a revocation writes only the key: it never puts back a name a reviewer removed",
          "[store][restricted]") {
  Attacked t;
  auto& stolen = t.unit.enrol(registry::Role::worker, t.anna);
  t.unit.sync_all();
  const auto named = store::stored_op(t.unit.admin().store->database(), model::EntityKind::case_file, t.case_id,
                                      model::kCaseRestriction);
  REQUIRE(named);
  REQUIRE(*named);
  const auto before = t.current_key();
  t.unit.revoke(stolen);
  auto tended = t.unit.admin().store->tend_restricted(t.unit.registry());
  REQUIRE(tended);
  CHECK(tended->rotated == 1);
  t.unit.sync_all();
  CHECK(t.current_key() != before);
  const auto after = store::stored_op(t.unit.admin().store->database(), model::EntityKind::case_file, t.case_id,
                                      model::kCaseRestriction);
  REQUIRE(after);
  CHECK((*after)->hlc == (*named)->hlc);  // the staff field untouched
}

TEST_CASE("A named colleague's blob that carries a key, a restriction or another blob is refused whole and listed",
          "[store][restricted][insider]") {
  Attacked t;
  // Anna's device, holding the current key, seals by hand a blob that hides a key box for Bo.
  auto key = store::held_case_key(t.a->store->database(), t.case_id, t.current_key());
  REQUIRE(key);
  REQUIRE(*key);
  const model::CaseKey current{t.current_key(), crypto::SecretBuffer::copy_of((**key).view())};
  const auto stamp = model::Hlc::from_parts(t.unit.wall.ms + 1, 7);
  const std::vector<model::Op> inner = {
      model::Op{model::EntityKind::case_key, t.case_id, model::key_box_field(t.b->me, model::new_case_key().id), "AAAA",
                stamp, t.a->me},
      model::Op{model::EntityKind::visit, t.visit, "outcome", "MARKER-smuggled", stamp, t.a->me}};
  auto blob = model::seal_case_ops(current, t.case_id, inner, stamp, t.a->me);
  REQUIRE(blob);
  t.unit.inject(*t.a, {*blob});
  // The admin's device holds no key; a second tablet of Anna's opens the blob and refuses it.
  auto& second = t.unit.enrol(registry::Role::worker, t.anna);
  t.unit.sync_all();
  REQUIRE(second.records->open_case_view(t.case_id));
  CHECK_FALSE(store_holds(*second.store, "MARKER-smuggled"));
  auto conflicts = second.records->conflicts();
  REQUIRE(conflicts);
  CHECK(std::any_of(conflicts->begin(), conflicts->end(), [](const store::ConflictView& c) {
    return c.reason.find("a blob may not carry a restriction, a key or a blob") != std::string::npos;
  }));
}
