#include "locked_store.hpp"

namespace varn::ui {

#define VARN_LOCKED(call)               \
  std::lock_guard guard(mutex_);        \
  return store_.call

Result<sync::OutgoingBatch> LockedStore::next_outgoing(std::size_t max_ops) { VARN_LOCKED(next_outgoing(max_ops)); }
Result<void> LockedStore::record_sealed(const sync::OutgoingBatch& batch, const sync::SealedChangeSet& sealed) {
  VARN_LOCKED(record_sealed(batch, sealed));
}
Result<sync::ChainHead> LockedStore::chain_head() { VARN_LOCKED(chain_head()); }
Result<std::vector<sync::SealedChangeSet>> LockedStore::unacknowledged() { VARN_LOCKED(unacknowledged()); }
Result<void> LockedStore::mark_acknowledged(const wire::ChangeSetId& id, std::uint64_t server_seq) {
  VARN_LOCKED(mark_acknowledged(id, server_seq));
}
Result<void> LockedStore::replace_sealed(const sync::SealedChangeSet& sealed) { VARN_LOCKED(replace_sealed(sealed)); }
Result<std::vector<sync::SealedChangeSet>> LockedStore::unechoed() { VARN_LOCKED(unechoed()); }
Result<void> LockedStore::withdraw_unsent(std::uint64_t author_seq, const std::string& reason) {
  VARN_LOCKED(withdraw_unsent(author_seq, reason));
}
Result<sync::LogPosition> LockedStore::log_position() { VARN_LOCKED(log_position()); }
Result<std::vector<sync::LogPosition>> LockedStore::log_marks() { VARN_LOCKED(log_marks()); }
Result<std::map<crypto::DeviceId, sync::ChainHead>> LockedStore::author_heads() { VARN_LOCKED(author_heads()); }
Result<std::vector<sync::PendingChangeSet>> LockedStore::pending_received() { VARN_LOCKED(pending_received()); }
Result<sync::ApplySummary> LockedStore::apply_received_stream(const sync::ReceivedSource& next,
                                                              const sync::LogPosition& end) {
  VARN_LOCKED(apply_received_stream(next, end));
}
Result<std::vector<Bytes>> LockedStore::held_envelopes_after(std::uint64_t after) { VARN_LOCKED(held_envelopes_after(after)); }
Result<void> LockedStore::rewind(const sync::LogPosition& to) { VARN_LOCKED(rewind(to)); }
Result<sync::TendOutcome> LockedStore::tend_restricted(const registry::RegistryState& state) {
  VARN_LOCKED(tend_restricted(state));
}

Result<std::optional<crypto::DeviceIdentity>> LockedStore::load_identity() { VARN_LOCKED(load_identity()); }
Result<void> LockedStore::save_identity(const crypto::DeviceIdentity& identity) { VARN_LOCKED(save_identity(identity)); }
Result<void> LockedStore::put_epoch_key(std::uint32_t epoch, const crypto::SecretBuffer& key) {
  VARN_LOCKED(put_epoch_key(epoch, key));
}
Result<std::optional<crypto::SecretBuffer>> LockedStore::epoch_key(std::uint32_t epoch) { VARN_LOCKED(epoch_key(epoch)); }
Result<std::optional<std::string>> LockedStore::setting(std::string_view key) { VARN_LOCKED(setting(key)); }
Result<void> LockedStore::put_setting(std::string_view key, std::string_view value) { VARN_LOCKED(put_setting(key, value)); }

#undef VARN_LOCKED

}  // namespace varn::ui
