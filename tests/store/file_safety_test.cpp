// The files the store makes: exclusive, never through a symlink, 0600, in
// a folder others cannot write.
#include "varn/store/file_ops.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "store_fixture.hpp"
#include "varn/store/key_file.hpp"

using namespace varn;
using store::LocalStore;

namespace {

const std::string kPass = "correct horse";

unsigned mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string text_of(const std::string& path) {
  auto bytes = test::file_bytes(path);
  return bytes ? std::string(bytes->begin(), bytes->end()) : std::string();
}

}  // namespace

TEST_CASE("a store folder that others may write is refused with a clear error", "[store][files]") {
  test::ScratchDir dir;
  const auto path = dir.file("v.db");
  REQUIRE(::chmod(dir.path().c_str(), 0777) == 0);
  auto created = LocalStore::create(path, kPass, test::fast_options());
  REQUIRE_FALSE(created);
  CHECK(created.error().code == Errc::forbidden);
  CHECK_THAT(created.error().message, Catch::Contains("written by other users"));
  CHECK_FALSE(LocalStore::exists(path));

  REQUIRE(::chmod(dir.path().c_str(), 0700) == 0);
  test::make_store(path, kPass)->lock();
  REQUIRE(::chmod(dir.path().c_str(), 0770) == 0);
  auto opened = LocalStore::open(path, kPass);
  REQUIRE_FALSE(opened);
  CHECK(opened.error().code == Errc::forbidden);
  REQUIRE(::chmod(dir.path().c_str(), 0700) == 0);
  REQUIRE(LocalStore::open(path, kPass));
}

TEST_CASE("every file of a store is 0600", "[store][files]") {
  test::ScratchDir dir;
  const auto path = dir.file("v.db");
  ::umask(0);  // the store must not rely on the caller's umask
  auto s = test::make_store(path, kPass);
  REQUIRE(s->put_setting("k", "v"));
  ::umask(022);
  CHECK(mode_of(path) == 0600);
  CHECK(mode_of(store::key_file_path(path)) == 0600);
  CHECK(mode_of(store::key_lock_path(path)) == 0600);
  if (std::filesystem::exists(path + "-wal")) CHECK(mode_of(path + "-wal") == 0600);
  REQUIRE(s->change_passphrase(kPass, "another one"));
  CHECK(mode_of(store::key_file_path(path)) == 0600);
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    INFO(entry.path());
    CHECK(mode_of(entry.path().string()) == 0600);
  }
}

TEST_CASE("links planted where the store writes are never written through", "[store][files]") {
  test::ScratchDir dir;
  test::ScratchDir elsewhere;
  const auto path = dir.file("v.db");
  const auto victim = elsewhere.file("victim");
  write_text(victim, "keep me");
  // The key file's temporary (a fixed name once), the database, its WAL.
  for (const auto& link : {store::key_file_path(path) + ".tmp", path, path + "-wal"}) {
    REQUIRE(::symlink(victim.c_str(), link.c_str()) == 0);
  }
  auto s = test::make_store(path, kPass);
  REQUIRE(s->put_setting("k", "v"));
  s->lock();
  CHECK(text_of(victim) == "keep me");
  struct stat st {};
  REQUIRE(::lstat(store::key_file_path(path).c_str(), &st) == 0);
  CHECK(S_ISREG(st.st_mode));
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  CHECK(S_ISREG(st.st_mode));

  REQUIRE(::symlink(victim.c_str(), (path + "-journal").c_str()) == 0);
  REQUIRE(LocalStore::wipe(path));
  CHECK(text_of(victim) == "keep me");
  CHECK_FALSE(std::filesystem::exists(std::filesystem::symlink_status(path + "-journal")));
}

TEST_CASE("the atomic write refuses nothing it did not make and leaves no temporary", "[store][files]") {
  test::ScratchDir dir;
  const auto path = dir.file("f");
  REQUIRE(store::write_file_atomically(path, as_bytes("one")));
  REQUIRE(store::write_file_atomically(path, as_bytes("two")));
  CHECK(text_of(path) == "two");
  CHECK(store::leftover_temporaries(path).empty());
  CHECK(mode_of(path) == 0600);
  CHECK(store::create_private_file(path).error().code == Errc::io_error);  // exists: never reopened
}
