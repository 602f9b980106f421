#pragma once
// A SyncStore kept in memory: the outbox is a list of opaque plaintexts and
// "applying" a change set appends its plaintext to `applied`.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "varn/sync/key_provider.hpp"
#include "varn/sync/sync_store.hpp"

namespace varn::test {

class MemorySyncStore : public sync::SyncStore {
 public:
  void write(const std::string& op) { outbox_.push_back({next_op_++, op}); }

  Result<sync::OutgoingBatch> next_outgoing(std::size_t max_ops) override;
  Result<void> record_sealed(const sync::OutgoingBatch& batch, const sync::SealedChangeSet& sealed) override;
  Result<sync::ChainHead> chain_head() override;
  Result<std::vector<sync::SealedChangeSet>> unacknowledged() override;
  Result<void> mark_acknowledged(const wire::ChangeSetId& id, std::uint64_t server_seq) override;
  Result<std::uint64_t> pull_cursor() override { return cursor_; }
  Result<void> apply_received(const sync::ReceivedChangeSet& received) override;
  Result<void> apply_received_stream(const sync::ReceivedSource& next) override {
    ++transactions;
    return SyncStore::apply_received_stream(next);
  }

  std::size_t transactions = 0;              //!< apply_received_stream calls, one per page or batch
  std::vector<std::string> applied;          //!< plaintexts of others' change sets, in apply order
  std::vector<sync::SealedChangeSet> sealed;  //!< own change sets, in author order

 private:
  std::vector<std::pair<std::int64_t, std::string>> outbox_;
  std::int64_t next_op_ = 1;
  std::uint64_t cursor_ = 0;
  std::map<wire::ChangeSetId, bool> seen_;
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
  std::optional<registry::Role> author_role(const crypto::DeviceId& device) override {
    if (author_key(device)) return roles_.contains(device) ? roles_[device] : registry::Role::worker;
    return std::nullopt;
  }
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
