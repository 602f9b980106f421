#pragma once
// Shared helpers for the store tests: a scratch folder per test, the KDF at
// its floor (the tests measure behaviour, not Argon2id), file snapshots.

#include <memory>
#include <optional>
#include <string>

#include "varn/store/local_store.hpp"

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

}  // namespace varn::test
