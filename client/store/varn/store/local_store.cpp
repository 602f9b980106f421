// LocalStore: create, unlock, lock, passphrase change and wipe.
#include "varn/store/local_store.hpp"

#include <algorithm>
#include <cstring>

#include "varn/store/database.hpp"
#include "varn/store/file_ops.hpp"
#include "varn/store/key_file.hpp"
#include "varn/store/schema.hpp"

namespace varn::store {
namespace {

constexpr std::size_t kStoreKeyBytes = 32;

std::vector<std::string> files_of(const std::string& path) {
  // The key file first: once it is gone nothing else can be decrypted.
  return {key_file_path(path), key_file_path(path) + ".tmp", path, path + "-wal", path + "-shm", path + "-journal"};
}

// SQLCipher leaves an empty key silently unencrypted: refuse a plaintext header.
Result<void> check_encrypted_header(const std::string& path) {
  auto bytes = read_whole_file(path);
  if (!bytes) return bytes.error();
  static constexpr char kPlainHeader[] = "SQLite format 3";
  if (bytes->size() >= sizeof kPlainHeader && std::memcmp(bytes->data(), kPlainHeader, sizeof kPlainHeader) == 0) {
    return make_error(Errc::corrupt, "the database file is not encrypted");
  }
  return {};
}

Result<std::unique_ptr<Database>> open_database(const std::string& path, const crypto::SecretBuffer& key, bool create) {
  auto db = Database::open(path, key, create);
  if (!db) return db.error();
  if (auto m = migrate(**db); !m) return m.error();
  if (auto h = check_encrypted_header(path); !h) return h.error();
  return db;
}

// Counts a wrong passphrase; wipes at the limit.
Error count_failed_unlock(const std::string& path, KeyFile key_file) {
  ++key_file.failed_unlocks;
  if (key_file.wipe_after != 0 && key_file.failed_unlocks >= key_file.wipe_after) {
    auto wiped = LocalStore::wipe(path);
    if (!wiped) return make_error(Errc::wrong_passphrase, "wrong passphrase; the limit was reached but the wipe failed: " +
                                                              wiped.error().message);
    return make_error(Errc::wrong_passphrase, "wrong passphrase; after " + std::to_string(key_file.wipe_after) +
                                                  " failed unlocks in a row the store was wiped");
  }
  if (auto w = write_key_file(path, key_file); !w) {
    return make_error(Errc::wrong_passphrase, "wrong passphrase (and the failure could not be counted)");
  }
  return make_error(Errc::wrong_passphrase, "wrong passphrase");
}

// Unwraps the store key, counting a wrong passphrase.
Result<crypto::SecretBuffer> unwrap_store_key(const std::string& path, const KeyFile& key_file,
                                              std::string_view passphrase) {
  auto kek = crypto::derive_kek(passphrase, key_file.params);
  if (!kek) return kek.error();
  auto key = crypto::unwrap_key(*kek, key_file.wrapped, key_file.associated_data());
  if (!key) {
    if (key.error().code == Errc::wrong_passphrase) return count_failed_unlock(path, key_file);
    return key.error();
  }
  if (key->size() != kStoreKeyBytes) return make_error(Errc::corrupt, "the wrapped store key has the wrong size");
  return key;
}

Error locked_error() { return make_error(Errc::locked, "the store is locked"); }

}  // namespace

LocalStore::LocalStore(std::string path, std::unique_ptr<Database> db) : path_(std::move(path)), db_(std::move(db)) {}

LocalStore::~LocalStore() = default;

bool LocalStore::exists(const std::string& path) { return file_exists(key_file_path(path)); }

Result<std::unique_ptr<LocalStore>> LocalStore::create(const std::string& path, std::string_view passphrase,
                                                       const CreateOptions& options) {
  if (passphrase.empty()) return make_error(Errc::invalid_argument, "passphrase: must not be empty");
  if (options.wipe_after_failed_unlocks && *options.wipe_after_failed_unlocks < 1) {
    return make_error(Errc::invalid_argument, "wipe_after_failed_unlocks: must be at least 1");
  }
  if (exists(path)) return make_error(Errc::conflict, "a store already exists at this path");
  // Without a key file these are leftovers of an interrupted create: unreadable, cleared.
  for (const auto& f : files_of(path)) {
    if (auto r = overwrite_and_unlink(f); !r) return r.error();
  }
  KeyFile key_file;
  if (options.kdf) {
    key_file.params = *options.kdf;
  } else {
    auto calibrated = crypto::calibrate_kdf();
    if (!calibrated) return calibrated.error();
    key_file.params = *calibrated;
  }
  key_file.wipe_after = static_cast<std::uint32_t>(options.wipe_after_failed_unlocks.value_or(0));
  auto kek = crypto::derive_kek(passphrase, key_file.params);
  if (!kek) return kek.error();
  auto store_key = crypto::SecretBuffer::random(kStoreKeyBytes);
  auto wrapped = crypto::wrap_key(*kek, store_key, key_file.associated_data());
  if (!wrapped) return wrapped.error();
  key_file.wrapped = std::move(wrapped).value();

  auto db = open_database(path, store_key, true);
  if (!db) return db.error();
  if (auto w = write_key_file(path, key_file); !w) return w.error();  // the commit point
  return std::unique_ptr<LocalStore>(new LocalStore(path, std::move(db).value()));
}

Result<std::unique_ptr<LocalStore>> LocalStore::open(const std::string& path, std::string_view passphrase) {
  auto key_file = read_key_file(path);
  if (!key_file) {
    if (key_file.error().code == Errc::not_found) return make_error(Errc::not_found, "no store at this path");
    return key_file.error();
  }
  if (!file_exists(path)) return make_error(Errc::corrupt, "the key file has no database beside it");
  auto store_key = unwrap_store_key(path, *key_file, passphrase);
  if (!store_key) return store_key.error();
  if (key_file->failed_unlocks != 0) {
    key_file->failed_unlocks = 0;
    if (auto w = write_key_file(path, *key_file); !w) return w.error();
  }
  auto db = open_database(path, *store_key, false);
  if (!db) return db.error();
  return std::unique_ptr<LocalStore>(new LocalStore(path, std::move(db).value()));
}

Result<void> LocalStore::wipe(const std::string& path) {
  Result<void> first;
  for (const auto& f : files_of(path)) {
    if (auto r = overwrite_and_unlink(f); !r && first.ok()) first = r;
  }
  if (auto s = sync_parent_folder(path); !s && first.ok()) first = s;
  return first;
}

void LocalStore::lock() { db_.reset(); }

bool LocalStore::locked() const { return db_ == nullptr; }

Database& LocalStore::database() { return *db_; }

Result<void> LocalStore::change_passphrase(std::string_view old_passphrase, std::string_view new_passphrase) {
  if (locked()) return locked_error();
  if (new_passphrase.empty()) return make_error(Errc::invalid_argument, "new passphrase: must not be empty");
  auto key_file = read_key_file(path_);
  if (!key_file) return key_file.error();
  auto store_key = unwrap_store_key(path_, *key_file, old_passphrase);
  if (!store_key) {
    if (!exists(path_)) lock();  // the failure hit the limit and wiped the store
    return store_key.error();
  }
  KeyFile next = *key_file;
  next.params = crypto::KdfParams::with_new_salt(key_file->params.ops_limit, key_file->params.mem_limit);
  next.failed_unlocks = 0;
  auto kek = crypto::derive_kek(new_passphrase, next.params);
  if (!kek) return kek.error();
  auto wrapped = crypto::wrap_key(*kek, *store_key, next.associated_data());
  if (!wrapped) return wrapped.error();
  next.wrapped = std::move(wrapped).value();
  return write_key_file(path_, next);
}

Result<void> LocalStore::set_wipe_after_failed_unlocks(std::optional<int> limit) {
  if (locked()) return locked_error();
  if (limit && *limit < 1) return make_error(Errc::invalid_argument, "limit: must be at least 1");
  auto key_file = read_key_file(path_);
  if (!key_file) return key_file.error();
  key_file->wipe_after = static_cast<std::uint32_t>(limit.value_or(0));
  return write_key_file(path_, *key_file);
}

int LocalStore::schema_version() {
  if (locked()) return 0;
  auto v = stored_schema_version(*db_);
  return v ? *v : 0;
}

}  // namespace varn::store
