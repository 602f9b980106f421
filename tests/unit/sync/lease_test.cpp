// The device lease rule, with the device's clock as a number the test sets.
#include "varn/sync/lease.hpp"

#include <catch2/catch.hpp>

#include "memory_vault.hpp"
#include "varn/registry/entry.hpp"

using namespace varn;
using sync::settings::kLastContact;
using sync::settings::kLastSync;
using sync::settings::kLeaseDays;

namespace {
constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kT0 = 1'800'000'000;
}  // namespace

TEST_CASE("lease: days left count down from the last contact and content stops at the end", "[sync][lease]") {
  auto fresh = sync::lease_status(7, kT0, kT0);
  CHECK_FALSE(fresh.expired);
  CHECK(fresh.days_left() == 7);
  CHECK(sync::lease_status(7, kT0, kT0 + kDay + 1).days_left() == 6);  // partly into day 6: 6 left
  CHECK(sync::lease_status(7, kT0, kT0 + 7 * kDay - 1).days_left() == 1);
  CHECK_FALSE(sync::lease_status(7, kT0, kT0 + 7 * kDay - 1).expired);
  CHECK(sync::lease_status(7, kT0, kT0 + 7 * kDay).expired);
  CHECK(sync::lease_status(7, kT0, kT0 + 7 * kDay).days_left() == 0);
  // No lease, or no contact yet: nothing runs.
  CHECK_FALSE(sync::lease_status(0, kT0, kT0 + 400 * kDay).expired);
  CHECK_FALSE(sync::lease_status(7, std::nullopt, kT0 + 400 * kDay).expired);
}

TEST_CASE("lease: a device counts from its last contact, the registry's days, and never from a clock set back",
          "[sync][lease]") {
  test::MemoryVault vault;
  // Enrolled, never synced: nothing runs yet.
  auto none = sync::device_lease(vault, kT0);
  REQUIRE(none.ok());
  CHECK_FALSE(none->expired);
  CHECK_FALSE(none->last_contact.has_value());

  REQUIRE(vault.put_setting(kLastContact, std::to_string(kT0)).ok());
  auto by_default = sync::device_lease(vault, kT0 + kDay);
  REQUIRE(by_default.ok());
  CHECK(by_default->days == registry::kDefaultLeaseDays);
  CHECK(by_default->days_left() == 6);

  REQUIRE(vault.put_setting(kLeaseDays, "2").ok());
  CHECK(sync::device_lease(vault, kT0 + kDay)->days_left() == 1);
  CHECK(sync::require_lease(vault, kT0 + kDay).ok());
  auto spent = sync::device_lease(vault, kT0 + 3 * kDay);
  REQUIRE(spent.ok());
  CHECK(spent->expired);
  auto refused = sync::require_lease(vault, kT0 + 3 * kDay);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == Errc::locked);
  CHECK(refused.error().message.find("sync") != std::string::npos);

  // The thief sets the clock back to the day of the last contact: what was
  // already seen still counts.
  CHECK(sync::device_lease(vault, kT0)->expired);
  CHECK_FALSE(sync::require_lease(vault, kT0).ok());

  // A contact starts it again.
  REQUIRE(vault.put_setting(kLastContact, std::to_string(kT0 + 3 * kDay)).ok());
  CHECK(sync::require_lease(vault, kT0 + 3 * kDay).ok());
}

TEST_CASE("lease: a device that synced before contacts were recorded counts from its last full sync", "[sync][lease]") {
  test::MemoryVault vault;
  REQUIRE(vault.put_setting(kLastSync, std::to_string(kT0)).ok());
  CHECK(sync::device_lease(vault, kT0 + 8 * kDay)->expired);
  CHECK(sync::device_lease(vault, kT0 + 6 * kDay)->expired);  // the latest time seen is already 8 days on
}

TEST_CASE("lease: a clock that once ran far ahead does not keep the lease spent after a contact", "[sync][lease]") {
  test::MemoryVault vault;
  REQUIRE(vault.put_setting(kLastContact, std::to_string(kT0)).ok());
  // The tablet's clock once said 2036 (a wrong RTC, a typo).
  CHECK(sync::device_lease(vault, kT0 + 3000 * kDay)->expired);
  CHECK(sync::device_lease(vault, kT0 + kDay)->expired);  // back to the right time: still spent
  REQUIRE(sync::record_contact(vault, kT0 + kDay).ok());  // it reaches its server
  CHECK_FALSE(sync::device_lease(vault, kT0 + kDay)->expired);
  CHECK(sync::device_lease(vault, kT0 + 2 * kDay)->days_left() == 6);
}
