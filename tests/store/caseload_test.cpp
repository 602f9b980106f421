// Whose a case is: the opener's staff member, changed only by a reviewer or
// an admin on every replica.
#include <catch2/catch.hpp>

#include "store_fixture.hpp"
#include "varn/crypto/random.hpp"
#include "varn/model/caseload.hpp"
#include "varn/model/domain.hpp"
#include "varn/store/records.hpp"

using namespace varn;

namespace {

// A desk whose device an admin named for Anna, with Bo recorded too.
struct StaffDesk : test::RecordsDesk {
  model::EntityId anna{}, bo{}, person{};
  StaffDesk() {
    anna = records.add_staff("Anna Lind", "socialsekreterare").value();
    bo = records.add_staff("Bo Ek", "socialsekreterare").value();
    REQUIRE(records.set_staff_device(anna, me, true));
    person = records.add_person({"Karin Lindqvist", "", "none", ""}).value();
  }
};

}  // namespace

TEST_CASE("opening a case makes this device's staff member responsible, and nobody when none is named",
          "[store][records][caseload]") {
  StaffDesk d;
  const auto case_id = d.records.open_case(d.person).value();
  CHECK(d.records.open_case_view(case_id)->responsible == std::vector{to_hex(d.anna)});
  CHECK(d.records.my_staff().value() == d.anna);

  test::RecordsDesk unnamed;
  const auto someone = unnamed.records.add_person({"Lena Berg", "", "none", ""}).value();
  const auto other_case = unnamed.records.open_case(someone).value();
  CHECK(unnamed.records.open_case_view(other_case)->responsible.empty());
  CHECK_FALSE(unnamed.records.my_staff().value());
}

TEST_CASE("a case's responsible staff are replaced as a list, sorted, and must be recorded staff",
          "[store][records][caseload]") {
  StaffDesk d;
  const auto case_id = d.records.open_case(d.person).value();
  REQUIRE(d.records.set_case_responsible(case_id, {d.bo, d.anna, d.bo}, wire::ChangeSetClass::review));
  auto expected = std::vector{to_hex(d.anna), to_hex(d.bo)};
  std::sort(expected.begin(), expected.end());
  CHECK(d.records.open_case_view(case_id)->responsible == expected);
  const auto stranger = crypto::random_array<16>();
  auto refused = d.records.set_case_responsible(case_id, {stranger});
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == Errc::not_found);
  CHECK(d.records.open_case_view(case_id)->responsible == expected);
  REQUIRE(d.records.set_case_responsible(case_id, {}));
  CHECK(d.records.open_case_view(case_id)->responsible.empty());
}

TEST_CASE("only a reviewer's or an admin's change sets change who is responsible for a case, except the one that "
          "opens it",
          "[store][records][caseload][insider]") {
  StaffDesk d;
  const auto case_id = d.records.open_case(d.person).value();
  const crypto::DeviceId colleague = crypto::random_array<16>();
  const auto stamp = [&](int n) { return model::Hlc::from_parts(d.wall.ms + static_cast<std::uint64_t>(n) * 1000, 0); };
  auto assign = [&](const model::EntityId& to, int n, registry::Role role, std::uint64_t seq) {
    auto r = test::received(colleague,
                            {model::Op{model::EntityKind::case_file, case_id, "responsible", to_hex(to), stamp(n), colleague}},
                            seq, model::assignment_class(role));
    r.role = role;
    REQUIRE(d.store->apply_received(r));
  };
  assign(d.bo, 1, registry::Role::worker, 1);  // a colleague taking the case over: refused
  CHECK(d.records.open_case_view(case_id)->responsible == std::vector{to_hex(d.anna)});
  CHECK(d.records.conflicts()->back().reason.find("only a reviewer or an admin changes who is responsible") !=
        std::string::npos);
  assign(d.bo, 2, registry::Role::reviewer, 2);  // the unit manager's assignment, a review change set
  CHECK(d.records.open_case_view(case_id)->responsible == std::vector{to_hex(d.bo)});

  // A worker opening a case names whoever it likes in that change set.
  const auto their_case = model::entity_id_for(stamp(3), colleague);
  auto opened = test::received(
      colleague,
      {model::Op{model::EntityKind::case_file, their_case, std::string(model::fields::kCreated), to_hex(colleague),
                 stamp(3), colleague},
       model::Op{model::EntityKind::case_file, their_case, "person", to_hex(d.person), stamp(3), colleague},
       model::Op{model::EntityKind::case_file, their_case, "responsible", to_hex(d.bo), stamp(3), colleague}},
      3);
  opened.role = registry::Role::worker;
  REQUIRE(d.store->apply_received(opened));
  CHECK(d.records.open_case_view(their_case)->responsible == std::vector{to_hex(d.bo)});
}
