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
Result<std::uint64_t> LockedStore::pull_cursor() { VARN_LOCKED(pull_cursor()); }
Result<void> LockedStore::apply_received(const sync::ReceivedChangeSet& received) { VARN_LOCKED(apply_received(received)); }
Result<void> LockedStore::apply_received_stream(const sync::ReceivedSource& next) {
  VARN_LOCKED(apply_received_stream(next));
}
Result<std::vector<Bytes>> LockedStore::held_envelopes_after(std::uint64_t after) { VARN_LOCKED(held_envelopes_after(after)); }
Result<void> LockedStore::rewind_cursor(std::uint64_t to) { VARN_LOCKED(rewind_cursor(to)); }

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
