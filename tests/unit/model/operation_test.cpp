#include "varn/model/operation.hpp"

#include <catch2/catch.hpp>
#include <vector>

#include "model_test_util.hpp"
#include "varn/model/domain.hpp"

namespace varn::model {
namespace {

using test::device;
using test::entity;
using test::make_op;
using wire::ChangeSetClass;

TEST_CASE("entity ids name their creator and sort by the creation stamp", "[model][operation]") {
  const crypto::DeviceId me = device(1);
  crypto::DeviceId other = device(2);
  other[3] = 0x33;  // the id keeps the first 8 bytes of its creator's
  const Hlc stamp = Hlc::from_parts(0x0192'3456'789aULL, 3);  // a 2024 timestamp
  const auto a = entity_id_for(stamp, me);
  const auto b = entity_id_for(Hlc{stamp.packed + 1}, me);
  const auto next_year = entity_id_for(Hlc::from_parts(0x0192'3456'789aULL + 366ULL * 24 * 3600 * 1000, 0), other);
  CHECK(std::vector<std::uint8_t>(a.begin(), a.begin() + 6) ==
        std::vector<std::uint8_t>{0x01, 0x92, 0x34, 0x56, 0x78, 0x9a});
  CHECK(a != b);  // the clock never repeats a stamp
  CHECK(a < b);
  CHECK(b < next_year);
  CHECK(names_creator(a, me));
  CHECK_FALSE(names_creator(a, other));
  CHECK(names_creator(next_year, other));
}

TEST_CASE("every entity kind has a name that maps back to it", "[model][operation]") {
  for (std::uint8_t k = 1; k <= kMaxEntityKind; ++k) {
    const auto kind = static_cast<EntityKind>(k);
    const auto name = kind_name(kind);
    CAPTURE(k, name);
    CHECK_FALSE(name.empty());
    CHECK(kind_from_name(name) == kind);
  }
  CHECK(kind_name(EntityKind::case_file) == "case");
  CHECK(kind_name(static_cast<EntityKind>(0)).empty());
  CHECK(kind_name(static_cast<EntityKind>(kMaxEntityKind + 1)).empty());
  CHECK_FALSE(kind_from_name("").has_value());
  CHECK_FALSE(kind_from_name("Note").has_value());
}

TEST_CASE("op_less orders by kind, id, field, hlc, device, then value", "[model][operation]") {
  const Op base = make_op(EntityKind::note, entity(2), "body", "b", 100, device(2));
  auto changed = [&](auto mutate) {
    Op o = base;
    mutate(o);
    return o;
  };
  // Each later key only matters when all earlier keys tie.
  const std::vector<Op> ascending = {
      changed([](Op& o) { o.kind = EntityKind::visit; o.hlc = Hlc::from_parts(999, 0); }),
      changed([](Op& o) { o.id = entity(1); o.field = "zzz"; }),
      changed([](Op& o) { o.field = "a"; o.hlc = Hlc::from_parts(999, 0); }),
      changed([](Op& o) { o.hlc = Hlc::from_parts(99, 0); o.device = device(9); }),
      changed([](Op& o) { o.device = device(1); o.value = "z"; }),
      changed([](Op& o) { o.value = "a"; }),
      base,
  };
  for (std::size_t i = 0; i + 1 < ascending.size(); ++i) {
    CAPTURE(i);
    CHECK(op_less(ascending[i], ascending[i + 1]));
    CHECK_FALSE(op_less(ascending[i + 1], ascending[i]));
  }
  CHECK_FALSE(op_less(base, base));
}

TEST_CASE("change-set classes: sign-offs and log reviews only in review sets, addenda, access log and restricted-case blobs and keys in both",
          "[model][operation]") {
  for (std::uint8_t k = 1; k <= kMaxEntityKind; ++k) {
    const Op op = make_op(static_cast<EntityKind>(k), entity(1), "x", "y", 1, device(1));
    CAPTURE(kind_name(op.kind));
    const bool field = class_allows(ChangeSetClass::field_work, op);
    const bool review = class_allows(ChangeSetClass::review, op);
    if (op.kind == EntityKind::review || op.kind == EntityKind::log_review) {
      CHECK((!field && review));
      CHECK(class_for(op) == ChangeSetClass::review);
    } else if (op.kind == EntityKind::addendum || op.kind == EntityKind::access_log ||
               op.kind == EntityKind::case_sealed || op.kind == EntityKind::case_key) {
      CHECK((field && review));
      CHECK(class_for(op) == ChangeSetClass::field_work);
    } else {
      CHECK((field && !review));
      CHECK(class_for(op) == ChangeSetClass::field_work);
    }
    CHECK(class_allows(class_for(op), op));
  }
}

TEST_CASE("domain value lists hold the documented tokens", "[model][domain]") {
  using namespace domain;
  CHECK(visit_kinds().size() == 6);
  CHECK(is_one_of(visit_kinds(), "police"));
  CHECK(partner_present_values().size() == 3);
  CHECK(case_phases().size() == 7);
  CHECK(case_phases().front() == "intake");
  CHECK(case_phases().back() == "closed");
  CHECK(is_one_of(protection_levels(), "protected_registration"));
  CHECK(is_one_of(addendum_kinds(), "objection"));
  CHECK(is_one_of(case_flags(), "digital_control"));
  CHECK_FALSE(is_one_of(case_phases(), "Intake"));
  CHECK_FALSE(is_one_of(visit_kinds(), ""));
}

}  // namespace
}  // namespace varn::model
