#include "varn/wire/padding.hpp"

#include <catch2/catch.hpp>

using namespace varn;

TEST_CASE("Plaintexts pad to at least 4 KiB, then to Padmé sizes", "[wire][padding]") {
  CHECK(wire::bucket_size(0) == 4096);
  CHECK(wire::bucket_size(4092) == 4096);  // the 4-byte frame included
  CHECK(wire::bucket_size(4093) == 4352);  // 4097 rounds up to a multiple of 256
  CHECK(wire::bucket_size(5000) == 5120);
  CHECK(wire::bucket_size(100'000) == 100'352);  // a multiple of 2048
  // Padmé's overhead stays within ~12%, and every size it gives is a fixed point.
  for (std::size_t len = 4093; len < 2'000'000; len = len * 3 / 2) {
    const auto bucket = wire::bucket_size(len);
    CHECK(bucket >= len + 4);
    CHECK(static_cast<double>(bucket) <= static_cast<double>(len + 4) * 1.12);
    CHECK(wire::is_bucket(bucket));
    CHECK(wire::padme(bucket) == bucket);
  }
  CHECK_FALSE(wire::is_bucket(4097));
  CHECK_FALSE(wire::is_bucket(2048));
  for (std::size_t len : {0u, 1u, 4092u, 4093u, 9000u}) {
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
  CHECK(wire::unpad(ByteView(padded).first(2048)).error().code == Errc::malformed);
  CHECK(wire::pad(Bytes(wire::kMaxBucketBytes, 0)).error().code == Errc::invalid_argument);
}
