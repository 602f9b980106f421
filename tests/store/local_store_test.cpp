// LocalStore: create, unlock, lock, wrong passphrases, passphrase change,
// wipe limit, damaged key files, and the vault round trip.
#include "varn/store/local_store.hpp"

#include <catch2/catch.hpp>

#include "store_fixture.hpp"
#include "varn/store/schema.hpp"

using namespace varn;
using store::LocalStore;
using test::file_bytes;

namespace {

const std::string kPass = "correct horse";

std::string key_path(const std::string& db) { return db + ".key"; }

}  // namespace

TEST_CASE("a created store opens again with its passphrase and keeps what was written", "[store][keys]") {
  test::ScratchDir dir;
  const auto path = dir.file("v.db");
  REQUIRE_FALSE(LocalStore::exists(path));
  {
    auto s = test::make_store(path, kPass);
    CHECK(LocalStore::exists(path));
    CHECK(s->schema_version() == store::latest_schema_version());
    REQUIRE(s->put_setting("server.url", "https://example.invalid"));
  }
  auto again = LocalStore::create(path, kPass, test::fast_options());
  REQUIRE_FALSE(again);
  CHECK(again.error().code == Errc::conflict);

  auto opened = LocalStore::open(path, kPass);
  REQUIRE(opened);
  auto url = (*opened)->setting("server.url");
  REQUIRE(url);
  CHECK(url->value_or("") == "https://example.invalid");
}

TEST_CASE("a locked store refuses every call", "[store][keys]") {
  test::ScratchDir dir;
  auto s = test::make_store(dir.file("v.db"));
  s->lock();
  CHECK(s->locked());
  auto cursor = s->pull_cursor();
  REQUIRE_FALSE(cursor);
  CHECK(cursor.error().code == Errc::locked);
  auto setting = s->setting("x");
  REQUIRE_FALSE(setting);
  CHECK(setting.error().code == Errc::locked);
  CHECK(s->change_passphrase(kPass, "other").error().code == Errc::locked);
}

TEST_CASE("a missing store is not_found", "[store][keys]") {
  test::ScratchDir dir;
  auto opened = LocalStore::open(dir.file("none.db"), kPass);
  REQUIRE_FALSE(opened);
  CHECK(opened.error().code == Errc::not_found);
}

TEST_CASE("a wrong passphrase is refused and leaves the database bytes alone", "[store][keys]") {
  test::ScratchDir dir;
  const auto path = dir.file("v.db");
  test::make_store(path)->lock();
  const auto before = file_bytes(path);
  REQUIRE(before);
  REQUIRE(before->size() > 0);

  auto opened = LocalStore::open(path, "wrong horse");
  REQUIRE_FALSE(opened);
  CHECK(opened.error().code == Errc::wrong_passphrase);
  CHECK(file_bytes(path) == before);
  CHECK_FALSE(file_bytes(path + "-wal"));
  CHECK(LocalStore::open(path, kPass));
}

TEST_CASE("changing the passphrase rewraps the key and does not rewrite the database", "[store][keys]") {
  test::ScratchDir dir;
  const auto path = dir.file("v.db");
  auto s = test::make_store(path);
  REQUIRE(s->put_setting("unit.id", "00ff"));
  s->lock();
  const auto db_before = file_bytes(path);
  const auto key_before = file_bytes(key_path(path));
  {
    auto opened = LocalStore::open(path, kPass);
    REQUIRE(opened);
    auto wrong_old = (*opened)->change_passphrase("not it", "new passphrase");
    REQUIRE_FALSE(wrong_old);
    CHECK(wrong_old.error().code == Errc::wrong_passphrase);
    REQUIRE((*opened)->change_passphrase(kPass, "new passphrase"));
  }
  CHECK(file_bytes(path) == db_before);
  CHECK(file_bytes(key_path(path)) != key_before);

  auto old_pass = LocalStore::open(path, kPass);
  REQUIRE_FALSE(old_pass);
  CHECK(old_pass.error().code == Errc::wrong_passphrase);
  auto new_pass = LocalStore::open(path, "new passphrase");
  REQUIRE(new_pass);
  CHECK((*new_pass)->setting("unit.id")->value_or("") == "00ff");
}

TEST_CASE("after the limit of wrong passphrases every file of the store is gone", "[store][keys]") {
  test::ScratchDir dir;
  const auto path = dir.file("v.db");
  {
    auto created = LocalStore::create(path, kPass, test::fast_options(3));
    REQUIRE(created);
    REQUIRE((*created)->put_setting("k", "v"));
  }
  // A right passphrase in between starts the count again.
  CHECK(LocalStore::open(path, "a").error().code == Errc::wrong_passphrase);
  CHECK(LocalStore::open(path, "b").error().code == Errc::wrong_passphrase);
  REQUIRE(LocalStore::open(path, kPass));
  CHECK(LocalStore::open(path, "c").error().code == Errc::wrong_passphrase);
  CHECK(LocalStore::open(path, "d").error().code == Errc::wrong_passphrase);
  REQUIRE(file_bytes(path));
  REQUIRE(file_bytes(key_path(path)));

  auto third = LocalStore::open(path, "e");
  REQUIRE_FALSE(third);
  CHECK(third.error().code == Errc::wrong_passphrase);
  CHECK_THAT(third.error().message, Catch::Contains("wiped"));
  for (const char* suffix : {"", ".key", "-wal", "-shm", "-journal", ".key.tmp"}) {
    INFO(suffix);
    CHECK_FALSE(file_bytes(path + suffix));
  }
  CHECK_FALSE(LocalStore::exists(path));
  CHECK(LocalStore::open(path, kPass).error().code == Errc::not_found);
}

TEST_CASE("the wipe limit can be set on an open store", "[store][keys]") {
  test::ScratchDir dir;
  const auto path = dir.file("v.db");
  auto s = test::make_store(path);
  CHECK(s->set_wipe_after_failed_unlocks(0).error().code == Errc::invalid_argument);
  REQUIRE(s->set_wipe_after_failed_unlocks(1));
  s->lock();
  CHECK(LocalStore::open(path, "nope").error().code == Errc::wrong_passphrase);
  CHECK_FALSE(LocalStore::exists(path));
  CHECK_FALSE(file_bytes(path));
}

TEST_CASE("a damaged key file is corrupt, not a wrong passphrase", "[store][keys]") {
  test::ScratchDir dir;
  const auto path = dir.file("v.db");
  test::make_store(path)->lock();
  auto key = file_bytes(key_path(path));
  REQUIRE(key);
  (*key)[60] ^= 0x01;  // inside the wrapped key
  {
    std::FILE* f = std::fopen(key_path(path).c_str(), "wb");
    REQUIRE(f != nullptr);
    REQUIRE(std::fwrite(key->data(), 1, key->size(), f) == key->size());
    std::fclose(f);
  }
  auto opened = LocalStore::open(path, kPass);
  REQUIRE_FALSE(opened);
  CHECK(opened.error().code == Errc::corrupt);
}

TEST_CASE("create refuses an empty passphrase and a KDF below the floor", "[store][keys]") {
  test::ScratchDir dir;
  CHECK(LocalStore::create(dir.file("a.db"), "", test::fast_options()).error().code == Errc::invalid_argument);
  auto weak = test::fast_options();
  weak.kdf->mem_limit = 1024 * 1024;
  CHECK(LocalStore::create(dir.file("b.db"), kPass, weak).error().code == Errc::weak_parameters);
  CHECK_FALSE(LocalStore::exists(dir.file("b.db")));
}

TEST_CASE("the vault keeps the identity, epoch keys and settings", "[store][vault]") {
  test::ScratchDir dir;
  const auto path = dir.file("v.db");
  auto identity = crypto::DeviceIdentity::generate();
  auto epoch_key = crypto::SecretBuffer::random(32);
  {
    auto s = test::make_store(path);
    auto none = s->load_identity();
    REQUIRE(none);
    CHECK_FALSE(none->has_value());
    REQUIRE(s->save_identity(identity));
    REQUIRE(s->put_epoch_key(3, epoch_key));
    REQUIRE(s->put_setting("a", "1"));
    REQUIRE(s->put_setting("a", "2"));
  }
  auto s = LocalStore::open(path, kPass);
  REQUIRE(s);
  auto loaded = (*s)->load_identity();
  REQUIRE(loaded);
  REQUIRE(loaded->has_value());
  CHECK((*loaded)->public_bundle() == identity.public_bundle());
  auto key = (*s)->epoch_key(3);
  REQUIRE(key);
  REQUIRE(key->has_value());
  CHECK((*key)->equals(epoch_key));
  CHECK_FALSE((*s)->epoch_key(4)->has_value());
  CHECK((*s)->setting("a")->value_or("") == "2");
  CHECK_FALSE((*s)->setting("b")->has_value());
}
