#include "varn/model/merge.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

#include "model_test_util.hpp"
#include "varn/model/change_set_codec.hpp"
#include "varn/model/reference_replica.hpp"

namespace varn::model {
namespace {

using test::device;
using test::entity;
using test::make_op;

const EntityId kNote = entity(7);

Op note_op(std::string field, std::string value, std::uint64_t t, std::uint8_t dev = 1) {
  return make_op(EntityKind::note, kNote, std::move(field), std::move(value), t, device(dev));
}

TEST_CASE("decide: plain fields are last-writer-wins by (hlc, device, value)", "[model][merge]") {
  const Op older = make_op(EntityKind::person, entity(1), "name", "A", 10, device(2));
  const Op newer = make_op(EntityKind::person, entity(1), "name", "B", 11, device(1));
  CHECK(decide(older, {}) == Verdict::apply);
  CHECK(decide(newer, {older, std::nullopt}) == Verdict::apply);
  CHECK(decide(older, {newer, std::nullopt}) == Verdict::superseded);
  CHECK(decide(newer, {newer, std::nullopt}) == Verdict::duplicate);

  // Same stamp: the device breaks the tie, then the value (forged duplicates).
  Op same_time = older;
  same_time.device = device(3);
  CHECK(decide(same_time, {older, std::nullopt}) == Verdict::apply);
  Op same_key = older;
  same_key.value = "Z";
  CHECK(decide(same_key, {older, std::nullopt}) == Verdict::apply);
  CHECK(decide(older, {same_key, std::nullopt}) == Verdict::superseded);
}

TEST_CASE("decide: tombstones and signatures are refused on anything but notes", "[model][merge]") {
  for (auto field : {fields::kDeleted, fields::kSigned}) {
    const Op op = make_op(EntityKind::person, entity(1), std::string(field), "1", 10, device(1));
    CHECK(decide(op, {}) == Verdict::conflict);
  }
}

TEST_CASE("decide: a signed note takes no later op and the earliest sign wins", "[model][merge]") {
  const Op sign = note_op("_signed", R"({"body":"v1"})", 50);
  const TargetState signed_note{std::nullopt, sign};
  CHECK(decide(sign, {}) == Verdict::apply);
  CHECK(decide(sign, signed_note) == Verdict::duplicate);
  CHECK(decide(note_op("body", "late", 51), signed_note) == Verdict::conflict);
  CHECK(decide(note_op("_deleted", "1", 51), signed_note) == Verdict::conflict);
  CHECK(decide(note_op("_signed", "{}", 60, 2), signed_note) == Verdict::conflict);
  CHECK(decide(note_op("body", "early", 49), signed_note) == Verdict::superseded);
  CHECK(decide(note_op("_signed", "{}", 40, 2), signed_note) == Verdict::apply);

  CHECK(conflicts_with_sign(note_op("body", "late", 51), sign));
  CHECK_FALSE(conflicts_with_sign(note_op("body", "early", 49), sign));
  CHECK_FALSE(conflicts_with_sign(sign, sign));
  CHECK_FALSE(conflicts_with_sign(make_op(EntityKind::note, entity(8), "body", "x", 99, device(1)), sign));
}

TEST_CASE("no op in any order changes a signed note's visible fields, they become conflicts", "[model][merge]") {
  const std::string snapshot = R"({"body":"what was signed","event_time":"2024-03-01T10:00"})";
  std::vector<Op> ops = {
      note_op("body", "first draft", 11),
      note_op("body", "what was signed", 20, 2),  // before the signing: superseded by the snapshot
      note_op("_signed", snapshot, 30),
      note_op("body", "edited after signing", 31, 2),
      note_op("_deleted", "1", 32, 3),
      note_op("_signed", R"({"body":"edited after signing"})", 40, 2),  // a second, later signing
  };
  std::sort(ops.begin(), ops.end(), op_less);
  std::optional<crypto::Hash32> first_hash;
  int orders = 0;
  do {
    ReferenceReplica replica;
    for (const Op& op : ops) replica.apply({op, op});  // every op twice, too
    CAPTURE(orders);
    REQUIRE(replica.value(EntityKind::note, kNote, "body") == "what was signed");
    REQUIRE(replica.value(EntityKind::note, kNote, "event_time") == "2024-03-01T10:00");
    REQUIRE(replica.value(EntityKind::note, kNote, "_signed") == snapshot);
    REQUIRE_FALSE(replica.value(EntityKind::note, kNote, "_deleted").has_value());
    REQUIRE(replica.conflict_count() == 3);
    if (!first_hash) first_hash = replica.state_hash();
    REQUIRE(replica.state_hash() == *first_hash);
    ++orders;
  } while (std::next_permutation(ops.begin(), ops.end(), op_less));
  CHECK(orders == 720);
}

TEST_CASE("a late-arriving earlier signing turns superseded edits into conflicts", "[model][merge]") {
  ReferenceReplica replica;
  replica.apply({note_op("_signed", R"({"body":"B"})", 20, 2)});
  replica.apply({note_op("body", "between", 15)});  // before the only known sign: superseded
  CHECK(replica.conflict_count() == 0);
  replica.apply({note_op("_signed", R"({"body":"A"})", 10)});
  CHECK(replica.value(EntityKind::note, kNote, "body") == "A");
  CHECK(replica.conflict_count() == 2);  // the edit at 15 and the sign at 20
}

TEST_CASE("a deleted draft shows only its tombstone and a later edit does not revive it", "[model][merge]") {
  ReferenceReplica replica;
  replica.apply({note_op("body", "draft", 10), note_op("_deleted", "1", 11), note_op("body", "again", 12)});
  CHECK_FALSE(replica.value(EntityKind::note, kNote, "body").has_value());
  CHECK(replica.value(EntityKind::note, kNote, "_deleted") == "1");
  CHECK(replica.conflict_count() == 0);
}

TEST_CASE("state_hash tells different states apart", "[model][merge]") {
  const Op a = make_op(EntityKind::person, entity(1), "name", "A", 10, device(1));
  const Op b = make_op(EntityKind::person, entity(1), "name", "B", 11, device(1));
  ReferenceReplica one, two, empty;
  one.apply({a});
  two.apply({a, b});
  CHECK(one.state_hash() != two.state_hash());
  CHECK(one.state_hash() != empty.state_hash());

  ReferenceReplica draft, signed_note;
  draft.apply({note_op("body", "x", 10)});
  signed_note.apply({note_op("body", "x", 10), note_op("_signed", R"({"body":"x"})", 11)});
  CHECK(draft.state_hash() != signed_note.state_hash());
}

TEST_CASE("state_hash has the canonical form the store reproduces", "[model][merge]") {
  // Sections of winners (by kind, id, field), winning signs (by note id) and
  // conflicts (op_less), each a u32 count and every op as a one-op change set.
  const Op person = make_op(EntityKind::person, entity(1), "name", "A", 10, device(1));
  const Op sign = note_op("_signed", R"({"body":"x"})", 20);
  const Op late = note_op("body", "late", 30, 2);
  ReferenceReplica replica;
  replica.apply({late, person, sign, note_op("body", "x", 5)});
  Bytes canon;
  for (const std::vector<Op>& section : {std::vector<Op>{person}, std::vector<Op>{sign}, std::vector<Op>{late}}) {
    put_u32(canon, static_cast<std::uint32_t>(section.size()));
    for (const Op& op : section) put_bytes(canon, encode_ops({op}));
  }
  CHECK(replica.state_hash() == crypto::labelled_hash("varn.model.state.v1", {canon}));
}

TEST_CASE("snapshot_field reads string fields and nothing else", "[model][merge]") {
  CHECK(snapshot_field(R"({"body":"x","n":3})", "body") == "x");
  CHECK_FALSE(snapshot_field(R"({"body":"x","n":3})", "n").has_value());
  CHECK_FALSE(snapshot_field(R"({"body":"x"})", "missing").has_value());
  CHECK_FALSE(snapshot_field("not json", "body").has_value());
  CHECK_FALSE(snapshot_field(R"(["body"])", "body").has_value());
}

}  // namespace
}  // namespace varn::model
