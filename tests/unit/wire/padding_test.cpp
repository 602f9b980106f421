#include "varn/wire/padding.hpp"

#include <catch2/catch.hpp>

using namespace varn;

TEST_CASE("Plaintexts pad to power-of-two buckets of at least 1 KiB", "[wire][padding]") {
  CHECK(wire::bucket_size(0) == 1024);
  CHECK(wire::bucket_size(1020) == 1024);
  CHECK(wire::bucket_size(1021) == 2048);
  CHECK(wire::bucket_size(5000) == 8192);
  for (std::size_t len : {0u, 1u, 1020u, 1021u, 4000u}) {
    Bytes text(len, 0x41);
    auto padded = wire::pad(text);
    REQUIRE(padded.ok());
    CHECK(padded->size() == wire::bucket_size(len));
    auto back = wire::unpad(*padded);
    REQUIRE(back.ok());
    CHECK(*back == text);
  }
}

TEST_CASE("Bad padding is refused", "[wire][padding]") {
  auto padded = *wire::pad(as_bytes("abc"));
  auto nonzero = padded;
  nonzero.back() = 1;
  CHECK(wire::unpad(nonzero).error().code == Errc::malformed);
  auto long_frame = padded;
  long_frame[0] = 0xff;
  CHECK(wire::unpad(long_frame).error().code == Errc::malformed);
  CHECK(wire::unpad(ByteView(padded).first(3)).error().code == Errc::truncated);
  CHECK(wire::unpad(ByteView(padded).first(512)).error().code == Errc::malformed);
  CHECK(wire::pad(Bytes(wire::kMaxBucketBytes, 0)).error().code == Errc::invalid_argument);
}
