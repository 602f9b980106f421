#include "varn/crypto/device_identity.hpp"

#include <catch2/catch.hpp>
#include <regex>

using namespace varn;

TEST_CASE("A device bundle serialises and its fingerprint reads aloud", "[crypto][identity]") {
  auto device = crypto::DeviceIdentity::generate();
  auto bundle = device.public_bundle();
  auto encoded = bundle.encode();
  CHECK(encoded.size() == 65);
  auto decoded = crypto::DevicePublicBundle::decode(encoded);
  REQUIRE(decoded.ok());
  CHECK(*decoded == bundle);
  CHECK(decoded->device_id() == device.device_id());

  const auto fp = bundle.fingerprint();
  CHECK(std::regex_match(fp, std::regex(R"(\d{5}( \d{5}){5})")));
  CHECK(fp != crypto::DeviceIdentity::generate().public_bundle().fingerprint());

  // Any change to either key changes the fingerprint.
  auto other = bundle;
  other.box_key[0] ^= 1;
  CHECK(other.fingerprint() != fp);
}

TEST_CASE("Bad device bundles are refused", "[crypto][identity]") {
  auto bundle = crypto::DeviceIdentity::generate().public_bundle();
  auto encoded = bundle.encode();
  CHECK(crypto::DevicePublicBundle::decode(ByteView(encoded).first(64)).error().code == Errc::malformed);
  auto wrong_version = encoded;
  wrong_version[0] = 2;
  CHECK(crypto::DevicePublicBundle::decode(wrong_version).error().code == Errc::unsupported_version);
  auto low_order = encoded;
  std::fill(low_order.begin() + 33, low_order.end(), 0);
  CHECK(crypto::DevicePublicBundle::decode(low_order).error().code == Errc::low_order_key);
}

TEST_CASE("A device identity restores from its stored secrets", "[crypto][identity]") {
  auto device = crypto::DeviceIdentity::generate();
  auto restored = crypto::DeviceIdentity::restore(device.signing().secret_key().view(), device.box().secret_key().view());
  REQUIRE(restored.ok());
  CHECK(restored->public_bundle() == device.public_bundle());
}
