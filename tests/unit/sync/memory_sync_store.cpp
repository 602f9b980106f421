#include "memory_sync_store.hpp"

#include <algorithm>

namespace varn::test {

Result<sync::OutgoingBatch> MemorySyncStore::next_outgoing(std::size_t max_ops) {
  sync::OutgoingBatch batch;
  std::string joined;
  for (const auto& [id, op] : state_.outbox) {
    if (batch.op_ids.size() == max_ops) break;
    batch.op_ids.push_back(id);
    joined += op + "\n";
  }
  batch.plaintext.assign(joined.begin(), joined.end());
  return batch;
}

Result<void> MemorySyncStore::record_sealed(const sync::OutgoingBatch& batch, const sync::SealedChangeSet& s) {
  state_.outbox.erase(state_.outbox.begin(), state_.outbox.begin() + static_cast<std::ptrdiff_t>(batch.op_ids.size()));
  state_.sealed.push_back(s);
  return {};
}

Result<void> MemorySyncStore::replace_sealed(const sync::SealedChangeSet& s) {
  for (auto& mine : state_.sealed) {
    if (mine.id == s.id && mine.author_seq == s.author_seq && mine.server_seq == 0) {
      mine.envelope = s.envelope;
      mine.hash = s.hash;
      return {};
    }
  }
  return make_error(Errc::conflict, "only an unacknowledged change set can be sealed again");
}

Result<sync::ChainHead> MemorySyncStore::chain_head() {
  if (state_.sealed.empty()) return sync::ChainHead{};
  return sync::ChainHead{state_.sealed.back().author_seq, state_.sealed.back().hash, 0};
}

Result<std::vector<sync::SealedChangeSet>> MemorySyncStore::unacknowledged() {
  std::vector<sync::SealedChangeSet> out;
  for (const auto& s : state_.sealed) {
    if (s.server_seq == 0) out.push_back(s);
  }
  return out;
}

Result<void> MemorySyncStore::mark_acknowledged(const wire::ChangeSetId& id, std::uint64_t server_seq) {
  for (auto& s : state_.sealed) {
    if (s.id != id) continue;
    if (s.server_seq != server_seq) state_.echoed.erase(id);
    s.server_seq = server_seq;
    return {};
  }
  return make_error(Errc::not_found, "no sealed change set with this id");
}

Result<void> MemorySyncStore::withdraw_unsent(std::uint64_t author_seq, const std::string& reason) {
  auto& sealed_sets = state_.sealed;
  auto at = std::find_if(sealed_sets.begin(), sealed_sets.end(),
                         [&](const sync::SealedChangeSet& s) { return s.author_seq == author_seq && s.server_seq == 0; });
  if (at == sealed_sets.end()) return make_error(Errc::not_found, "no unacknowledged change set with that number");
  withdrawn.push_back(reason);
  // Later ones go back to the outbox as their plaintext lines (this store's sealing is opaque).
  sealed_sets.erase(at, sealed_sets.end());
  return {};
}

Result<std::vector<sync::SealedChangeSet>> MemorySyncStore::unechoed() {
  std::vector<sync::SealedChangeSet> out;
  for (const auto& s : state_.sealed) {
    if (s.server_seq > 0 && state_.echoed.count(s.id) == 0) out.push_back(s);
  }
  return out;
}

Result<std::vector<sync::LogPosition>> MemorySyncStore::log_marks() {
  std::vector<sync::LogPosition> out{sync::LogPosition{}};
  out.insert(out.end(), state_.marks.begin(), state_.marks.end());
  return out;
}

Result<std::vector<sync::PendingChangeSet>> MemorySyncStore::pending_received() {
  std::vector<sync::PendingChangeSet> out;
  for (const auto& [seq, p] : state_.pending) out.push_back(p);
  return out;
}

Result<sync::ApplySummary> MemorySyncStore::apply_received_stream(const sync::ReceivedSource& next,
                                                                  const sync::LogPosition& end) {
  ++transactions;
  State s = state_;  // one transaction: applied whole or not at all
  sync::ApplySummary summary;
  for (;;) {
    auto r = next();
    if (!r) return r.error();
    if (!*r) break;
    const auto& c = **r;
    if (c.from_pending) s.pending.erase(c.server_seq);
    if (c.disposition == sync::Disposition::hold || c.disposition == sync::Disposition::quarantine) {
      s.pending[c.server_seq] = sync::PendingChangeSet{c.server_seq, c.envelope, c.disposition, c.reason};
      continue;
    }
    bool own = false;
    for (auto& mine : s.sealed) {
      if (mine.author_seq == c.author_seq && mine.id == c.id) {
        mine.server_seq = c.server_seq;
        s.echoed.insert(c.id);
        own = true;
      }
    }
    if (own) continue;
    const auto key = std::pair(c.author, c.author_seq);
    if (auto held = s.received.find(key); held != s.received.end()) {
      if (held->second.id == c.id) {
        held->second.server_seq = c.server_seq;
      } else {
        ++summary.forks;
      }
      continue;
    }
    auto& head = s.heads[c.author];
    if (c.author_seq > head.seq) head = sync::ChainHead{c.author_seq, c.hash, c.registry_seen};
    s.received[key] = Received{c.id, c.server_seq, c.envelope, c.hash};
    if (c.disposition == sync::Disposition::apply) s.applied.emplace_back(c.plaintext.begin(), c.plaintext.end());
  }
  if (end.cursor != s.position.cursor) s.marks.push_back(end);
  s.position = end;
  state_ = std::move(s);
  return summary;
}

Result<std::vector<Bytes>> MemorySyncStore::held_envelopes_after(std::uint64_t after) {
  std::vector<std::pair<std::uint64_t, Bytes>> found;
  for (const auto& s : state_.sealed) {
    if (s.server_seq > after) found.emplace_back(s.server_seq, s.envelope);
  }
  for (const auto& [key, r] : state_.received) {
    if (r.server_seq > after) found.emplace_back(r.server_seq, r.envelope);
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Bytes> out;
  for (auto& [seq, bytes] : found) out.push_back(std::move(bytes));
  return out;
}

Result<void> MemorySyncStore::rewind(const sync::LogPosition& to) {
  if (to.cursor > state_.position.cursor) return make_error(Errc::invalid_argument, "the log position can only move back");
  state_.position = to;
  std::erase_if(state_.marks, [&](const sync::LogPosition& m) { return m.cursor > to.cursor; });
  for (const auto& s : state_.sealed) {
    if (s.server_seq > to.cursor) state_.echoed.erase(s.id);
  }
  return {};
}

std::set<std::tuple<crypto::DeviceId, std::uint64_t, crypto::Hash32>> MemorySyncStore::held() const {
  std::set<std::tuple<crypto::DeviceId, std::uint64_t, crypto::Hash32>> out;
  for (const auto& [key, r] : state_.received) out.emplace(key.first, key.second, r.hash);
  for (const auto& s : state_.sealed) {
    auto env = wire::decode_envelope(s.envelope);
    if (env) out.emplace(env->header.author, s.author_seq, s.hash);
  }
  return out;
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
