// What lies on disk: no plaintext in the database or anything beside it,
// the raw key really is a raw key, and a second opener is locked out.
#include <catch2/catch.hpp>

#define SQLITE_HAS_CODEC 1
#include <sodium.h>
#include <sqlcipher/sqlite3.h>

#include "store_fixture.hpp"
#include "varn/crypto/random.hpp"
#include "varn/store/database.hpp"
#include "varn/store/records.hpp"

using namespace varn;
using store::LocalStore;

namespace {

const char* const kSuffixes[] = {"", "-wal", "-shm", "-journal", ".key"};

// Checks every file of the store; returns how many bytes were looked at.
std::size_t scan_for(const std::string& path, const std::vector<std::string>& markers) {
  std::size_t scanned = 0;
  for (const char* suffix : kSuffixes) {
    auto bytes = test::file_bytes(path + suffix);
    if (!bytes) continue;
    scanned += bytes->size();
    for (const auto& m : markers) {
      INFO("file " << path << suffix << " holds a plaintext marker");
      CHECK_FALSE(test::contains(*bytes, m));
    }
  }
  return scanned;
}

// Opens a database file outside the store with a given key statement.
bool readable_with(const std::string& path, const std::string& key_sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return false;
  }
  const std::string sql = key_sql + " PRAGMA cipher_page_size = 4096; SELECT count(*) FROM sqlite_master;";
  const bool ok = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_close(db);
  return ok;
}

}  // namespace

TEST_CASE("no plaintext reaches the database, its WAL or the key file", "[store][disk]") {
  test::ScratchDir dir;
  const auto path = dir.file("v.db");
  const std::vector<std::string> markers = {"Zelda Markersdottir", "QX7-ADDRESS-Hemligt", "NOTE-BODY-9f3ac1",
                                            "EDITED-BODY-77b2e0", "SETTING-VALUE-5e1d"};
  {
    auto s = test::make_store(path);
    test::ManualWall wall;
    model::HybridClock clock(wall.clock());
    store::Records records(*s, clock, crypto::random_array<16>());
    auto person = records.add_person({markers[0], "", "confidential", markers[1]});
    REQUIRE(person);
    auto case_id = *records.open_case(*person);
    auto visit = *records.record_visit({case_id, "office", "no", "", "", false, false, ""});
    auto note = *records.add_note(visit, markers[2]);
    for (int i = 0; i < 50; ++i) REQUIRE(records.add_note(visit, markers[2] + " filler " + std::to_string(i)));
    REQUIRE(records.edit_note(note, markers[3]));
    REQUIRE(records.sign_note(note));
    REQUIRE(s->put_setting("server.url", markers[4]));
    CHECK_FALSE(test::file_bytes(path + "-shm"));  // exclusive WAL keeps its index in memory
    REQUIRE(test::file_bytes(path + "-wal"));
    CHECK(scan_for(path, markers) > 50 * 1024);  // the writes are on disk, encrypted
  }
  CHECK_FALSE(test::file_bytes(path + "-wal"));  // checkpointed and removed on close
  CHECK(scan_for(path, markers) > 4096);
  const auto header = test::file_bytes(path);
  REQUIRE(header);
  CHECK_FALSE(test::contains(Bytes(header->begin(), header->begin() + 16), "SQLite format 3"));
}

TEST_CASE("the store key is used as a raw key, not as a passphrase", "[store][disk]") {
  test::ScratchDir dir;
  const auto path = dir.file("raw.db");
  auto key = crypto::SecretBuffer::random(32);
  {
    auto db = store::Database::open(path, key, true);
    REQUIRE(db);
    REQUIRE((*db)->exec("CREATE TABLE t(x); INSERT INTO t VALUES('hello');"));
    auto page = (*db)->pragma_value("cipher_page_size");
    REQUIRE(page);
    CHECK(*page == "4096");
  }
  std::string hex(64, '\0');
  sodium_bin2hex(hex.data(), hex.size() + 1, key.data(), key.size());
  CHECK(readable_with(path, "PRAGMA key = \"x'" + hex + "'\";"));
  CHECK_FALSE(readable_with(path, "PRAGMA key = '" + hex + "';"));  // the same digits as a passphrase
  CHECK_FALSE(readable_with(path, ""));                              // no key at all
  sodium_memzero(hex.data(), hex.size());

  auto other = crypto::SecretBuffer::random(32);
  auto wrong = store::Database::open(path, other, false);
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().code == Errc::corrupt);
}

TEST_CASE("a store open in one place is locked for a second opener", "[store][disk]") {
  test::ScratchDir dir;
  const auto path = dir.file("v.db");
  auto s = test::make_store(path);
  auto second = LocalStore::open(path, "correct horse");
  REQUIRE_FALSE(second);
  CHECK(second.error().code == Errc::locked);
  s->lock();
  CHECK(LocalStore::open(path, "correct horse"));
}
