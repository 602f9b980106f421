#include "varn/sync/sync_engine.hpp"

#include <catch2/catch.hpp>
#include <algorithm>

#include "fake_server.hpp"
#include "memory_sync_store.hpp"
#include "varn/crypto/random.hpp"

using namespace varn;

namespace {

struct Device {
  crypto::DeviceIdentity identity = crypto::DeviceIdentity::generate();
  test::MemorySyncStore store;
  std::unique_ptr<test::MemoryKeys> keys;
  std::unique_ptr<sync::ApiClient> api;
  std::unique_ptr<sync::SyncEngine> engine;
};

struct Unit {
  wire::UnitId id = crypto::random_array<16>();
  crypto::SecretBuffer key = crypto::SecretBuffer::random(32);
  test::FakeServer server{id};
  std::vector<std::unique_ptr<Device>> devices;

  Device& add_device(sync::SyncLimits limits = {}) {
    auto d = std::make_unique<Device>();
    d->keys = std::make_unique<test::MemoryKeys>(1, key);
    d->api = std::make_unique<sync::ApiClient>(server, d->identity);
    d->engine = std::make_unique<sync::SyncEngine>(d->store, d->identity, id, *d->keys, limits);
    server.add_device(d->identity.public_bundle());
    for (auto& other : devices) {
      other->keys->add(d->identity.public_bundle());
      d->keys->add(other->identity.public_bundle());
    }
    d->keys->add(d->identity.public_bundle());
    devices.push_back(std::move(d));
    return *devices.back();
  }
};

// `count` one-op change sets "0".."count-1" from `device`, pushed; answers
// the plaintexts another device applies.
std::vector<std::string> push_numbers(Device& device, int count) {
  std::vector<std::string> written;
  for (int i = 0; i < count; ++i) {
    device.store.write(std::to_string(i));
    written.push_back(std::to_string(i) + "\n");
  }
  REQUIRE(device.engine->sync(*device.api).ok());
  return written;
}

// Serves the server's log in pages of `size`, noting each `after` asked for;
// the page after `fail_after` fails as a dropped connection would.
sync::PageFetcher pages_of(const test::FakeServer& server, std::size_t size, std::vector<std::uint64_t>& asked,
                           std::optional<std::uint64_t> fail_after = std::nullopt) {
  return [&server, size, &asked, fail_after](std::uint64_t after, bool) -> Result<sync::PullPage> {
    asked.push_back(after);
    if (fail_after && after == *fail_after) return make_error(Errc::unavailable, "connection dropped");
    sync::PullPage page;
    for (const auto& item : server.log) {
      if (item.seq > after && page.items.size() < size) page.items.push_back(item);
    }
    page.head = server.log.size();
    return page;
  };
}

}  // namespace

TEST_CASE("Two devices exchange change sets through the server and skip their own echoes", "[sync]") {
  Unit unit;
  auto& a = unit.add_device();
  auto& b = unit.add_device();
  a.store.write("a1");
  a.store.write("a2");
  b.store.write("b1");

  auto ra = a.engine->sync(*a.api);
  REQUIRE(ra.ok());
  CHECK(ra->sealed == 1);
  CHECK(ra->pushed == 1);
  auto rb = b.engine->sync(*b.api);
  REQUIRE(rb.ok());
  CHECK(b.store.applied == std::vector<std::string>{"a1\na2\n"});
  REQUIRE(a.engine->sync(*a.api).ok());
  CHECK(a.store.applied == std::vector<std::string>{"b1\n"});
  CHECK(a.store.sealed.at(0).server_seq == 1);
  CHECK(b.store.sealed.at(0).server_seq == 2);
  CHECK(*a.store.pull_cursor() == 2);
  CHECK(*b.store.pull_cursor() == 2);
}

TEST_CASE("Sealed change sets form the author's hash chain", "[sync]") {
  Unit unit;
  auto& a = unit.add_device(sync::SyncLimits{.ops_per_change_set = 1});
  for (int i = 0; i < 3; ++i) a.store.write("op" + std::to_string(i));
  auto sealed = a.engine->seal_pending();
  REQUIRE(sealed.ok());
  CHECK(*sealed == 3);
  const auto& s = a.store.sealed;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto env = wire::decode_envelope(s[i].envelope);
    REQUIRE(env.ok());
    CHECK(env->header.seq == i + 1);
    CHECK(env->header.prev_hash == (i == 0 ? crypto::Hash32{} : wire::envelope_hash(s[i - 1].envelope)));
  }
}

TEST_CASE("A push whose answer was lost is retried without storing anything twice", "[sync]") {
  Unit unit;
  auto& a = unit.add_device();
  a.store.write("x");
  unit.server.drop_next_push_answer = true;
  auto first = a.engine->sync(*a.api);
  REQUIRE_FALSE(first.ok());
  CHECK(first.error().code == Errc::unavailable);
  CHECK(unit.server.log.size() == 1);
  CHECK(a.store.sealed.at(0).server_seq == 0);  // not acknowledged, still held

  auto second = a.engine->sync(*a.api);
  REQUIRE(second.ok());
  CHECK(unit.server.log.size() == 1);
  CHECK(a.store.sealed.at(0).server_seq == 1);
}

bool mentions(const std::vector<std::string>& alarms, const std::string& text) {
  return std::any_of(alarms.begin(), alarms.end(), [&](const std::string& a) { return a.find(text) != std::string::npos; });
}

TEST_CASE("A tampered change set from the server is quarantined with an alarm, and the rest still applies", "[sync]") {
  Unit unit;
  auto& a = unit.add_device();
  auto& b = unit.add_device();
  a.store.write("first");
  REQUIRE(a.engine->sync(*a.api).ok());
  a.store.write("second");
  REQUIRE(a.engine->sync(*a.api).ok());
  a.store.write("third");
  REQUIRE(a.engine->sync(*a.api).ok());
  unit.server.log.at(1).envelope.at(300) ^= 0x20;  // the server (or its disk) flips a bit

  auto rb = b.engine->sync(*b.api);
  REQUIRE(rb.ok());
  CHECK(rb->quarantined == 1);
  CHECK(mentions(rb->alarms, "change set 2"));
  CHECK(b.store.applied == std::vector<std::string>{"first\n"});  // "third" waits behind the gap it left
  CHECK(rb->held == 1);
  CHECK(*b.store.pull_cursor() == 3);
  CHECK(b.store.pending_received()->size() == 2);
}

TEST_CASE("A change set from a device the unit does not hold is quarantined after one refresh, and sync goes on", "[sync]") {
  Unit unit;
  auto& a = unit.add_device();
  Device stranger;
  stranger.keys = std::make_unique<test::MemoryKeys>(1, unit.key);
  stranger.api = std::make_unique<sync::ApiClient>(unit.server, stranger.identity);
  stranger.engine = std::make_unique<sync::SyncEngine>(stranger.store, stranger.identity, unit.id, *stranger.keys);
  stranger.store.write("slipped in");
  REQUIRE(stranger.engine->sync(*stranger.api).ok());  // the fake server does not check authors

  a.store.write("mine");
  auto ra = a.engine->sync(*a.api);
  REQUIRE(ra.ok());
  CHECK(ra->quarantined == 1);
  CHECK(mentions(ra->alarms, "not a device of this unit"));
  CHECK(a.keys->refreshes == 1);
  CHECK(a.store.applied.empty());
  CHECK(ra->pushed == 1);  // its own work still went out
}

TEST_CASE("A device learned through refresh is accepted", "[sync]") {
  Unit unit;
  auto& a = unit.add_device();
  Device late;
  late.keys = std::make_unique<test::MemoryKeys>(1, unit.key);
  late.api = std::make_unique<sync::ApiClient>(unit.server, late.identity);
  late.engine = std::make_unique<sync::SyncEngine>(late.store, late.identity, unit.id, *late.keys);
  late.store.write("from the new tablet");
  REQUIRE(late.engine->sync(*late.api).ok());
  a.keys->on_refresh(late.identity.public_bundle());
  REQUIRE(a.engine->sync(*a.api).ok());
  CHECK(a.store.applied == std::vector<std::string>{"from the new tablet\n"});
}

TEST_CASE("Sequence numbers that go backwards are refused", "[sync]") {
  Unit unit;
  auto& a = unit.add_device();
  auto& b = unit.add_device();
  a.store.write("1");
  REQUIRE(a.engine->sync(*a.api).ok());
  a.store.write("2");
  REQUIRE(a.engine->sync(*a.api).ok());
  sync::PullPage page;
  page.items = {unit.server.log[1], unit.server.log[0]};
  page.items[1].seq = 1;
  page.items[0].seq = 2;
  page.head = 2;
  sync::SyncReport report;
  auto applied = b.engine->pull_pages([&](std::uint64_t, bool) -> Result<sync::PullPage> { return page; }, report);
  REQUIRE_FALSE(applied.ok());
  CHECK(applied.error().code == Errc::corrupt);
  CHECK(b.store.applied.empty());
}

TEST_CASE("Pull pages until the cursor reaches the head", "[sync]") {
  Unit unit;
  auto& a = unit.add_device(sync::SyncLimits{.ops_per_change_set = 1});
  auto& b = unit.add_device(sync::SyncLimits{.ops_per_change_set = 1, .envelopes_per_push = 256,
                                             .bytes_per_push = 8u << 20, .pull_page = 3});
  push_numbers(a, 10);
  auto rb = b.engine->sync(*b.api);
  REQUIRE(rb.ok());
  CHECK(rb->pulled == 10);
  CHECK(rb->cursor == 10);
  CHECK(b.store.applied.size() == 10);
}

TEST_CASE("A page big enough for worker threads is applied in server order", "[sync]") {
  Unit unit;
  auto& a = unit.add_device(sync::SyncLimits{.ops_per_change_set = 1});
  auto& b = unit.add_device();
  const auto written = push_numbers(a, 300);
  auto rb = b.engine->sync(*b.api);
  REQUIRE(rb.ok());
  CHECK(rb->pulled == 300);
  CHECK(b.store.applied == written);
}

TEST_CASE("A tampered change set deep in a big page is set aside and holds back only its author's later ones", "[sync]") {
  Unit unit;
  auto& a = unit.add_device(sync::SyncLimits{.ops_per_change_set = 1});
  auto& b = unit.add_device();
  push_numbers(a, 300);
  unit.server.log.at(250).envelope.at(300) ^= 0x01;

  auto rb = b.engine->sync(*b.api);
  REQUIRE(rb.ok());
  CHECK(mentions(rb->alarms, "change set 251"));
  CHECK(rb->quarantined == 1);
  CHECK(rb->held == 49);  // after the forged one: it never entered the chain
  CHECK(b.store.applied.size() == 250);
  CHECK(*b.store.pull_cursor() == 300);
}

TEST_CASE("Pages fetched ahead are applied in order, and a failed fetch keeps the pages before it", "[sync]") {
  Unit unit;
  auto& a = unit.add_device(sync::SyncLimits{.ops_per_change_set = 1});
  auto& b = unit.add_device();
  const auto written = push_numbers(a, 10);

  std::vector<std::uint64_t> asked;
  sync::SyncReport report;
  auto failed = b.engine->pull_pages(pages_of(unit.server, 4, asked, 8), report);
  REQUIRE_FALSE(failed);
  CHECK(failed.error().code == Errc::unavailable);
  CHECK(asked == std::vector<std::uint64_t>{0, 4, 8});
  CHECK(*b.store.pull_cursor() == 8);
  CHECK(b.store.applied.size() == 8);

  asked.clear();
  auto rest = b.engine->pull_pages(pages_of(unit.server, 4, asked), report);
  REQUIRE(rest);
  CHECK(*rest == 2);
  CHECK(asked == std::vector<std::uint64_t>{8});
  CHECK(report.cursor == 10);
  CHECK(b.store.applied == written);
}

TEST_CASE("A page that needs a registry refresh waits until the page before it is applied", "[sync]") {
  Unit unit;
  auto& a = unit.add_device(sync::SyncLimits{.ops_per_change_set = 1});
  auto& b = unit.add_device(sync::SyncLimits{.changes_per_transaction = 4});
  for (int i = 0; i < 4; ++i) a.store.write("known " + std::to_string(i));
  REQUIRE(a.engine->sync(*a.api).ok());
  Device late;
  late.keys = std::make_unique<test::MemoryKeys>(1, unit.key);
  late.api = std::make_unique<sync::ApiClient>(unit.server, late.identity);
  late.engine = std::make_unique<sync::SyncEngine>(late.store, late.identity, unit.id, *late.keys,
                                                   sync::SyncLimits{.ops_per_change_set = 1});
  for (int i = 0; i < 4; ++i) late.store.write("late " + std::to_string(i));
  REQUIRE(late.engine->seal_pending().ok());
  sync::SyncReport late_report;
  REQUIRE(late.engine->push_pending(*late.api, late_report).ok());
  // A refresh may drop keys the queued change sets point to, so it must not
  // happen while page one is in flight.
  b.keys->on_refresh(late.identity.public_bundle());
  std::optional<std::uint64_t> cursor_at_refresh;
  b.keys->before_refresh = [&] { cursor_at_refresh = *b.store.pull_cursor(); };

  std::vector<std::uint64_t> asked;
  sync::SyncReport report;
  auto pulled = b.engine->pull_pages(pages_of(unit.server, 4, asked), report);
  REQUIRE(pulled);
  CHECK(*pulled == 8);
  CHECK(b.keys->refreshes == 1);
  CHECK(cursor_at_refresh == std::optional<std::uint64_t>(4));
  CHECK(b.store.applied.back() == "late 3\n");
}

TEST_CASE("A tampered change set in a page fetched ahead is set aside and the pages go on in order", "[sync]") {
  Unit unit;
  auto& a = unit.add_device(sync::SyncLimits{.ops_per_change_set = 1});
  auto& b = unit.add_device(sync::SyncLimits{.changes_per_transaction = 100});
  push_numbers(a, 300);
  unit.server.log.at(249).envelope.at(300) ^= 0x01;

  std::vector<std::uint64_t> asked;
  sync::SyncReport report;
  auto pulled = b.engine->pull_pages(pages_of(unit.server, 100, asked), report);
  REQUIRE(pulled);
  CHECK(mentions(report.alarms, "change set 250"));
  CHECK(*b.store.pull_cursor() == 300);
  CHECK(b.store.applied.size() == 249);
  CHECK(b.store.transactions == 3);
}

TEST_CASE("Pages are joined into store transactions of up to the limit", "[sync]") {
  Unit unit;
  auto& a = unit.add_device(sync::SyncLimits{.ops_per_change_set = 1});
  auto& b = unit.add_device(sync::SyncLimits{.changes_per_transaction = 6});
  push_numbers(a, 10);

  std::vector<std::uint64_t> asked;
  sync::SyncReport report;
  auto pulled = b.engine->pull_pages(pages_of(unit.server, 3, asked), report);
  REQUIRE(pulled);
  CHECK(*pulled == 10);
  CHECK(asked == std::vector<std::uint64_t>{0, 3, 6, 9});
  CHECK(b.store.transactions == 2);  // 1-6 and 7-10
  CHECK(report.cursor == 10);
  CHECK(b.store.applied.size() == 10);
}
