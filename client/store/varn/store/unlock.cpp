#include "varn/store/unlock.hpp"

#include <algorithm>
#include <cstdint>
#include <thread>

#include "varn/store/file_ops.hpp"

namespace varn::store {
namespace {

constexpr std::size_t kStoreKeyBytes = 32;

std::vector<std::string> files_of(const std::string& path) {
  // The key file first: once it is gone nothing else can be decrypted.
  std::vector<std::string> files{key_file_path(path)};
  for (auto& t : leftover_temporaries(key_file_path(path))) files.push_back(std::move(t));
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) files.push_back(path + suffix);
  files.push_back(key_file_path(path) + ".tmp");  // the fixed temporary older versions used
  files.push_back(key_lock_path(path));
  return files;
}

void real_sleep(std::chrono::milliseconds delay) {
  if (delay.count() > 0) std::this_thread::sleep_for(delay);
}

//! Counts the attempt; returns the key file as counted.
Result<KeyFile> count_attempt(const std::string& path, const UnlockOptions& options) {
  auto lock = FileLock::acquire(key_lock_path(path));
  if (!lock) return lock.error();
  auto key_file = read_key_file(path);
  if (!key_file) {
    if (key_file.error().code == Errc::not_found) return make_error(Errc::not_found, "no store at this path");
    return key_file.error();
  }
  const auto delay = unlock_delay(key_file->failed_unlocks);
  if (key_file->failed_unlocks < UINT32_MAX) ++key_file->failed_unlocks;
  if (auto w = write_key_file(path, *key_file); !w) {
    return make_error(Errc::io_error, "the unlock attempt could not be counted, so it was not made: " + w.error().message);
  }
  // Holding the lock: attempts from other processes wait their turn too.
  (options.sleep ? options.sleep : real_sleep)(delay);
  return key_file;
}

Error wrong_passphrase(const std::string& path, const KeyFile& counted) {
  if (counted.wipe_after == 0 || counted.failed_unlocks < counted.wipe_after) {
    return make_error(Errc::wrong_passphrase, "wrong passphrase");
  }
  auto lock = FileLock::acquire(key_lock_path(path));
  auto wiped = lock ? wipe_store_files(path) : Result<void>(lock.error());
  if (!wiped) {
    return make_error(Errc::wrong_passphrase,
                      "wrong passphrase; the limit was reached but the wipe failed: " + wiped.error().message);
  }
  return make_error(Errc::wrong_passphrase, "wrong passphrase; after " + std::to_string(counted.wipe_after) +
                                                " failed unlocks in a row the store was wiped");
}

Result<void> reset_count(const std::string& path) {
  auto lock = FileLock::acquire(key_lock_path(path));
  if (!lock) return lock.error();
  auto key_file = read_key_file(path);
  if (!key_file) return key_file.error();
  if (key_file->failed_unlocks == 0) return {};
  key_file->failed_unlocks = 0;
  return write_key_file(path, *key_file);
}

}  // namespace

std::chrono::milliseconds unlock_delay(std::uint32_t failed_before) {
  if (failed_before < kUnlocksWithoutDelay) return std::chrono::milliseconds(0);
  const std::uint32_t doublings = std::min<std::uint32_t>(failed_before - kUnlocksWithoutDelay, 16);
  return std::min<std::chrono::milliseconds>(std::chrono::milliseconds(1000LL << doublings), kMaxUnlockDelay);
}

Result<crypto::SecretBuffer> unlock_store_key(const std::string& path, std::string_view passphrase,
                                              const UnlockOptions& options) {
  auto counted = count_attempt(path, options);
  if (!counted) return counted.error();
  auto kek = crypto::derive_kek(passphrase, counted->params);
  if (!kek) return kek.error();
  auto key = crypto::unwrap_key(*kek, counted->wrapped, counted->associated_data());
  if (!key) {
    if (key.error().code == Errc::wrong_passphrase) return wrong_passphrase(path, *counted);
    return key.error();
  }
  if (key->size() != kStoreKeyBytes) return make_error(Errc::corrupt, "the wrapped store key has the wrong size");
  if (auto r = reset_count(path); !r) return r.error();
  return key;
}

Result<void> wipe_store_files(const std::string& path) {
  Result<void> first;
  for (const auto& f : files_of(path)) {
    if (auto r = overwrite_and_unlink(f); !r && first.ok()) first = r;
  }
  if (auto s = sync_parent_folder(path); !s && first.ok()) first = s;
  return first;
}

}  // namespace varn::store
