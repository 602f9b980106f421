#include "memory_sync_store.hpp"

namespace varn::test {

Result<sync::OutgoingBatch> MemorySyncStore::next_outgoing(std::size_t max_ops) {
  sync::OutgoingBatch batch;
  std::string joined;
  for (const auto& [id, op] : outbox_) {
    if (batch.op_ids.size() == max_ops) break;
    batch.op_ids.push_back(id);
    joined += op + "\n";
  }
  batch.plaintext.assign(joined.begin(), joined.end());
  return batch;
}

Result<void> MemorySyncStore::record_sealed(const sync::OutgoingBatch& batch, const sync::SealedChangeSet& s) {
  outbox_.erase(outbox_.begin(), outbox_.begin() + static_cast<std::ptrdiff_t>(batch.op_ids.size()));
  sealed.push_back(s);
  return {};
}

Result<sync::ChainHead> MemorySyncStore::chain_head() {
  if (sealed.empty()) return sync::ChainHead{};
  return sync::ChainHead{sealed.back().author_seq, sealed.back().hash};
}

Result<std::vector<sync::SealedChangeSet>> MemorySyncStore::unacknowledged() {
  std::vector<sync::SealedChangeSet> out;
  for (const auto& s : sealed) {
    if (s.server_seq == 0) out.push_back(s);
  }
  return out;
}

Result<void> MemorySyncStore::mark_acknowledged(const wire::ChangeSetId& id, std::uint64_t server_seq) {
  for (auto& s : sealed) {
    if (s.id == id) s.server_seq = server_seq;
  }
  return {};
}

Result<void> MemorySyncStore::apply_received(const sync::ReceivedChangeSet& received) {
  cursor_ = received.server_seq;
  if (seen_.count(received.id) != 0) return {};
  seen_[received.id] = true;
  for (const auto& s : sealed) {
    if (s.id == received.id) return mark_acknowledged(received.id, received.server_seq);
  }
  applied.emplace_back(received.plaintext.begin(), received.plaintext.end());
  return {};
}

std::optional<crypto::SignPublicKey> MemoryKeys::author_key(const crypto::DeviceId& device) {
  auto it = authors_.find(device);
  if (it == authors_.end()) return std::nullopt;
  return it->second;
}

Result<void> MemoryKeys::refresh() {
  if (before_refresh) before_refresh();
  ++refreshes;
  if (pending_) add(*pending_);
  pending_.reset();
  return {};
}

}  // namespace varn::test
