// LocalStore as the device vault: identity, epoch keys and settings, all
// inside the encrypted database.

#include "varn/store/database.hpp"
#include "varn/store/local_store.hpp"

namespace varn::store {
namespace {

Error locked_error() { return make_error(Errc::locked, "the store is locked"); }

// Copies a secret column into a wiped buffer.
crypto::SecretBuffer secret_column(const Statement& row, int column) {
  return crypto::SecretBuffer::copy_of(row.blob_view(column));
}

}  // namespace

Result<std::optional<crypto::DeviceIdentity>> LocalStore::load_identity() {
  if (locked()) return locked_error();
  auto q = db_->prepare("SELECT sign_secret, box_secret FROM identity WHERE only = 1");
  if (!q) return q.error();
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return std::optional<crypto::DeviceIdentity>{};
  auto sign = secret_column(*q, 0);
  auto box = secret_column(*q, 1);
  auto identity = crypto::DeviceIdentity::restore(sign.view(), box.view());
  if (!identity) return make_error(Errc::corrupt, "the stored device identity: " + identity.error().message);
  return std::optional<crypto::DeviceIdentity>(std::move(identity).value());
}

Result<void> LocalStore::save_identity(const crypto::DeviceIdentity& identity) {
  if (locked()) return locked_error();
  auto q = db_->prepare("INSERT OR REPLACE INTO identity(only, sign_secret, box_secret) VALUES(1, ?, ?)");
  if (!q) return q.error();
  q->bind(1, identity.signing().secret_key().view()).bind(2, identity.box().secret_key().view());
  return q->run();
}

Result<void> LocalStore::put_epoch_key(std::uint32_t epoch, const crypto::SecretBuffer& key) {
  if (locked()) return locked_error();
  auto q = db_->prepare("INSERT OR REPLACE INTO vault_epoch_key(epoch, key) VALUES(?, ?)");
  if (!q) return q.error();
  q->bind(1, std::int64_t{epoch}).bind(2, key.view());
  return q->run();
}

Result<std::optional<crypto::SecretBuffer>> LocalStore::epoch_key(std::uint32_t epoch) {
  if (locked()) return locked_error();
  auto q = db_->prepare("SELECT key FROM vault_epoch_key WHERE epoch = ?");
  if (!q) return q.error();
  q->bind(1, std::int64_t{epoch});
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return std::optional<crypto::SecretBuffer>{};
  return std::optional<crypto::SecretBuffer>(secret_column(*q, 0));
}

Result<std::optional<std::string>> LocalStore::setting(std::string_view key) {
  if (locked()) return locked_error();
  auto q = db_->prepare("SELECT value FROM vault_setting WHERE key = ?");
  if (!q) return q.error();
  q->bind(1, key);
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::string>{};
  return std::optional<std::string>(q->text(0));
}

Result<void> LocalStore::put_setting(std::string_view key, std::string_view value) {
  if (locked()) return locked_error();
  auto q = db_->prepare("INSERT OR REPLACE INTO vault_setting(key, value) VALUES(?, ?)");
  if (!q) return q.error();
  q->bind(1, key).bind(2, value);
  return q->run();
}

}  // namespace varn::store
