// The join address an admin hands a new tablet: the server URL and the start of the unit id.
#include "varn/sync/join_address.hpp"

#include <catch2/catch.hpp>

using namespace varn;

TEST_CASE("join address: the server URL and the unit part are split, written back and checked", "[sync][enrol]") {
  wire::UnitId unit{};
  for (std::size_t i = 0; i < unit.size(); ++i) unit[i] = static_cast<std::uint8_t>(0x16 + i);
  const std::string written = sync::join_address("https://varn.example:8443/", unit);
  CHECK(written == "https://varn.example:8443/16171819");
  auto parsed = sync::parse_join_address(written);
  REQUIRE(parsed);
  CHECK(parsed->server_url == "https://varn.example:8443");
  CHECK(parsed->unit_hint == "16171819");
  CHECK(sync::hint_names(parsed->unit_hint, unit));

  // Typed by hand: upper case, a trailing slash, spaces around it.
  auto typed = sync::parse_join_address("  https://varn.example:8443/1617181A/ ");
  REQUIRE(typed);
  CHECK(typed->server_url == "https://varn.example:8443");
  CHECK(typed->unit_hint == "1617181a");

  // Just the server: a request no admin list shows, approved by its code.
  auto bare = sync::parse_join_address("https://varn.example:8443/");
  REQUIRE(bare);
  CHECK(bare->server_url == "https://varn.example:8443");
  CHECK(bare->unit_hint.empty());

  // A path that is not a unit part is refused, not sent as part of the URL.
  CHECK(sync::parse_join_address("https://varn.example:8443/enhet").error().code == Errc::invalid_argument);
  CHECK(sync::parse_join_address("https://varn.example:8443/1617").error().code == Errc::invalid_argument);
  CHECK_FALSE(sync::hint_names("1617181a", unit));
  CHECK_FALSE(sync::hint_names("1617", unit));  // too short to name a unit
  CHECK(sync::normalise_unit_hint(std::string(33, 'a')).error().code == Errc::invalid_argument);
}
