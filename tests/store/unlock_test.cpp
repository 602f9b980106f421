// Guessing the passphrase on a stolen tablet: the limit is on by default,
// attempts wait longer the more wrong ones came before (through a sleeper
// seam, so nothing here sleeps), and concurrent processes cannot race the
// counter. Damaged database files are refused, never recreated.
#include "varn/store/unlock.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <vector>

#include "store_fixture.hpp"
#include "varn/store/key_file.hpp"

using namespace varn;
using store::LocalStore;
using test::file_bytes;
using std::chrono::milliseconds;

namespace {

const std::string kPass = "correct horse";

//! Records the delays an unlock would have slept.
struct RecordedSleep {
  std::vector<milliseconds> delays;
  store::UnlockOptions options() {
    return {[this](milliseconds d) { delays.push_back(d); }};
  }
};

const store::UnlockOptions kNoSleep{[](milliseconds) {}};

// Each child waits on the barrier pipe, so all of them try at once; the
// parent collects their exit codes (0: refused as a wrong passphrase, 2: no
// store, as for a guess that comes after the wipe).
std::vector<int> guess_at_once(const std::string& path, int processes) {
  int barrier[2];
  REQUIRE(::pipe(barrier) == 0);
  std::vector<pid_t> children;
  for (int i = 0; i < processes; ++i) {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::close(barrier[1]);
      char byte = 0;
      if (::read(barrier[0], &byte, 1) != 0) ::_exit(9);  // EOF: the parent let everyone go
      auto opened = LocalStore::open(path, "guess " + std::to_string(i), kNoSleep);
      if (!opened && opened.error().code == Errc::wrong_passphrase) ::_exit(0);
      ::_exit(!opened && opened.error().code == Errc::not_found ? 2 : 1);
    }
    children.push_back(child);
  }
  ::close(barrier[0]);
  ::close(barrier[1]);
  std::vector<int> codes;
  for (const pid_t child : children) {
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    codes.push_back(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  }
  return codes;
}

void truncate_to(const std::string& path, std::uintmax_t size) { std::filesystem::resize_file(path, size); }

}  // namespace

TEST_CASE("unlock delays grow with the wrong passphrases before the attempt, up to a minute", "[store][unlock]") {
  CHECK(store::unlock_delay(0) == milliseconds(0));
  CHECK(store::unlock_delay(2) == milliseconds(0));
  CHECK(store::unlock_delay(3) == milliseconds(1000));
  CHECK(store::unlock_delay(4) == milliseconds(2000));
  CHECK(store::unlock_delay(8) == milliseconds(32000));
  CHECK(store::unlock_delay(9) == milliseconds(60000));
  CHECK(store::unlock_delay(4000000000u) == milliseconds(60000));

  test::ScratchDir dir;
  const auto path = dir.file("v.db");
  test::make_store(path, kPass)->lock();
  RecordedSleep sleep;
  for (int i = 0; i < 6; ++i) CHECK(LocalStore::open(path, "wrong", sleep.options()).error().code == Errc::wrong_passphrase);
  REQUIRE(LocalStore::open(path, kPass, sleep.options()));
  CHECK(LocalStore::open(path, "wrong", sleep.options()).error().code == Errc::wrong_passphrase);
  CHECK(sleep.delays == std::vector<milliseconds>{milliseconds(0), milliseconds(0), milliseconds(0),
                                                  milliseconds(1000), milliseconds(2000), milliseconds(4000),
                                                  milliseconds(8000), milliseconds(0)});
}

TEST_CASE("a store made with default options is wiped after 10 wrong passphrases in a row", "[store][unlock]") {
  test::ScratchDir dir;
  const auto path = dir.file("v.db");
  store::CreateOptions options;  // the default limit, as both clients create stores
  options.kdf = test::fast_options().kdf;
  REQUIRE(LocalStore::create(path, kPass, options));
  for (int i = 0; i < 9; ++i) CHECK(LocalStore::open(path, "wrong", kNoSleep).error().code == Errc::wrong_passphrase);
  REQUIRE(LocalStore::exists(path));
  auto tenth = LocalStore::open(path, "wrong", kNoSleep);
  CHECK_THAT(tenth.error().message, Catch::Contains("wiped"));
  CHECK_FALSE(LocalStore::exists(path));
  CHECK_FALSE(file_bytes(path));
}

TEST_CASE("12 processes guessing at once under a limit of 3 wipe the store", "[store][unlock]") {
  test::ScratchDir dir;
  const auto path = dir.file("v.db");
  REQUIRE(LocalStore::create(path, kPass, test::fast_options(3)));
  const auto codes = guess_at_once(path, 12);
  // However the kernel orders them: at least the three the limit allows are
  // refused as wrong, the rest either so or find the store already gone, and
  // none opens it.
  CHECK(std::count(codes.begin(), codes.end(), 0) >= 3);
  CHECK(std::count(codes.begin(), codes.end(), 0) + std::count(codes.begin(), codes.end(), 2) == 12);
  CHECK_FALSE(LocalStore::exists(path));
  CHECK_FALSE(file_bytes(path));
  CHECK(LocalStore::open(path, kPass).error().code == Errc::not_found);
}

TEST_CASE("12 processes guessing at once are each counted: the counter is exact", "[store][unlock]") {
  test::ScratchDir dir;
  const auto path = dir.file("v.db");
  REQUIRE(LocalStore::create(path, kPass, test::fast_options(100)));
  const auto codes = guess_at_once(path, 12);
  CHECK(codes == std::vector<int>(12, 0));
  auto key_file = store::read_key_file(path);
  REQUIRE(key_file);
  CHECK(key_file->failed_unlocks == 12);
  REQUIRE(LocalStore::open(path, kPass, kNoSleep));
  CHECK(store::read_key_file(path)->failed_unlocks == 0);
}

TEST_CASE("an empty or truncated database file is refused, costs no attempt and is not made anew", "[store][unlock]") {
  test::ScratchDir dir;
  const auto path = dir.file("v.db");
  {
    auto s = test::make_store(path, kPass);
    REQUIRE(s->put_setting("k", "v"));
  }
  const auto size = std::filesystem::file_size(path);
  REQUIRE(size >= 4096);
  truncate_to(path, size - 100);
  auto cut = LocalStore::open(path, kPass, kNoSleep);
  REQUIRE_FALSE(cut);
  CHECK(cut.error().code == Errc::corrupt);
  CHECK_THAT(cut.error().message, Catch::Contains("truncated"));

  truncate_to(path, 0);
  auto empty = LocalStore::open(path, kPass, kNoSleep);
  REQUIRE_FALSE(empty);
  CHECK(empty.error().code == Errc::corrupt);
  CHECK_THAT(empty.error().message, Catch::Contains("empty"));
  CHECK(std::filesystem::file_size(path) == 0);  // nothing was written into it
  CHECK(store::read_key_file(path)->failed_unlocks == 0);
  CHECK(LocalStore::create(path, kPass, test::fast_options()).error().code == Errc::conflict);  // still a store
}
