#pragma once
//! The local store seen through a mutex: what the sync core (DeviceClient,
//! SyncEngine) gets on the sync thread. Each call holds the lock only for
//! itself, so the GUI thread's reads and writes interleave between them.

#include <mutex>

#include "varn/store/local_store.hpp"
#include "varn/sync/device_vault.hpp"
#include "varn/sync/sync_store.hpp"

namespace varn::ui {

class LockedStore final : public sync::SyncStore, public sync::DeviceVault {
 public:
  LockedStore(std::mutex& mutex, store::LocalStore& store) : mutex_(mutex), store_(store) {}

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
  std::mutex& mutex_;
  store::LocalStore& store_;
};

}  // namespace varn::ui
