// Text typed and not saved: kept in the encrypted store across a lock and
// reopen, never an outbox op, never plaintext on disk, forgotten on save.
#include <catch2/catch.hpp>

#include "store_fixture.hpp"
#include "varn/store/database.hpp"
#include "varn/store/typed_text.hpp"

using namespace varn;

namespace {

std::size_t outbox_rows(store::LocalStore& s) {
  auto q = s.database().prepare("SELECT count(*) FROM outbox");
  REQUIRE(q);
  REQUIRE(*q->step());
  return static_cast<std::size_t>(q->int64(0));
}

}  // namespace

TEST_CASE("typed text survives a lock and reopen, stays encrypted and is never synced", "[store][typed]") {
  test::ScratchDir dir;
  const auto path = dir.file("s.db");
  {
    auto s = test::make_store(path);
    const auto ops_before = outbox_rows(*s);
    REQUIRE(store::keep_typed_text(s->database(), "visit/a", "Hon berättade om TYPEDMARKER"));
    REQUIRE(store::keep_typed_text(s->database(), "note/b", "annat"));
    REQUIRE(store::keep_typed_text(s->database(), "visit/a", "Hon berättade om TYPEDMARKER igår"));
    CHECK(outbox_rows(*s) == ops_before);
    s->lock();
  }
  auto bytes = test::file_bytes(path);
  REQUIRE(bytes);
  CHECK_FALSE(test::contains(*bytes, "TYPEDMARKER"));
  auto wal = test::file_bytes(path + "-wal");
  if (wal) CHECK_FALSE(test::contains(*wal, "TYPEDMARKER"));

  auto s = store::LocalStore::open(path, "correct horse");
  REQUIRE(s);
  auto& db = (*s)->database();
  CHECK(store::typed_text(db, "visit/a").value() == std::optional<std::string>("Hon berättade om TYPEDMARKER igår"));
  // The slot typed in last is the one to reopen, though it was created first.
  auto latest = store::latest_typed_text(db).value();
  REQUIRE(latest);
  CHECK(latest->slot == "visit/a");

  REQUIRE(store::forget_typed_text(db, "visit/a"));
  CHECK_FALSE(store::typed_text(db, "visit/a").value());
  CHECK(store::latest_typed_text(db).value()->slot == "note/b");
  // Clearing the field forgets the slot too.
  REQUIRE(store::keep_typed_text(db, "note/b", ""));
  CHECK_FALSE(store::latest_typed_text(db).value());
}
