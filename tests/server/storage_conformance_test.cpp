// One suite of storage behaviours, run against every backend: the embedded
// SQLite store and PostgreSQL on a throwaway cluster (pg_cluster.hpp). The
// handler tests then rely on these behaviours whichever backend is used.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <future>
#include <mutex>
#include <set>
#include <thread>

#include "pg_cluster.hpp"
#include "varn/crypto/hash.hpp"
#include "varn/crypto/random.hpp"
#include "varn/registry/checkpoint.hpp"
#include "varn/server/pg_schema.hpp"
#include "varn/server/pg_storage.hpp"
#include "varn/server/sqlite_storage.hpp"

namespace varn::test {
namespace {

using server::PushItem;
using server::PushKind;
using server::PushResult;
using server::Storage;
using server::StoredBytesCaps;

struct SqliteBackend {
  SqliteBackend() {
    dir = std::filesystem::temp_directory_path() / ("varn-conformance-" + to_hex(crypto::random_array<8>()));
    std::filesystem::create_directories(dir);
    auto opened = server::SqliteStorage::open(dir / "varn.db");
    REQUIRE(opened.ok());
    storage = std::move(opened).value();
  }
  ~SqliteBackend() {
    storage->close();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  std::filesystem::path dir;
  std::unique_ptr<Storage> storage;
};

struct PgBackend {
  PgBackend() : uri(PgCluster::shared().new_database()) {
    auto opened = server::PgStorage::open(uri);
    if (!opened) FAIL(opened.error().message);
    storage = std::move(opened).value();
  }
  ~PgBackend() { storage->close(); }
  std::string uri;
  std::unique_ptr<Storage> storage;
};

Bytes random_bytes(std::size_t n) {
  Bytes out(n);
  crypto::fill_random(out);
  return out;
}

constexpr StoredBytesCaps kNoCaps{1ull << 40, 1ull << 40};

//! A device writing its own hash chain of change sets. The storage never
//! decrypts or verifies signatures, so the bytes only need to be distinct.
struct Author {
  wire::UnitId unit{};
  wire::DeviceId id = crypto::random_array<16>();
  std::uint64_t seq = 0;
  crypto::Hash32 prev{};
  std::uint32_t epoch = 0;

  PushItem next(std::size_t size = 64) {
    PushItem item;
    item.header.unit = unit;
    item.header.author = id;
    item.header.epoch = epoch;
    item.header.seq = ++seq;
    item.header.prev_hash = prev;
    item.header.id = crypto::random_array<16>();
    item.bytes = random_bytes(size);
    item.hash = crypto::labelled_hash("test/envelope", {ByteView(item.bytes)});
    prev = item.hash;
    return item;
  }
};

Result<PushResult> push_sync(Storage& s, const wire::UnitId& unit, std::vector<PushItem> items,
                             StoredBytesCaps caps = kNoCaps, PushKind kind = PushKind::fresh) {
  auto promise = std::make_shared<std::promise<Result<PushResult>>>();
  auto future = promise->get_future();
  s.push(unit, kind, caps, std::move(items), [promise](Result<PushResult> r) { promise->set_value(std::move(r)); });
  REQUIRE(future.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
  return future.get();
}

wire::UnitId make_unit(Storage& s, const std::string& code = "CODE") {
  const auto unit = crypto::random_array<16>();
  REQUIRE(s.create_unit(unit, "Unit", crypto::labelled_hash("test/code", {ByteView(reinterpret_cast<const std::uint8_t*>(code.data()), code.size())})).ok());
  return unit;
}

crypto::Hash32 code_hash(const std::string& code) {
  return crypto::labelled_hash("test/code", {ByteView(reinterpret_cast<const std::uint8_t*>(code.data()), code.size())});
}

server::RegistryAppend entry(std::uint64_t index, registry::EntryKind kind, const wire::UnitId& unit,
                             const wire::DeviceId& subject = {}, std::uint32_t epoch = 0) {
  server::RegistryAppend a;
  a.entry.index = index;
  a.entry.kind = kind;
  a.entry.unit = unit;
  a.entry.subject = subject;
  a.entry.epoch = epoch;
  a.encoded = random_bytes(100);
  a.hash = crypto::labelled_hash("test/entry", {ByteView(a.encoded)});
  return a;
}

std::uint64_t stored(Storage& s, const wire::UnitId& unit) {
  auto page = s.pull(unit, 0, 100000, std::size_t{1} << 40);
  REQUIRE(page.ok());
  return page->items.size();
}

}  // namespace

TEMPLATE_TEST_CASE("storage: a created unit is found with zeros and listed, and its id cannot be made twice",
                   "[storage]", SqliteBackend, PgBackend) {
  TestType b;
  auto& s = *b.storage;
  const auto unit = make_unit(s, "A");
  auto found = s.find_unit(unit);
  REQUIRE(found.ok());
  REQUIRE(found->has_value());
  CHECK((*found)->head == 0);
  CHECK((*found)->current_epoch == 0);
  CHECK((*found)->registry_length == 0);
  CHECK((*found)->log_hash == crypto::Hash32{});
  CHECK((*found)->bytes == 0);
  auto missing = s.find_unit(crypto::random_array<16>());
  REQUIRE(missing.ok());
  CHECK_FALSE(missing->has_value());
  const auto other = make_unit(s, "B");
  auto all = s.all_units();
  REQUIRE(all.ok());
  auto want = std::vector<wire::UnitId>{unit, other};
  std::sort(want.begin(), want.end());
  CHECK(*all == want);
  CHECK_FALSE(s.create_unit(unit, "Again", code_hash("C")).ok());
  CHECK(s.all_units()->size() == 2);
}

TEMPLATE_TEST_CASE("storage: a unit code is spent by one device, its retry answers the unit, another device is refused",
                   "[storage]", SqliteBackend, PgBackend) {
  TestType b;
  auto& s = *b.storage;
  const auto unit = make_unit(s, "CODE-1");
  const auto first = crypto::random_array<16>();
  const Bytes bundle = random_bytes(64);
  CHECK_FALSE(s.code_owner(unit)->has_value());
  auto spent = s.spend_unit_code(code_hash("CODE-1"), first, bundle);
  REQUIRE(spent.ok());
  CHECK(*spent == unit);
  auto retry = s.spend_unit_code(code_hash("CODE-1"), first, bundle);
  REQUIRE(retry.ok());
  CHECK(*retry == unit);
  auto other = s.spend_unit_code(code_hash("CODE-1"), crypto::random_array<16>(), bundle);
  REQUIRE_FALSE(other.ok());
  CHECK(other.error().code == Errc::forbidden);
  auto unknown = s.spend_unit_code(code_hash("NOPE"), first, bundle);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code == Errc::forbidden);
  auto owner = s.code_owner(unit);
  REQUIRE(owner.ok());
  REQUIRE(owner->has_value());
  CHECK((*owner)->device == first);
  CHECK((*owner)->bundle == bundle);
  auto units = s.units_of(first);
  REQUIRE(units.ok());
  CHECK(*units == std::vector<wire::UnitId>{unit});
}

TEMPLATE_TEST_CASE("storage: a pending enrolment is filed once per device, found by code and device, expires, and its caps hold",
                   "[storage]", SqliteBackend, PgBackend) {
  TestType b;
  auto& s = *b.storage;
  const auto d1 = crypto::random_array<16>();
  const Bytes bundle = random_bytes(32);
  auto filed = s.request_enrolment(d1, bundle, "P-1", "", 1000, 0, "peer-a", 3, 2);
  REQUIRE(filed.ok());
  CHECK(filed->code == "P-1");
  // The same device again gets its live request back, not a second one.
  auto again = s.request_enrolment(d1, bundle, "P-2", "", 1001, 0, "peer-a", 3, 2);
  REQUIRE(again.ok());
  CHECK(again->code == "P-1");
  CHECK(again->requested_at == 1000);
  auto by_code = s.find_pending_by_code("P-1", 0);
  REQUIRE(by_code.ok());
  REQUIRE(by_code->has_value());
  CHECK((*by_code)->device == d1);
  CHECK((*by_code)->bundle == bundle);
  CHECK(s.find_pending_by_device(d1, 0)->has_value());
  CHECK_FALSE(s.find_pending_by_code("P-1", 1001)->has_value());  // older than not_before: expired
  // Per peer: two from peer-a, the third refused; the total cap: three.
  REQUIRE(s.request_enrolment(crypto::random_array<16>(), bundle, "P-3", "", 1000, 0, "peer-a", 3, 2).ok());
  auto peer_cap = s.request_enrolment(crypto::random_array<16>(), bundle, "P-4", "", 1000, 0, "peer-a", 3, 2);
  REQUIRE_FALSE(peer_cap.ok());
  CHECK(peer_cap.error().code == Errc::forbidden);
  REQUIRE(s.request_enrolment(crypto::random_array<16>(), bundle, "P-5", "", 1000, 0, "peer-b", 3, 2).ok());
  auto total_cap = s.request_enrolment(crypto::random_array<16>(), bundle, "P-6", "", 1000, 0, "peer-c", 3, 2);
  REQUIRE_FALSE(total_cap.ok());
  CHECK(total_cap.error().code == Errc::unavailable);
  // Expired requests are removed first and no longer count.
  auto later = s.request_enrolment(crypto::random_array<16>(), bundle, "P-7", "", 5000, 4000, "peer-c", 3, 2);
  REQUIRE(later.ok());
  CHECK_FALSE(s.find_pending_by_code("P-3", 0)->has_value());
}

TEMPLATE_TEST_CASE("storage: pending requests are listed for the unit their hint starts, newest first, without its members",
                   "[storage]", SqliteBackend, PgBackend) {
  TestType b;
  auto& s = *b.storage;
  const auto unit = make_unit(s);
  const std::string hex = to_hex(unit);
  const Bytes bundle = random_bytes(32);
  const auto early = crypto::random_array<16>(), late = crypto::random_array<16>(), member = crypto::random_array<16>();
  REQUIRE(s.request_enrolment(early, bundle, "H-1", hex.substr(0, 8), 1000, 0, "peer-a", 10, 10).ok());
  REQUIRE(s.request_enrolment(late, bundle, "H-2", hex, 1002, 0, "peer-b", 10, 10).ok());
  REQUIRE(s.request_enrolment(crypto::random_array<16>(), bundle, "H-3", "", 1001, 0, "peer-c", 10, 10).ok());
  const std::string other = (hex[0] == '0' ? "1" : "0") + hex.substr(1, 7);
  REQUIRE(s.request_enrolment(crypto::random_array<16>(), bundle, "H-4", other, 1001, 0, "peer-d", 10, 10).ok());
  auto listed = s.pending_for_unit(unit, 0, 10);
  REQUIRE(listed.ok());
  REQUIRE(listed->size() == 2);
  CHECK((*listed)[0].code == "H-2");
  CHECK((*listed)[0].unit_hint == hex);
  CHECK((*listed)[1].code == "H-1");
  CHECK(s.pending_for_unit(unit, 0, 1)->size() == 1);     // the limit
  CHECK(s.pending_for_unit(unit, 1001, 10)->size() == 1);  // expired ones are not listed
  // A device the unit's registry names is no longer waiting there.
  REQUIRE(s.request_enrolment(member, bundle, "H-5", hex.substr(0, 8), 1003, 0, "peer-e", 10, 10).ok());
  CHECK(s.pending_for_unit(unit, 0, 10)->size() == 3);
  REQUIRE(s.append_registry(unit, entry(0, registry::EntryKind::enrol, unit, member)).ok());
  CHECK(s.pending_for_unit(unit, 0, 10)->size() == 2);
}

TEMPLATE_TEST_CASE("storage: registry entries are stored at their index only, with key copies, rotation copies and the epoch",
                   "[storage]", SqliteBackend, PgBackend) {
  TestType b;
  auto& s = *b.storage;
  const auto unit = make_unit(s);
  const auto admin = crypto::random_array<16>();
  const auto worker = crypto::random_array<16>();
  auto e0 = entry(0, registry::EntryKind::enrol, unit, admin);
  REQUIRE(s.append_registry(unit, e0).ok());
  auto stale = entry(0, registry::EntryKind::enrol, unit, worker);
  auto conflict = s.append_registry(unit, stale);
  REQUIRE_FALSE(conflict.ok());
  CHECK(conflict.error().code == Errc::conflict);
  auto gap = s.append_registry(unit, entry(5, registry::EntryKind::enrol, unit, worker));
  REQUIRE_FALSE(gap.ok());
  CHECK(gap.error().code == Errc::conflict);
  auto rotate = entry(1, registry::EntryKind::rotate, unit, {}, 1);
  const Bytes admin_copy = random_bytes(80);
  rotate.rotation_copies = {{admin, 1, admin_copy}};
  REQUIRE(s.append_registry(unit, rotate).ok());
  auto e2 = entry(2, registry::EntryKind::enrol, unit, worker);
  const Bytes worker_copy = random_bytes(80);
  e2.device_copies = {{worker, 1, worker_copy}};
  REQUIRE(s.append_registry(unit, e2).ok());

  auto u = s.find_unit(unit);
  REQUIRE(u.ok());
  CHECK((*u)->registry_length == 3);
  CHECK((*u)->registry_head == e2.hash);
  CHECK((*u)->current_epoch == 1);
  auto page = s.registry_entries(unit, 1);
  REQUIRE(page.ok());
  CHECK(page->length == 3);
  CHECK(page->entries == std::vector<Bytes>{rotate.encoded, e2.encoded});
  auto admin_keys = s.keys_for(unit, admin);
  REQUIRE(admin_keys.ok());
  REQUIRE(admin_keys->size() == 1);
  CHECK((*admin_keys)[0].epoch == 1);
  CHECK((*admin_keys)[0].wrapped == admin_copy);
  auto worker_keys = s.keys_for(unit, worker);
  REQUIRE(worker_keys->size() == 1);
  CHECK((*worker_keys)[0].wrapped == worker_copy);
  auto copies = s.rotation_copies(unit, 1);
  REQUIRE(copies.ok());
  REQUIRE(copies->size() == 1);
  CHECK((*copies)[0].device == admin);
  auto units = s.units_of(worker);
  REQUIRE(units.ok());
  CHECK(*units == std::vector<wire::UnitId>{unit});

  // A copy the server lacks is added; one it holds is kept as it is.
  const Bytes other = random_bytes(80);
  const auto third = crypto::random_array<16>();
  REQUIRE(s.add_missing_copies(unit, {{worker, 1, other}, {third, 1, other}}).ok());
  CHECK(s.keys_for(unit, worker)->at(0).wrapped == worker_copy);
  CHECK(s.keys_for(unit, third)->at(0).wrapped == other);
}

TEMPLATE_TEST_CASE("storage: a push numbers change sets 1..n with the running log hash, and a retry answers the same numbers as duplicates",
                   "[storage]", SqliteBackend, PgBackend) {
  TestType b;
  auto& s = *b.storage;
  const auto unit = make_unit(s);
  Author a{unit};
  std::vector<PushItem> batch{a.next(), a.next(), a.next()};
  auto first = push_sync(s, unit, batch);
  REQUIRE(first.ok());
  REQUIRE_FALSE(first->refusal);
  REQUIRE(first->acks.size() == 3);
  crypto::Hash32 log{};
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(first->acks[i].seq == i + 1);
    CHECK_FALSE(first->acks[i].duplicate);
    CHECK(first->acks[i].id == batch[i].header.id);
    log = registry::next_log_hash(log, i + 1, batch[i].hash);
    auto at = s.log_hash_at(unit, i + 1);
    REQUIRE(at.ok());
    CHECK(*at == log);
  }
  CHECK(*s.log_hash_at(unit, 0) == crypto::Hash32{});
  auto above = s.log_hash_at(unit, 4);
  REQUIRE_FALSE(above.ok());
  CHECK(above.error().code == Errc::not_found);
  auto u = s.find_unit(unit);
  CHECK((*u)->head == 3);
  CHECK((*u)->log_hash == log);
  CHECK((*u)->bytes == 3 * 64);

  auto retry = push_sync(s, unit, batch);
  REQUIRE(retry.ok());
  REQUIRE_FALSE(retry->refusal);
  REQUIRE(retry->acks.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(retry->acks[i].seq == i + 1);
    CHECK(retry->acks[i].duplicate);
  }
  CHECK(stored(s, unit) == 3);
  CHECK(s.find_unit(unit)->value().head == 3);
}

TEMPLATE_TEST_CASE("storage: a known change-set id with other bytes is 409 conflict and its whole batch stores nothing",
                   "[storage]", SqliteBackend, PgBackend) {
  TestType b;
  auto& s = *b.storage;
  const auto unit = make_unit(s);
  Author a{unit};
  auto one = a.next();
  REQUIRE(push_sync(s, unit, {one})->acks.size() == 1);
  auto fresh = a.next();
  auto forged = one;
  forged.bytes = random_bytes(64);
  forged.hash = crypto::labelled_hash("test/envelope", {ByteView(forged.bytes)});
  auto r = push_sync(s, unit, {fresh, forged});
  REQUIRE(r.ok());
  REQUIRE(r->refusal);
  CHECK(r->refusal->status == 409);
  CHECK(r->refusal->code == "conflict");
  CHECK(r->refusal->index == 1);
  CHECK(r->acks.empty());
  CHECK(stored(s, unit) == 1);
  CHECK(s.find_unit(unit)->value().head == 1);
}

TEMPLATE_TEST_CASE("storage: a batch is atomic: a chain break in its last envelope stores none of it, and names the author's head",
                   "[storage]", SqliteBackend, PgBackend) {
  TestType b;
  auto& s = *b.storage;
  const auto unit = make_unit(s);
  Author a{unit};
  REQUIRE(push_sync(s, unit, {a.next()})->acks.size() == 1);
  auto two = a.next();
  auto three = a.next();
  a.next();  // seq 4 is skipped
  auto five = a.next();
  auto r = push_sync(s, unit, {two, three, five});
  REQUIRE(r.ok());
  REQUIRE(r->refusal);
  CHECK(r->refusal->code == "chain");
  CHECK(r->refusal->index == 2);
  CHECK(r->refusal->author_head == 3);  // inside the batch the chain had reached 3
  CHECK(stored(s, unit) == 1);
  auto u = s.find_unit(unit);
  CHECK((*u)->head == 1);
  CHECK((*u)->bytes == 64);
  // After the refusal the same first two go in, as 2 and 3.
  auto ok = push_sync(s, unit, {two, three});
  REQUIRE(ok->acks.size() == 2);
  CHECK(ok->acks[1].seq == 3);
  // Pushing to a unit that does not exist is refused, not created.
  auto nowhere = push_sync(s, crypto::random_array<16>(), {a.next()});
  REQUIRE(nowhere->refusal);
  CHECK(nowhere->refusal->status == 403);
}

TEMPLATE_TEST_CASE("storage: new work needs the current epoch, a heal may bring back any epoch up to it",
                   "[storage]", SqliteBackend, PgBackend) {
  TestType b;
  auto& s = *b.storage;
  const auto unit = make_unit(s);
  auto rotate = entry(0, registry::EntryKind::rotate, unit, {}, 1);
  REQUIRE(s.append_registry(unit, rotate).ok());
  REQUIRE(s.append_registry(unit, entry(1, registry::EntryKind::rotate, unit, {}, 2)).ok());
  Author a{unit};
  a.epoch = 1;
  auto old = a.next();
  auto fresh = push_sync(s, unit, {old});
  REQUIRE(fresh->refusal);
  CHECK(fresh->refusal->code == "stale_epoch");
  auto heal = push_sync(s, unit, {old}, kNoCaps, PushKind::heal);
  REQUIRE_FALSE(heal->refusal);
  CHECK(heal->acks.at(0).seq == 1);
  a.epoch = 3;
  auto future_epoch = push_sync(s, unit, {a.next()}, kNoCaps, PushKind::heal);
  REQUIRE(future_epoch->refusal);
  CHECK(future_epoch->refusal->code == "stale_epoch");
}

TEMPLATE_TEST_CASE("storage: the device and unit stored-byte caps refuse with 507 quota and store nothing",
                   "[storage]", SqliteBackend, PgBackend) {
  TestType b;
  auto& s = *b.storage;
  const auto unit = make_unit(s);
  Author a{unit};
  Author c{unit};
  const StoredBytesCaps caps{250, 400};
  REQUIRE_FALSE(push_sync(s, unit, {a.next(100), a.next(100)}, caps)->refusal);
  auto over = push_sync(s, unit, {a.next(100)}, caps);
  REQUIRE(over->refusal);
  CHECK(over->refusal->status == 507);
  CHECK(over->refusal->code == "quota");
  CHECK(over->refusal->message.find("device") != std::string::npos);
  REQUIRE_FALSE(push_sync(s, unit, {c.next(150)}, caps)->refusal);
  auto unit_over = push_sync(s, unit, {c.next(100)}, caps);
  REQUIRE(unit_over->refusal);
  CHECK(unit_over->refusal->status == 507);
  CHECK(unit_over->refusal->message.find("unit") != std::string::npos);
  CHECK(stored(s, unit) == 3);
  CHECK(s.find_unit(unit)->value().bytes == 350);
}

TEMPLATE_TEST_CASE("storage: after a revoke, a change set beyond the author's floor that did not see it is refused, one within it is taken",
                   "[storage]", SqliteBackend, PgBackend) {
  TestType b;
  auto& s = *b.storage;
  const auto unit = make_unit(s);
  Author a{unit};
  const auto one = a.next();
  const auto two = a.next();
  REQUIRE_FALSE(push_sync(s, unit, {one})->refusal);
  // The floor records that a's chain had reached 1 when entry 0 narrowed it.
  REQUIRE(s.append_registry(unit, entry(0, registry::EntryKind::revoke, unit, a.id)).ok());
  auto beyond = two;
  beyond.unseen_narrowings = {0};
  auto refused = push_sync(s, unit, {beyond});
  REQUIRE(refused->refusal);
  CHECK(refused->refusal->status == 403);
  CHECK(refused->refusal->code == "role");
  // One that claims an entry with no floor recorded is refused too.
  auto unknown_floor = two;
  unknown_floor.unseen_narrowings = {7};
  CHECK(push_sync(s, unit, {unknown_floor})->refusal);
  // Having seen the entry, the same change set is judged elsewhere (membership), not here.
  auto seen = push_sync(s, unit, {two});
  REQUIRE_FALSE(seen->refusal);
  CHECK(seen->acks.at(0).seq == 2);
  // An envelope claiming less of the registry than its predecessor is refused.
  Author c{unit};
  auto c1 = c.next();
  c1.header.registry_seen = 3;
  REQUIRE_FALSE(push_sync(s, unit, {c1})->refusal);
  auto c2 = c.next();
  c2.header.registry_seen = 2;
  auto less = push_sync(s, unit, {c2});
  REQUIRE(less->refusal);
  CHECK(less->refusal->code == "authority");
}

TEMPLATE_TEST_CASE("storage: a pull pages by count and by bytes, always takes one, and gives the unit from the same snapshot",
                   "[storage]", SqliteBackend, PgBackend) {
  TestType b;
  auto& s = *b.storage;
  const auto unit = make_unit(s);
  Author a{unit};
  std::vector<PushItem> batch;
  for (int i = 0; i < 10; ++i) batch.push_back(a.next(100));
  REQUIRE(push_sync(s, unit, batch)->acks.size() == 10);
  auto page = s.pull(unit, 2, 3, 1 << 20);
  REQUIRE(page.ok());
  REQUIRE(page->items.size() == 3);
  CHECK(page->items[0].seq == 3);
  CHECK(page->items[2].seq == 5);
  CHECK(page->items[0].envelope == batch[2].bytes);
  CHECK(page->unit.head == 10);
  CHECK(page->unit.log_hash == *s.log_hash_at(unit, 10));
  auto by_bytes = s.pull(unit, 0, 100, 250);
  REQUIRE(by_bytes->items.size() == 3);  // stops once 250 bytes are reached: 100+100+100
  auto tiny = s.pull(unit, 0, 100, 1);
  REQUIRE(tiny->items.size() == 1);
  auto none = s.pull(unit, 10, 100, 1 << 20);
  REQUIRE(none.ok());
  CHECK(none->items.empty());
  CHECK(none->unit.head == 10);
  auto unknown = s.pull(crypto::random_array<16>(), 0, 10, 1 << 20);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code == Errc::not_found);
}

TEMPLATE_TEST_CASE("storage: the commit listener hears each durable push with the unit's new head",
                   "[storage]", SqliteBackend, PgBackend) {
  TestType b;
  auto& s = *b.storage;
  const auto unit = make_unit(s);
  std::mutex m;
  std::vector<std::uint64_t> heads;
  s.set_commit_listener([&](const wire::UnitId& u, std::uint64_t head) {
    const std::lock_guard lock(m);
    if (u == unit) heads.push_back(head);
  });
  Author a{unit};
  const auto commits_before = s.commits();
  REQUIRE_FALSE(push_sync(s, unit, {a.next(), a.next()})->refusal);
  REQUIRE_FALSE(push_sync(s, unit, {a.next()})->refusal);
  auto bad = a.next();
  bad.header.seq = 9;
  REQUIRE(push_sync(s, unit, {bad})->refusal);  // a refusal commits nothing to tell
  const std::lock_guard lock(m);
  CHECK(heads == std::vector<std::uint64_t>{2, 3});
  CHECK(s.commits() >= commits_before + 2);
}

TEMPLATE_TEST_CASE("storage: N threads pushing to one unit get 1..N with no gap or duplicate, and no pull sees a gap",
                   "[storage]", SqliteBackend, PgBackend) {
  TestType b;
  auto& s = *b.storage;
  const auto unit = make_unit(s);
  constexpr int kThreads = 8;
  constexpr int kPushesEach = 12;
  std::atomic<bool> done{false};
  std::atomic<bool> gap_seen{false};
  std::thread puller([&] {
    while (!done.load()) {
      auto page = s.pull(unit, 0, 100000, std::size_t{1} << 40);
      if (!page.ok()) continue;
      for (std::size_t i = 0; i < page->items.size(); ++i) {
        if (page->items[i].seq != i + 1) gap_seen = true;
      }
      if (page->unit.head != page->items.size()) gap_seen = true;
    }
  });
  std::mutex m;
  std::vector<std::uint64_t> seqs;
  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&] {
      Author a{unit};
      for (int i = 0; i < kPushesEach; ++i) {
        auto r = push_sync(s, unit, {a.next()});
        if (!r.ok() || r->refusal || r->acks.size() != 1) continue;
        const std::lock_guard lock(m);
        seqs.push_back(r->acks[0].seq);
      }
    });
  }
  for (auto& w : writers) w.join();
  done = true;
  puller.join();
  std::sort(seqs.begin(), seqs.end());
  std::vector<std::uint64_t> want(kThreads * kPushesEach);
  for (std::size_t i = 0; i < want.size(); ++i) want[i] = i + 1;
  CHECK(seqs == want);
  CHECK_FALSE(gap_seen.load());
  CHECK(stored(s, unit) == want.size());
  CHECK(s.find_unit(unit)->value().head == want.size());
}

TEMPLATE_TEST_CASE("storage: device activity is recorded, and the first wipe confirmation stays",
                   "[storage]", SqliteBackend, PgBackend) {
  TestType b;
  auto& s = *b.storage;
  const auto d = crypto::random_array<16>();
  auto none = s.activity(d);
  REQUIRE(none.ok());
  CHECK(none->last_seen == 0);
  CHECK_FALSE(none->wiped_at);
  REQUIRE(s.touch_device(d, 100).ok());
  REQUIRE(s.touch_device(d, 200).ok());
  CHECK(s.activity(d)->last_seen == 200);
  CHECK(*s.record_wipe(d, 300) == 300);
  CHECK(*s.record_wipe(d, 400) == 300);
  CHECK(*s.activity(d)->wiped_at == 300);
  CHECK(s.activity(d)->last_seen == 200);
}

TEMPLATE_TEST_CASE("storage: after close, a push is answered unavailable", "[storage]", SqliteBackend, PgBackend) {
  TestType b;
  auto& s = *b.storage;
  const auto unit = make_unit(s);
  s.close();
  Author a{unit};
  auto r = push_sync(s, unit, {a.next()});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == Errc::unavailable);
}

// What only PostgreSQL offers: several processes on one database. Two
// storages on one database stand for two varn-server processes.
TEST_CASE("postgresql: a push committed through one process's storage wakes the commit listener of another's",
          "[storage][postgresql]") {
  PgBackend a;
  auto other = server::PgStorage::open(a.uri);
  REQUIRE(other.ok());
  auto& b = **other;
  const auto unit = make_unit(*a.storage);
  std::mutex m;
  std::condition_variable cv;
  std::vector<std::uint64_t> heard;
  b.set_commit_listener([&](const wire::UnitId& u, std::uint64_t head) {
    const std::lock_guard lock(m);
    if (u == unit) heard.push_back(head);
    cv.notify_all();
  });
  Author w{unit};
  REQUIRE_FALSE(push_sync(*a.storage, unit, {w.next(), w.next()})->refusal);
  {
    std::unique_lock lock(m);
    REQUIRE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return !heard.empty(); }));
    CHECK(heard.front() == 2);
  }
  // The other process reads what the first committed, numbered as it was.
  auto page = b.pull(unit, 0, 10, 1 << 20);
  REQUIRE(page.ok());
  CHECK(page->items.size() == 2);
  CHECK(page->unit.head == 2);
  // And its own pushes continue the same numbering.
  auto r = push_sync(b, unit, {w.next()});
  REQUIRE_FALSE(r->refusal);
  CHECK(r->acks.at(0).seq == 3);
  b.close();
}

TEST_CASE("postgresql: a challenge spent through one process's storage is spent for every other, and expired ones go",
          "[storage][postgresql]") {
  PgBackend a;
  auto other = server::PgStorage::open(a.uri);
  REQUIRE(other.ok());
  server::ChallengeLedger* at_a = a.storage->shared_challenges();
  server::ChallengeLedger* at_b = (*other)->shared_challenges();
  REQUIRE(at_a != nullptr);
  REQUIRE(at_b != nullptr);
  const std::int64_t now = 1'700'000'000'000;
  const auto tag = crypto::random_array<16>();
  CHECK(*at_a->spend(tag, now + 60'000, now));
  CHECK_FALSE(*at_b->spend(tag, now + 60'000, now));
  CHECK_FALSE(*at_a->spend(tag, now + 60'000, now));
  // Kept 5 minutes past its expiry (clock skew between processes), then removed.
  CHECK_FALSE(*at_b->spend(tag, now + 60'000, now + 60'000 + 299'000));
  const auto later = crypto::random_array<16>();
  CHECK(*at_b->spend(later, now + 500'000, now + 60'000 + 301'000));
  CHECK(*at_a->spend(tag, now + 500'000, now + 60'000 + 301'000));  // its row was gone
  auto conn = server::PgConn::connect(a.uri);
  REQUIRE(conn.ok());
  auto rows = (*conn)->exec("SELECT count(*)::int8 FROM spent_challenges");
  REQUIRE(rows.ok());
  CHECK(rows->int64(0, 0) == 2);
  (*other)->close();
}

TEMPLATE_TEST_CASE("sqlite: the storage offers no shared challenge ledger (one process keeps its own)", "[storage]",
                   SqliteBackend) {
  TestType b;
  CHECK(b.storage->shared_challenges() == nullptr);
}

TEST_CASE("postgresql: a call beyond the connection pool waits for a pooled connection instead of opening another",
          "[storage][postgresql]") {
  const std::string uri = PgCluster::shared().new_database();
  auto opened = server::PgStorage::open(uri, 1, 2);  // one push writer, two pooled connections
  REQUIRE(opened.ok());
  auto& s = **opened;
  const auto unit = make_unit(s);
  // Another session holds the units table, so every read of it blocks in
  // the database with its pooled connection held.
  auto blocker = server::PgConn::connect(uri);
  REQUIRE(blocker.ok());
  REQUIRE((*blocker)->exec("BEGIN").ok());
  REQUIRE((*blocker)->exec("LOCK TABLE units IN ACCESS EXCLUSIVE MODE").ok());
  std::atomic<int> answered{0};
  std::vector<std::thread> readers;
  for (int i = 0; i < 3; ++i) {
    readers.emplace_back([&] {
      auto u = s.find_unit(unit);
      if (u.ok() && u->has_value()) ++answered;
    });
  }
  auto watcher = server::PgConn::connect(uri);
  REQUIRE(watcher.ok());
  const auto blocked = [&] {
    auto r = (*watcher)->exec("SELECT count(*)::int8 FROM pg_stat_activity WHERE datname = current_database() "
                              "AND wait_event_type = 'Lock'");
    REQUIRE(r.ok());
    return r->int64(0, 0);
  };
  // Two calls hold the pool's two connections, blocked on the lock; the third waits for one of them.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!(blocked() == 2 && s.pool_waits() >= 1)) REQUIRE(std::chrono::steady_clock::now() < deadline);
  CHECK(answered.load() == 0);
  REQUIRE((*blocker)->exec("COMMIT").ok());
  for (auto& t : readers) t.join();
  CHECK(answered.load() == 3);
  // Pooled (2), the writer and the listener: nothing more was opened.
  auto total = (*watcher)->exec("SELECT count(*)::int8 FROM pg_stat_activity WHERE datname = current_database() "
                                "AND pid <> pg_backend_pid()");
  REQUIRE(total.ok());
  CHECK(total->int64(0, 0) - 1 <= 4);  // less the blocker's own session
  s.close();

  // A wait that outlasts the pool's limit fails saying it timed out, not that the server is shutting down.
  auto quick = server::PgStorage::open(uri, 1, 1, std::chrono::milliseconds(200));
  REQUIRE(quick.ok());
  REQUIRE((*blocker)->exec("BEGIN").ok());
  REQUIRE((*blocker)->exec("LOCK TABLE units IN ACCESS EXCLUSIVE MODE").ok());
  std::thread holder([&] { (void)(*quick)->find_unit(unit); });
  const auto held_by = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (blocked() != 1) REQUIRE(std::chrono::steady_clock::now() < held_by);
  auto late = (*quick)->find_unit(unit);
  REQUIRE((*blocker)->exec("COMMIT").ok());
  holder.join();
  REQUIRE_FALSE(late.ok());
  CHECK(late.error().code == Errc::unavailable);
  CHECK(late.error().message.find("timed out after 200 ms waiting for a pooled PostgreSQL connection") !=
        std::string::npos);
  CHECK(late.error().message.find("shutting down") == std::string::npos);
  (*quick)->close();
}

TEST_CASE("postgresql: a database made by a newer schema version is refused, not written", "[storage][postgresql]") {
  PgBackend a;
  a.storage->close();
  auto conn = server::PgConn::connect(a.uri);
  REQUIRE(conn.ok());
  REQUIRE((*conn)->exec("UPDATE schema_version SET version = version + 1").ok());
  auto reopened = server::PgStorage::open(a.uri);
  REQUIRE_FALSE(reopened.ok());
  CHECK(reopened.error().code == Errc::unsupported_version);
  // Opening the same version twice (a second process starting) migrates nothing again.
  REQUIRE((*conn)->exec("UPDATE schema_version SET version = version - 1").ok());
  auto again = server::PgStorage::open(a.uri);
  REQUIRE(again.ok());
  auto v = (*conn)->exec("SELECT count(*)::int8, max(version)::int8 FROM schema_version");
  REQUIRE(v.ok());
  CHECK(v->int64(0, 0) == 1);
  CHECK(v->int64(0, 1) == server::pg_schema_version());
}

}  // namespace varn::test
