// Property: after any sequence of enrolments, revocations, namings and
// writes, a device opens exactly the restricted cases its person is named
// on, reads what was written in them, and holds nothing written while its
// person was not named since, nor anything written after it was revoked.
#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "vault_unit.hpp"

using namespace varn;
using test::VaultDevice;
using test::VaultUnit;

namespace {

struct World {
  explicit World(std::uint32_t seed) : rng(seed) {}
  std::mt19937 rng;
  VaultUnit unit;
  std::vector<model::EntityId> staff;
  std::vector<std::size_t> staff_of;  // device index (1..) -> staff index; [0] unused (the admin)
  std::vector<bool> revoked;
  std::vector<int> revoked_round;
  struct Case {
    model::EntityId id{};
    std::set<std::size_t> named;
  };
  std::vector<Case> cases;
  struct Note {
    std::size_t case_index = 0;
    std::string body;
    std::size_t writer = 0;
    int round = 0;
    std::set<std::size_t> named_since;  // staff named at the write or any time after
  };
  std::vector<Note> notes;

  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); }
  VaultDevice& device(std::size_t i) { return *unit.devices()[i]; }
  std::size_t device_count() { return unit.devices().size(); }

  bool staff_active(std::size_t s) {
    for (std::size_t d = 1; d < device_count(); ++d) {
      if (staff_of[d] == s && !revoked[d]) return true;
    }
    return false;
  }
  void enrol(std::size_t s) {
    unit.enrol(registry::Role::worker, staff[s]);
    staff_of.push_back(s);
    revoked.push_back(false);
    revoked_round.push_back(-1);
  }
  void name(std::size_t c, int round) {
    std::set<std::size_t> named;
    for (std::size_t s = 0; s < staff.size(); ++s) {
      if (staff_active(s) && pick(2) == 0) named.insert(s);
    }
    if (named.empty()) return;

    std::vector<model::EntityId> ids;
    for (auto s : named) ids.push_back(staff[s]);
    REQUIRE(unit.admin().records->restrict_case(cases[c].id, ids, unit.registry()));
    cases[c].named = named;
    for (auto& n : notes) {
      if (n.case_index == c) n.named_since.insert(named.begin(), named.end());
    }
    (void)round;
  }
  void write(std::size_t c, int round) {
    std::vector<std::size_t> writers;
    for (std::size_t d = 1; d < device_count(); ++d) {
      if (!revoked[d] && cases[c].named.count(staff_of[d]) != 0) writers.push_back(d);
    }
    if (writers.empty()) return;
    const std::size_t w = writers[pick(writers.size())];
    Note n{c, "PROPERTY-NOTE-" + std::to_string(round) + "-" + std::to_string(c), w, round, cases[c].named};
    // The writer's own visit: what it writes depends on no key but the ones it holds.
    auto visit = device(w).records->record_visit({cases[c].id, "office", "no", "", "", false, false, ""});
    if (!visit) FAIL("device " << w << ": " << visit.error().message);
    auto added = device(w).records->add_note(*visit, n.body);
    if (!added) FAIL("device " << w << ": " << added.error().message);
    notes.push_back(n);
  }
  void revoke_one(int round) {
    std::vector<std::size_t> live;
    for (std::size_t d = 1; d < device_count(); ++d) {
      if (!revoked[d]) live.push_back(d);
    }
    if (live.size() <= 1) return;
    const std::size_t d = live[pick(live.size())];
    unit.revoke(device(d));
    revoked[d] = true;
    revoked_round[d] = round;
  }
};

bool reads(VaultDevice& d, const std::string& body) {
  auto notes = d.records->notes();
  REQUIRE(notes);
  return std::any_of(notes->begin(), notes->end(), [&](const store::NoteView& n) { return n.body == body; });
}

void check(World& w) {
  for (std::size_t d = 1; d < w.device_count(); ++d) {
    VaultDevice& dev = w.device(d);
    const std::size_t s = w.staff_of[d];
    for (std::size_t c = 0; c < w.cases.size(); ++c) {
      if (w.revoked[d]) continue;
      INFO("device " << d << " of staff " << s << ", case " << c);
      const bool named = w.cases[c].named.count(s) != 0;
      auto opened = dev.records->open_case_view(w.cases[c].id);
      CHECK(opened.ok() == named);
      if (!opened) CHECK(opened.error().code == Errc::forbidden);
    }
    for (const auto& n : w.notes) {
      INFO("device " << d << " of staff " << s << ", note " << n.body << " by device " << n.writer);
      const bool may = n.named_since.count(s) != 0;
      if (!may) CHECK_FALSE(reads(dev, n.body));
      if (w.revoked[d] && n.round > w.revoked_round[d]) CHECK_FALSE(test::store_holds(*dev.store, n.body));
      const bool named_now = w.cases[n.case_index].named.count(s) != 0;
      if (!w.revoked[d] && named_now && !w.revoked[n.writer]) CHECK(reads(dev, n.body));
    }
  }
  for (const auto& n : w.notes) CHECK_FALSE(test::store_holds(*w.unit.admin().store, n.body));
}

}  // namespace

TEST_CASE("Property: a device opens exactly the restricted cases its person is named on, whatever happened before",
          "[store][restricted][property]") {
  for (std::uint32_t seed = 1; seed <= 6; ++seed) {
    CAPTURE(seed);
    World w(seed);
    w.staff_of.push_back(0);
    w.revoked.push_back(false);
    w.revoked_round.push_back(-1);
    for (const char* name : {"Anna Lind", "Bo Ek", "Cem Ak"}) w.staff.push_back(w.unit.add_staff(name));
    for (std::size_t s = 0; s < w.staff.size(); ++s) w.enrol(s);
    auto& admin = *w.unit.admin().records;
    for (int c = 0; c < 2; ++c) {
      World::Case k;
      auto person = admin.add_person({"PROPERTY-PERSON-" + std::to_string(c), "", "confidential", ""});
      k.id = *admin.open_case(*person);
      w.cases.push_back(k);
      w.name(static_cast<std::size_t>(c), 0);
      if (w.cases.back().named.empty()) {
        REQUIRE(admin.restrict_case(k.id, {w.staff[0]}, w.unit.registry()));
        w.cases.back().named = {0};
      }
    }
    w.unit.sync_all();
    for (int round = 1; round <= 24; ++round) {
      const std::size_t c = w.pick(w.cases.size());
      switch (w.pick(6)) {
        case 0:
          if (w.device_count() < 8) w.enrol(w.pick(w.staff.size()));
          break;
        case 1:
          w.revoke_one(round);
          break;
        case 2:
          w.name(c, round);
          break;
        default:
          w.write(c, round);
          break;
      }
      w.unit.sync_all();
    }
    check(w);
  }
}
