#include "varn/util/bytes.hpp"

#include <catch2/catch.hpp>

using namespace varn;

TEST_CASE("Hex and base64 round-trip and refuse bad input", "[util]") {
  const Bytes data{0x00, 0x01, 0xab, 0xff};
  CHECK(to_hex(data) == "0001abff");
  CHECK(*from_hex("0001ABff") == data);
  CHECK_FALSE(from_hex("abc").has_value());
  CHECK_FALSE(from_hex("zz").has_value());
  CHECK(to_base64(data) == "AAGr/w==");
  CHECK(*from_base64("AAGr/w==") == data);
  CHECK_FALSE(from_base64("AAGr/w=").has_value());
  CHECK_FALSE(from_base64("AA*r").has_value());
}

TEST_CASE("Big-endian integers round-trip", "[util]") {
  Bytes out;
  put_u16(out, 0x1234);
  put_u32(out, 0xdeadbeef);
  put_u64(out, 0x0102030405060708ull);
  CHECK(get_u16(out.data()) == 0x1234);
  CHECK(get_u32(out.data() + 2) == 0xdeadbeefu);
  CHECK(get_u64(out.data() + 6) == 0x0102030405060708ull);
}
