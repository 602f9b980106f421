#pragma once
// A SyncStore kept in memory, faithful to the interface's rules (chain
// heads, change sets kept aside, log position and marks, echoes) but with
// opaque plaintexts: "applying" a change set appends its plaintext to
// `applied`. The property tests compare devices by held_digest().

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "varn/sync/key_provider.hpp"
#include "varn/sync/sync_store.hpp"

namespace varn::test {

class MemorySyncStore : public sync::SyncStore {
 public:
  void write(const std::string& op) { state_.outbox.push_back({next_op_++, op}); }

  Result<sync::OutgoingBatch> next_outgoing(std::size_t max_ops) override;
  Result<void> record_sealed(const sync::OutgoingBatch& batch, const sync::SealedChangeSet& sealed) override;
  Result<void> replace_sealed(const sync::SealedChangeSet& sealed) override;
  Result<sync::ChainHead> chain_head() override;
  Result<std::vector<sync::SealedChangeSet>> unacknowledged() override;
  Result<void> mark_acknowledged(const wire::ChangeSetId& id, std::uint64_t server_seq) override;
  Result<void> withdraw_unsent(std::uint64_t author_seq, const std::string& reason) override;
  Result<std::vector<sync::SealedChangeSet>> unechoed() override;
  Result<sync::LogPosition> log_position() override { return state_.position; }
  Result<std::vector<sync::LogPosition>> log_marks() override;
  Result<std::map<crypto::DeviceId, sync::ChainHead>> author_heads() override { return state_.heads; }
  Result<std::vector<sync::PendingChangeSet>> pending_received() override;
  Result<sync::ApplySummary> apply_received_stream(const sync::ReceivedSource& next,
                                                   const sync::LogPosition& end) override;
  Result<std::vector<Bytes>> held_envelopes_after(std::uint64_t after) override;
  Result<void> rewind(const sync::LogPosition& to) override;
  //! Holds no records, so no restricted case either.
  Result<sync::TendOutcome> tend_restricted(const registry::RegistryState&) override { return sync::TendOutcome{}; }

  //! The chain members this device holds, own and received: (author, number, envelope hash).
  [[nodiscard]] std::set<std::tuple<crypto::DeviceId, std::uint64_t, crypto::Hash32>> held() const;

  std::size_t transactions = 0;                //!< apply_received_stream calls, one per page or batch
  std::vector<std::string> withdrawn;          //!< reasons of own change sets withdrawn for good
  const std::vector<std::string>& applied = state_.applied;  //!< plaintexts of others' change sets, in apply order
  const std::vector<sync::SealedChangeSet>& sealed = state_.sealed;  //!< own change sets, in author order

 private:
  struct Received {
    wire::ChangeSetId id{};
    std::uint64_t server_seq = 0;
    Bytes envelope;
    crypto::Hash32 hash{};
  };
  struct State {
    std::vector<std::pair<std::int64_t, std::string>> outbox;
    std::vector<sync::SealedChangeSet> sealed;
    std::set<wire::ChangeSetId> echoed;
    std::vector<std::string> applied;
    sync::LogPosition position;
    std::vector<sync::LogPosition> marks;
    std::map<crypto::DeviceId, sync::ChainHead> heads;
    std::map<std::uint64_t, sync::PendingChangeSet> pending;
    std::map<std::pair<crypto::DeviceId, std::uint64_t>, Received> received;
  };
  State state_;
  std::int64_t next_op_ = 1;
};

//! Keys for tests: one epoch key and the devices added by hand.
class MemoryKeys : public sync::KeyProvider {
 public:
  MemoryKeys(std::uint32_t epoch, const crypto::SecretBuffer& key) : epoch_(epoch), key_(key) {}
  void add(const crypto::DevicePublicBundle& b) { authors_[b.device_id()] = b.sign_key; }
  void on_refresh(const crypto::DevicePublicBundle& b) { pending_ = b; }

  std::uint32_t current_epoch() override { return epoch_; }
  const crypto::SecretBuffer* epoch_key(std::uint32_t epoch) override { return epoch == epoch_ ? &key_ : nullptr; }
  std::optional<crypto::SignPublicKey> author_key(const crypto::DeviceId& device) override;
  std::optional<registry::Role> author_role_at(const crypto::DeviceId& device, std::uint64_t) override {
    if (author_key(device)) return roles_.contains(device) ? roles_[device] : registry::Role::worker;
    return std::nullopt;
  }
  std::uint64_t registry_length() override { return 1; }
  void set_role(const crypto::DeviceId& device, registry::Role role) { roles_[device] = role; }
  Result<void> refresh() override;
  int refreshes = 0;
  std::function<void()> before_refresh;  //!< lets a test look at the moment of a refresh

 private:
  std::uint32_t epoch_;
  const crypto::SecretBuffer& key_;
  std::map<crypto::DeviceId, crypto::SignPublicKey> authors_;
  std::optional<crypto::DevicePublicBundle> pending_;
  std::map<crypto::DeviceId, registry::Role> roles_;
};

}  // namespace varn::test
