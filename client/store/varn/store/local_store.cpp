// LocalStore: create, unlock, lock, passphrase change and wipe.
#include "varn/store/local_store.hpp"

#include <algorithm>
#include <cstring>

#include "varn/store/database.hpp"
#include "varn/store/file_ops.hpp"
#include "varn/store/key_file.hpp"
#include "varn/store/schema.hpp"
#include "varn/store/unlock.hpp"

namespace varn::store {
namespace {

constexpr std::size_t kStoreKeyBytes = 32;
constexpr std::uint64_t kPageBytes = 4096;  // cipher_page_size, set on every store

// SQLCipher leaves an empty key silently unencrypted: refuse a plaintext header.
// Read before SQLite opens the file: closing another descriptor of a file
// SQLite holds would drop its POSIX locks.
Result<void> check_encrypted_header(const std::string& path) {
  static constexpr char kPlainHeader[] = "SQLite format 3";
  auto bytes = read_file_prefix(path, sizeof kPlainHeader);
  if (!bytes) return bytes.error();
  if (bytes->size() == sizeof kPlainHeader && std::memcmp(bytes->data(), kPlainHeader, sizeof kPlainHeader) == 0) {
    return make_error(Errc::corrupt, "the database file is not encrypted");
  }
  return {};
}

// SQLite takes an empty file for a new database, and a cut one may open
// until the missing pages are read: only create() makes a store.
Result<void> check_database_file(const std::string& path) {
  auto size = file_size(path);
  if (!size) {
    if (size.error().code == Errc::not_found) return make_error(Errc::corrupt, "the key file has no database beside it");
    return make_error(Errc::corrupt, "the store's database is not a regular file");
  }
  if (*size == 0) return make_error(Errc::corrupt, "the store's database file is empty (damaged or cut off)");
  if (*size % kPageBytes != 0) return make_error(Errc::corrupt, "the store's database file is truncated");
  return check_encrypted_header(path);
}

Result<std::unique_ptr<Database>> open_database(const std::string& path, const crypto::SecretBuffer& key) {
  auto db = Database::open(path, key, false);
  if (!db) return db.error();
  if (auto m = migrate(**db); !m) return m.error();
  return db;
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
  if (auto folder = check_private_folder(path); !folder) return folder.error();
  auto lock = FileLock::acquire(key_lock_path(path));
  if (!lock) return lock.error();
  if (exists(path)) return make_error(Errc::conflict, "a store already exists at this path");
  // Without a key file these are leftovers of an interrupted create: unreadable, cleared.
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    if (auto r = overwrite_and_unlink(path + suffix); !r) return r.error();
  }
  for (const auto& temp : leftover_temporaries(key_file_path(path))) {
    if (auto r = overwrite_and_unlink(temp); !r) return r.error();
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

  // Made here, 0600 and not through a link, before SQLite opens it.
  if (auto made = create_private_file(path); !made) return made.error();
  {
    auto first = Database::open(path, store_key, true);
    if (!first) return first.error();
    if (auto m = migrate(**first); !m) return m.error();
  }
  if (auto h = check_database_file(path); !h) return h.error();
  auto db = open_database(path, store_key);
  if (!db) return db.error();
  if (auto w = write_key_file(path, key_file); !w) return w.error();  // the commit point
  return std::unique_ptr<LocalStore>(new LocalStore(path, std::move(db).value()));
}

Result<std::unique_ptr<LocalStore>> LocalStore::open(const std::string& path, std::string_view passphrase,
                                                     const UnlockOptions& unlock) {
  if (auto folder = check_private_folder(path); !folder) return folder.error();
  if (!exists(path)) return make_error(Errc::not_found, "no store at this path");
  // A damaged store costs no attempt.
  if (auto damaged = check_database_file(path); !damaged) return damaged.error();
  auto store_key = unlock_store_key(path, passphrase, unlock);
  if (!store_key) return store_key.error();
  auto db = open_database(path, *store_key);
  if (!db) return db.error();
  return std::unique_ptr<LocalStore>(new LocalStore(path, std::move(db).value()));
}

Result<void> LocalStore::wipe(const std::string& path) {
  auto lock = FileLock::acquire(key_lock_path(path));
  if (!lock) return lock.error();
  return wipe_store_files(path);
}

void LocalStore::lock() { db_.reset(); }

bool LocalStore::locked() const { return db_ == nullptr; }

Database& LocalStore::database() { return *db_; }

Result<void> LocalStore::change_passphrase(std::string_view old_passphrase, std::string_view new_passphrase) {
  if (locked()) return locked_error();
  if (new_passphrase.empty()) return make_error(Errc::invalid_argument, "new passphrase: must not be empty");
  auto store_key = unlock_store_key(path_, old_passphrase, {});
  if (!store_key) {
    if (!exists(path_)) lock();  // the failure hit the limit and wiped the store
    return store_key.error();
  }
  auto file_lock = FileLock::acquire(key_lock_path(path_));
  if (!file_lock) return file_lock.error();
  auto key_file = read_key_file(path_);
  if (!key_file) return key_file.error();
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
  auto file_lock = FileLock::acquire(key_lock_path(path_));
  if (!file_lock) return file_lock.error();
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
