#pragma once
//! The device's encrypted local store on SQLCipher 3.4.1 (Qt-free).
//!
//! A random 32-byte store key, wrapped by the Argon2id passphrase KEK, is
//! kept in a small key file beside the database (`<path>.key`: KDF params,
//! wrapped key, failed-unlock counter and limit) and handed to SQLCipher as a
//! raw key. PRAGMAs (cipher_page_size 4096, kdf_iter, journal mode, secure
//! delete, foreign keys) are set explicitly before first use. Changing the
//! passphrase rewraps the key file only. It implements both interfaces the
//! sync core needs: SyncStore (outbox, change sets, cursor, merge on apply)
//! and DeviceVault (identity, epoch keys, settings).
//!
//! Choices (details beside the code):
//! - Key file layout: key_file.hpp. It is written last on create, so it is
//!   the commit point: a database without a key file is an interrupted
//!   create (unreadable anyway) and is cleared by the next create().
//! - The raw key is handed over as the text "x'<64 hex>'" (the same text
//!   `PRAGMA key` takes) through sqlite3_key_v2, from a wiped buffer, so no
//!   copy lingers in the SQL parser; the cipher PRAGMAs are read back.
//! - journal_mode = WAL with synchronous = FULL and locking_mode = EXCLUSIVE:
//!   one fsync per commit (a note write is one commit), WAL frames are
//!   encrypted like pages, and the exclusive lock means no -shm file exists
//!   (nothing unencrypted beside the database) and a second process gets
//!   Errc::locked instead of interleaving writes with its own clock.
//!   During a catch-up (received pages of kCatchUpPageItems change sets
//!   and more) the store writes with a rollback journal instead, see
//!   apply_received.cpp; every open starts in WAL again.
//! - Unlock attempts are counted in the key file before the KDF runs, under a
//!   flock, and wait longer the more wrong ones came before (unlock.hpp);
//!   the database is not even opened. At the limit (10 unless chosen
//!   otherwise) the key file is destroyed first, then the rest.
//! - Files: made exclusively, never through a symlink, 0600, in a folder
//!   only the user may write (file_ops.hpp); the database file is made by
//!   create() before SQLCipher opens it, and SQLite gives its journal and
//!   WAL the same mode. open() refuses an empty or truncated database file:
//!   only create() makes a store.
//! - Received change sets whose ops the header does not allow (author or
//!   class mismatch, undecodable plaintext) are refused whole, recorded as a
//!   conflict row with the reason, and the cursor still moves: one bad change
//!   set must not stop a device from syncing, and the envelope is kept.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "varn/crypto/hash.hpp"
#include "varn/crypto/passphrase_kek.hpp"
#include "varn/model/hlc.hpp"
#include "varn/sync/device_vault.hpp"
#include "varn/sync/sync_store.hpp"

namespace varn::store {

//! Wrong passphrases in a row after which a store is wiped, unless chosen otherwise.
inline constexpr int kDefaultWipeAfterFailedUnlocks = 10;
//! Attempts after this many wrong passphrases in a row wait (unlock_delay).
inline constexpr std::uint32_t kUnlocksWithoutDelay = 3;
inline constexpr std::chrono::milliseconds kMaxUnlockDelay{60'000};

struct CreateOptions {
  //! Argon2id cost; nullopt = calibrate_kdf() on this device. Tests pass the floor.
  std::optional<crypto::KdfParams> kdf;
  //! Wipe the store after this many wrong passphrases in a row (nullopt: never).
  std::optional<int> wipe_after_failed_unlocks = kDefaultWipeAfterFailedUnlocks;
};

//! How an unlock attempt waits before its KDF runs.
struct UnlockOptions {
  //! Called with the attempt's delay (often zero); empty: sleep. Tests
  //! record the delays instead of sleeping.
  std::function<void(std::chrono::milliseconds)> sleep;
};

//! The wait before an attempt that follows `failed_before` wrong
//! passphrases in a row: none for the first kUnlocksWithoutDelay, then 1 s,
//! doubling up to kMaxUnlockDelay. With the default limit of 10, the last
//! attempts before a wipe cost 1+2+4+8+16+32+60 s.
[[nodiscard]] std::chrono::milliseconds unlock_delay(std::uint32_t failed_before);

class Database;  // the SQLCipher connection (database.hpp)

class LocalStore final : public sync::SyncStore, public sync::DeviceVault {
 public:
  //! Creates a new store; Errc::conflict when one already exists at `path`.
  [[nodiscard]] static Result<std::unique_ptr<LocalStore>> create(const std::string& path, std::string_view passphrase,
                                                                  const CreateOptions& options = {});
  //! Errc::wrong_passphrase (database untouched, failure counted);
  //! Errc::not_found when there is no store; Errc::corrupt for a damaged key
  //! file or an empty or truncated database file; Errc::forbidden for a
  //! folder others may write. When the limit of failed unlocks is reached
  //! the store is wiped and the error says so.
  [[nodiscard]] static Result<std::unique_ptr<LocalStore>> open(const std::string& path, std::string_view passphrase,
                                                                const UnlockOptions& unlock = {});
  //! Overwrites and removes the database, its key file and any journal/WAL.
  [[nodiscard]] static Result<void> wipe(const std::string& path);
  [[nodiscard]] static bool exists(const std::string& path);

  ~LocalStore() override;
  LocalStore(const LocalStore&) = delete;
  LocalStore& operator=(const LocalStore&) = delete;

  //! Closes the database and wipes the key from memory; every call after it is Errc::locked.
  void lock();
  [[nodiscard]] bool locked() const;
  //! Rewraps the store key under a new passphrase; the data is not rewritten.
  [[nodiscard]] Result<void> change_passphrase(std::string_view old_passphrase, std::string_view new_passphrase);
  [[nodiscard]] Result<void> set_wipe_after_failed_unlocks(std::optional<int> limit);
  [[nodiscard]] int schema_version();
  [[nodiscard]] const std::string& path() const { return path_; }
  //! The connection, for Records and the queries (same transaction rules).
  //! Only while !locked().
  [[nodiscard]] Database& database();
  //! The highest HLC this store has written or seen: build the device's
  //! model::HybridClock from it so timestamps never go back across runs.
  [[nodiscard]] Result<model::Hlc> last_hlc();
  //! The wall clock received change sets are judged against (a change set
  //! stamped far ahead of it waits, model/authority.hpp). Tests give one.
  void set_wall_clock(model::WallClock clock) { wall_ = std::move(clock); }
  //! BLAKE2b over the canonical merge state (field winners except those of
  //! signed notes, signed snapshots, merge conflicts): the same bytes as
  //! model::ReferenceReplica::state_hash, for convergence checks.
  [[nodiscard]] Result<crypto::Hash32> state_digest();

  // sync::SyncStore
  Result<sync::OutgoingBatch> next_outgoing(std::size_t max_ops) override;
  Result<void> record_sealed(const sync::OutgoingBatch& batch, const sync::SealedChangeSet& sealed) override;
  Result<void> replace_sealed(const sync::SealedChangeSet& sealed) override;
  Result<sync::ChainHead> chain_head() override;
  Result<std::vector<sync::SealedChangeSet>> unacknowledged() override;
  Result<void> mark_acknowledged(const wire::ChangeSetId& id, std::uint64_t server_seq) override;
  Result<void> withdraw_unsent(std::uint64_t author_seq, const std::string& reason) override;
  Result<std::vector<sync::SealedChangeSet>> unechoed() override;
  Result<sync::LogPosition> log_position() override;
  Result<std::vector<sync::LogPosition>> log_marks() override;
  Result<std::map<crypto::DeviceId, sync::ChainHead>> author_heads() override;
  Result<std::vector<sync::PendingChangeSet>> pending_received() override;
  Result<sync::ApplySummary> apply_received_stream(const sync::ReceivedSource& next,
                                                   const sync::LogPosition& end) override;
  Result<std::vector<Bytes>> held_envelopes_after(std::uint64_t after) override;
  Result<void> rewind(const sync::LogPosition& to) override;
  Result<sync::TendOutcome> tend_restricted(const registry::RegistryState& state) override;

  // sync::DeviceVault
  Result<std::optional<crypto::DeviceIdentity>> load_identity() override;
  Result<void> save_identity(const crypto::DeviceIdentity& identity) override;
  Result<void> put_epoch_key(std::uint32_t epoch, const crypto::SecretBuffer& key) override;
  Result<std::optional<crypto::SecretBuffer>> epoch_key(std::uint32_t epoch) override;
  Result<std::optional<std::string>> setting(std::string_view key) override;
  Result<void> put_setting(std::string_view key, std::string_view value) override;

 private:
  LocalStore(std::string path, std::unique_ptr<Database> db);
  //! Rollback journal during a catch-up, WAL otherwise (apply_received.cpp).
  void use_catch_up_journal(bool on);
  std::string path_;
  std::unique_ptr<Database> db_;
  bool catching_up_ = false;  // the last page applied was a full one
  //! The registry the running sync verified (tend_restricted): whom a
  //! restricted case's writing is sealed to when this device lacks its key.
  std::optional<registry::RegistryState> verified_registry_;
  model::WallClock wall_ = model::system_wall_clock();
};

}  // namespace varn::store
