// What one valid device, or one unit, may take of what all share: stored
// bytes, request and byte rates, long-polls, live tokens, the disk reserve.
#include <catch2/catch.hpp>
#include <future>

#include "handler_fixture.hpp"
#include "registry_driver.hpp"
#include "varn/server/quotas.hpp"
#include "varn/server/sqlite_db.hpp"

namespace varn::test {
namespace {

using registry::Role;
using steady = std::chrono::steady_clock;

//! A clock the test moves by hand.
struct ManualClock {
  steady::time_point now = steady::time_point(std::chrono::hours(1));
  [[nodiscard]] std::function<steady::time_point()> clock() {
    return [this] { return now; };
  }
};

//! The size of one short note's envelope (all pad to the same size).
std::size_t envelope_size(const TestUnit& u) {
  TestDevice probe;
  return probe.seal_next(u.unit, 1, u.epoch_key, "x").size();
}

}  // namespace

TEST_CASE("quota: a device's stored bytes are capped, the refused batch stores nothing, others still write",
          "[server][quota]") {
  // Room for three envelopes of a device, and five in the unit.
  std::size_t one = 0;
  {
    HandlerFixture probe;
    auto pu = probe.driver.make_unit(probe.unit_code);
    one = envelope_size(pu);
  }
  HandlerFixture f([one](server::Limits& l) {
    l.max_device_bytes = 3 * one;
    l.max_unit_bytes = 5 * one;
  });
  RegistryDriver rd(f);
  auto u = rd.make_unit();
  auto worker = rd.enrol(u, Role::worker);
  auto other = rd.enrol(u, Role::worker);
  std::vector<Bytes> three;
  for (int i = 0; i < 3; ++i) three.push_back(worker.seal_next(u.unit, 1, u.current_key(), "a note"));
  REQUIRE(f.driver.push(worker, u.unit, three).status == 200);
  const auto before = stored_changesets(f);

  auto over = f.driver.push(worker, u.unit, {worker.seal_next(u.unit, 1, u.current_key(), "one too many")});
  CHECK(over.status == 507);
  CHECK(over.error_code() == "quota");
  CHECK(stored_changesets(f) == before);
  // A retry of what was stored is still a duplicate, not a refusal.
  CHECK(f.driver.push(worker, u.unit, {three[0]}).status == 200);

  // Another device of the unit still writes, up to the unit's cap (its
  // own would take a third).
  std::vector<Bytes> two;
  for (int i = 0; i < 2; ++i) two.push_back(other.seal_next(u.unit, 1, u.current_key(), "a note"));
  REQUIRE(f.driver.push(other, u.unit, two).status == 200);
  auto unit_full = f.driver.push(other, u.unit, {other.seal_next(u.unit, 1, u.current_key(), "a note")});
  CHECK(unit_full.status == 507);
  CHECK(unit_full.error_code() == "quota");
  CHECK(unit_full.json()["message"].get<std::string>().find("unit") != std::string::npos);
}

TEST_CASE("quota: stored bytes are counted in a data directory made before they were", "[server][quota]") {
  std::size_t one = 0;
  std::filesystem::path kept;
  {
    HandlerFixture f;
    auto u = f.driver.make_unit(f.unit_code);
    std::vector<Bytes> four;
    for (int i = 0; i < 4; ++i) four.push_back(u.admin.seal_next(u.unit, 1, u.epoch_key, "old note"));
    one = four[0].size();
    REQUIRE(f.driver.push(u.admin, u.unit, four).status == 200);
    f.storage->close();
    {  // The columns an earlier server did not have.
      auto db = server::SqliteDb::open(f.dir / "varn.db", true);
      REQUIRE(db.ok());
      REQUIRE((*db)->exec("ALTER TABLE units DROP COLUMN bytes").ok());
      REQUIRE((*db)->exec("ALTER TABLE author_heads DROP COLUMN bytes").ok());
    }
    kept = f.dir.parent_path() / (f.dir.filename().string() + "-kept");
    std::filesystem::copy(f.dir, kept);
  }
  auto reopened = server::SqliteStorage::open(kept / "varn.db");
  REQUIRE(reopened.ok());
  auto units = (*reopened)->all_units();
  REQUIRE(units.ok());
  std::uint64_t total = 0;
  for (const auto& id : *units) total += (*(*reopened)->find_unit(id))->bytes;
  CHECK(total == 4 * one);
  (*reopened)->close();
  std::filesystem::remove_all(kept);
}

TEST_CASE("quota: long-polls are capped per device, and a slot comes back when its poll is answered",
          "[server][quota]") {
  HandlerFixture f([](server::Limits& l) { l.max_polls_per_device = 2; });
  auto u = f.driver.make_unit(f.unit_code);
  std::vector<std::future<TestResponse>> polls;
  for (int i = 0; i < 2; ++i) {
    polls.push_back(std::async(std::launch::async, [&] { return f.driver.pull(u.admin, u.unit, 0, 10, 5); }));
  }
  // Both are held once the quota counts them (bounded: the handler answers
  // a refused poll at once, a held one only on a commit or after 5 s).
  const auto deadline = steady::now() + std::chrono::seconds(10);
  while (f.quotas->open_polls() < 2 && steady::now() < deadline) std::this_thread::yield();
  REQUIRE(f.quotas->open_polls() == 2);
  auto third = f.driver.pull(u.admin, u.unit, 0, 10, 5);
  CHECK(third.status == 429);
  CHECK(third.error_code() == "too_many");
  // A poll that asks no wait is never refused.
  CHECK(f.driver.pull(u.admin, u.unit, 0, 10, 0).status == 200);
  REQUIRE(f.driver.push(u.admin, u.unit, {u.admin.seal_next(u.unit, 1, u.epoch_key, "wake")}).status == 200);
  for (auto& p : polls) {
    REQUIRE(p.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    CHECK(p.get().status == 200);
  }
  CHECK(f.quotas->open_polls() == 0);
}

TEST_CASE("quota: the request and byte rates refuse with a wait, then refill with time", "[server][quota]") {
  ManualClock time;
  server::Limits l;
  l.device_request_burst = 3;
  l.device_requests_per_second = 1;
  l.device_byte_burst = 1000;
  l.device_bytes_per_second = 100;
  server::Quotas q(l, time.clock());
  const wire::DeviceId a{1}, b{2};
  for (int i = 0; i < 3; ++i) CHECK_FALSE(q.admit(a, 0).has_value());
  auto wait = q.admit(a, 0);
  REQUIRE(wait.has_value());
  CHECK(*wait == std::chrono::seconds(1));
  CHECK_FALSE(q.admit(b, 0).has_value());  // one device's rate is its own
  time.now += std::chrono::seconds(1);
  CHECK_FALSE(q.admit(a, 0).has_value());
  CHECK(q.admit(a, 0).has_value());

  // Bytes: the burst, then a wait in proportion to what is missing.
  time.now += std::chrono::seconds(10);
  CHECK_FALSE(q.admit(a, 900).has_value());
  auto bytes_wait = q.admit(a, 600);
  REQUIRE(bytes_wait.has_value());
  CHECK(*bytes_wait == std::chrono::seconds(5));  // 500 missing at 100 a second
  time.now += std::chrono::seconds(5);
  CHECK_FALSE(q.admit(a, 600).has_value());
}

TEST_CASE("quota: a unit's devices share one push-byte rate, and another unit has its own", "[server][quota]") {
  ManualClock time;
  server::Limits l;
  l.unit_byte_burst = 1000;
  l.unit_bytes_per_second = 100;
  server::Quotas q(l, time.clock());
  const wire::UnitId ours{1}, theirs{2};
  CHECK_FALSE(q.admit_unit(ours, 600).has_value());
  auto wait = q.admit_unit(ours, 600);  // another device of the same unit
  REQUIRE(wait.has_value());
  CHECK(*wait == std::chrono::seconds(2));  // 200 missing at 100 a second
  CHECK_FALSE(q.admit_unit(theirs, 600).has_value());
  time.now += std::chrono::seconds(2);
  CHECK_FALSE(q.admit_unit(ours, 600).has_value());
}

TEST_CASE("disk reserve: below it pushes and new enrolment requests are 507 disk_full, while reads and revocations go on",
          "[server][quota]") {
  HandlerFixture f;
  RegistryDriver rd(f);
  auto u = rd.make_unit();
  auto worker = rd.enrol(u, Role::worker);
  REQUIRE(f.driver.push(worker, u.unit, {worker.seal_next(u.unit, 1, u.current_key(), "before")}).status == 200);
  const auto before = stored_changesets(f);

  f.free_disk = f.limits.min_free_disk_bytes - 1;
  auto refused = f.driver.push(worker, u.unit, {worker.seal_next(u.unit, 1, u.current_key(), "after")});
  CHECK(refused.status == 507);
  CHECK(refused.error_code() == "disk_full");
  CHECK(stored_changesets(f) == before);
  TestDevice stranger;
  auto enrol = f.driver.enrol(stranger, std::nullopt);
  CHECK(enrol.status == 507);
  CHECK(enrol.error_code() == "disk_full");
  CHECK(f.driver.pull(worker, u.unit, 0, 10).status == 200);
  // The admin at 8 am with a stolen tablet: a revocation still goes through.
  CHECK(rd.revoke(u, worker).status == 200);

  // Space freed: the same change set goes in.
  f.free_disk = f.limits.min_free_disk_bytes;
  auto admin_push = f.driver.push(u.admin, u.unit, {u.admin.seal_next(u.unit, 1, u.current_key(), "space again")});
  CHECK(admin_push.status == 200);
}

}  // namespace varn::test
