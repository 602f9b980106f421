#include "varn/model/change_set_codec.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "model_test_util.hpp"

namespace varn::model {
namespace {

using test::device;
using test::entity;
using test::make_op;

std::vector<Op> sample_ops() {
  return {
      make_op(EntityKind::person, entity(1), "name", "Åsa Öberg", 1'700'000'000'000, device(1), 7),
      make_op(EntityKind::note, entity(2), "body", "", 1'700'000'000'001, device(2)),
      make_op(EntityKind::note, entity(2), std::string(64, 'f'), "x", 1, device(3), 65535),
      make_op(EntityKind::review, entity(3), "_signed", R"({"body":"ok"})", 0, device(4)),
  };
}

Bytes with_byte(Bytes b, std::size_t at, std::uint8_t v) {
  b.at(at) = v;
  return b;
}

// Offsets inside the encoding of sample_ops(): version 1 + count 4 = 5.
constexpr std::size_t kFirstOp = 5;

TEST_CASE("change set round trip keeps every op byte for byte", "[model][codec]") {
  const auto ops = sample_ops();
  const Bytes encoded = encode_ops(ops);
  CHECK(encoded.front() == kChangeSetVersion);
  const auto decoded = decode_ops(encoded);
  REQUIRE(decoded.ok());
  CHECK(*decoded == ops);
  CHECK(encode_ops(*decoded) == encoded);

  const auto empty = decode_ops(encode_ops({}));
  REQUIRE(empty.ok());
  CHECK(empty->empty());
}

TEST_CASE("change set round trip of a value of exactly 1 MiB", "[model][codec]") {
  const std::vector<Op> ops = {make_op(EntityKind::note, entity(1), "body", std::string(kMaxValueBytes, 'a'), 5, device(1))};
  const auto decoded = decode_ops(encode_ops(ops));
  REQUIRE(decoded.ok());
  CHECK(*decoded == ops);
}

TEST_CASE("change set: every truncation is refused", "[model][codec]") {
  const Bytes encoded = encode_ops(sample_ops());
  for (std::size_t n = 0; n < encoded.size(); ++n) {
    const auto decoded = decode_ops(ByteView(encoded.data(), n));
    CAPTURE(n);
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().code != Errc::unsupported_version);
  }
}

TEST_CASE("change set: malformed input is refused with the op index named", "[model][codec]") {
  const Bytes good = encode_ops(sample_ops());
  const std::size_t second_op = kFirstOp + 1 + 16 + 2 + 4 + 4 + sample_ops()[0].value.size() + 8 + 16;

  SECTION("kind 0 and kind 13") {
    for (std::uint8_t kind : {std::uint8_t{0}, std::uint8_t{kMaxEntityKind + 1}, std::uint8_t{255}}) {
      const auto r = decode_ops(with_byte(good, second_op, kind));
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().code == Errc::malformed);
      CHECK_THAT(r.error().message, Catch::Contains("op 1") && Catch::Contains("kind"));
    }
  }
  SECTION("a field longer than 64 bytes") {
    const auto r = decode_ops(encode_ops({make_op(EntityKind::note, entity(1), std::string(65, 'f'), "", 1, device(1))}));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Errc::malformed);
    CHECK_THAT(r.error().message, Catch::Contains("op 0") && Catch::Contains("field"));
  }
  SECTION("a value longer than 1 MiB is refused before reading it") {
    Bytes b = {kChangeSetVersion, 0, 0, 0, 1, 4};
    b.resize(b.size() + 16);
    put_u16(b, 4);
    put_bytes(b, as_bytes("body"));
    put_u32(b, static_cast<std::uint32_t>(kMaxValueBytes + 1));
    b.resize(b.size() + 64);
    const auto r = decode_ops(b);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Errc::malformed);
    CHECK_THAT(r.error().message, Catch::Contains("op 0") && Catch::Contains("value"));
  }
  SECTION("trailing bytes") {
    Bytes b = good;
    b.push_back(0);
    const auto r = decode_ops(b);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Errc::malformed);
    CHECK_THAT(r.error().message, Catch::Contains("trailing"));
  }
  SECTION("an unknown version") {
    const auto r = decode_ops(with_byte(good, 0, 2));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Errc::unsupported_version);
  }
  SECTION("a count the bytes cannot hold is refused before allocating") {
    Bytes b = {kChangeSetVersion, 0xff, 0xff, 0xff, 0xff};
    b.resize(b.size() + 100);
    const auto r = decode_ops(b);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Errc::truncated);
  }
  SECTION("an empty field, a bad field character, invalid UTF-8 in a value") {
    const std::vector<Op> bad = {
        make_op(EntityKind::note, entity(1), "", "v", 1, device(1)),
        make_op(EntityKind::note, entity(1), "bo dy", "v", 1, device(1)),
        make_op(EntityKind::note, entity(1), "body", "\xc3\x28", 1, device(1)),
        make_op(EntityKind::note, entity(1), "body", "\xed\xa0\x80", 1, device(1)),  // a UTF-16 surrogate
        make_op(EntityKind::note, entity(1), "body", "\xc0\xaf", 1, device(1)),      // overlong '/'
    };
    for (std::size_t i = 0; i < bad.size(); ++i) {
      CAPTURE(i);
      std::vector<Op> ops = sample_ops();
      ops.push_back(bad[i]);
      CHECK_FALSE(check_op_limits(bad[i]).ok());
      const auto r = decode_ops(encode_ops(ops));
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().code == Errc::malformed);
      CHECK_THAT(r.error().message, Catch::Contains("op 4"));
    }
  }
}

TEST_CASE("change set decoder survives random corruption", "[model][codec]") {
  const std::uint64_t seed = 0x5eed0001;
  CAPTURE(seed);
  std::mt19937_64 rng(seed);
  const Bytes good = encode_ops(sample_ops());
  int refused = 0;
  for (int round = 0; round < 3000; ++round) {
    Bytes b = good;
    const auto flips = 1 + rng() % 4;
    for (std::uint64_t f = 0; f < flips; ++f) b[rng() % b.size()] = static_cast<std::uint8_t>(rng());
    const auto r = decode_ops(b);
    if (!r.ok()) {
      ++refused;
      continue;
    }
    for (const Op& op : *r) CHECK(check_op_limits(op).ok());  // whatever passes is within bounds
  }
  CHECK(refused > 0);
}

}  // namespace
}  // namespace varn::model

namespace varn::model {
namespace {

TEST_CASE("check_change_set refuses ops under another name or outside the class", "[model][codec]") {
  const auto author = test::device(1);
  const Op note = test::make_op(EntityKind::note, test::entity(1), "body", "x", 5, author);
  const Op review = test::make_op(EntityKind::review, test::entity(2), "note", "x", 6, author);
  const Op addendum = test::make_op(EntityKind::addendum, test::entity(3), "text", "x", 7, author);
  CHECK(check_change_set({note, addendum}, author, wire::ChangeSetClass::field_work).ok());
  CHECK(check_change_set({review, addendum}, author, wire::ChangeSetClass::review).ok());

  const auto in_field_work = check_change_set({note, review}, author, wire::ChangeSetClass::field_work);
  REQUIRE_FALSE(in_field_work.ok());
  CHECK(in_field_work.error().code == Errc::forbidden);
  CHECK_THAT(in_field_work.error().message, Catch::Contains("op 1"));

  Op forged = addendum;
  forged.device = test::device(2);
  const auto someone_else = check_change_set({addendum, addendum, forged}, author, wire::ChangeSetClass::review);
  REQUIRE_FALSE(someone_else.ok());
  CHECK(someone_else.error().code == Errc::forbidden);
  CHECK_THAT(someone_else.error().message, Catch::Contains("op 2"));

  Op too_long = note;
  too_long.field = std::string(65, 'x');
  const auto limits = check_change_set({too_long}, author, wire::ChangeSetClass::field_work);
  REQUIRE_FALSE(limits.ok());
  CHECK(limits.error().code == Errc::malformed);
}

}  // namespace
}  // namespace varn::model
