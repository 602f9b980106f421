#include "varn/wire/batch_codec.hpp"

#include <catch2/catch.hpp>

using namespace varn;

TEST_CASE("Push and pull bodies round-trip", "[wire][batch]") {
  const std::vector<Bytes> envelopes{{1, 2, 3}, {}, {9}};
  auto push = wire::decode_push_body(wire::encode_push_body(envelopes), 8);
  REQUIRE(push.ok());
  CHECK(*push == envelopes);
  const std::vector<wire::SequencedEnvelope> items{{5, {1}}, {7, {2, 3}}};
  auto pull = wire::decode_pull_body(wire::encode_pull_body(items), 8);
  REQUIRE(pull.ok());
  REQUIRE(pull->size() == 2);
  CHECK((*pull)[1].seq == 7);
  CHECK((*pull)[1].envelope == Bytes{2, 3});
}

TEST_CASE("Every truncation of a batch body is refused, and so are extra bytes and counts", "[wire][batch]") {
  const auto body = wire::encode_push_body({{1, 2, 3}, {4, 5}});
  for (std::size_t len = 0; len < body.size(); ++len) {
    CHECK_FALSE(wire::decode_push_body(ByteView(body).first(len), 8).ok());
  }
  Bytes longer = body;
  longer.push_back(0);
  CHECK(wire::decode_push_body(longer, 8).error().code == Errc::malformed);
  CHECK(wire::decode_push_body(body, 1).error().code == Errc::invalid_argument);
  const auto pull = wire::encode_pull_body({{1, {1, 2}}});
  for (std::size_t len = 0; len < pull.size(); ++len) {
    CHECK_FALSE(wire::decode_pull_body(ByteView(pull).first(len), 8).ok());
  }
}
