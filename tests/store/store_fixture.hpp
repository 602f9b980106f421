#pragma once
// Shared helpers for the store tests: a scratch folder per test, the KDF at
// its floor (the tests measure behaviour, not Argon2id), file snapshots.

#include <memory>
#include <optional>
#include <string>

#include "varn/model/change_set_codec.hpp"
#include "varn/crypto/random.hpp"
#include "varn/store/local_store.hpp"
#include "varn/store/records.hpp"
#include "varn/sync/sync_store.hpp"

namespace varn::test {

//! A fresh folder under $TMPDIR, removed with everything in it.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  [[nodiscard]] std::string file(const std::string& name) const { return path_ + "/" + name; }
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
};

//! Argon2id at libsodium's INTERACTIVE floor: 2 passes, 64 MiB.
[[nodiscard]] store::CreateOptions fast_options(std::optional<int> wipe_after = std::nullopt);
//! The file's bytes, or nullopt when it does not exist.
[[nodiscard]] std::optional<Bytes> file_bytes(const std::string& path);
//! Creates a store and aborts the test if that fails.
[[nodiscard]] std::unique_ptr<store::LocalStore> make_store(const std::string& path, const std::string& passphrase = "correct horse");
//! Whether `needle` occurs anywhere in `haystack`.
[[nodiscard]] bool contains(const Bytes& haystack, std::string_view needle);

//! A change set "from the server": plaintext = encode_ops(ops), a made-up envelope.
[[nodiscard]] sync::ReceivedChangeSet received(const crypto::DeviceId& author, const std::vector<model::Op>& ops,
                                               std::uint64_t server_seq,
                                               wire::ChangeSetClass change_class = wire::ChangeSetClass::field_work);

//! A wall clock the test moves by hand (milliseconds).
struct ManualWall {
  std::uint64_t ms = 1'700'000'000'000;
  [[nodiscard]] model::WallClock clock() {
    return [this] { return ms; };
  }
};

//! One device's Records over a fresh store, on a wall clock the test moves.
struct RecordsDesk {
  ScratchDir dir;
  std::unique_ptr<store::LocalStore> store = make_store(dir.file("v.db"));
  ManualWall wall;
  model::HybridClock clock{wall.clock()};
  crypto::DeviceId me = crypto::random_array<16>();
  store::Records records{*store, clock, me};
};

}  // namespace varn::test
