#include "varn/sync/sync_store.hpp"

#include "varn/registry/checkpoint.hpp"

namespace varn::sync {

Result<std::uint64_t> SyncStore::pull_cursor() {
  auto position = log_position();
  if (!position) return position.error();
  return position->cursor;
}

Result<ApplySummary> SyncStore::apply_received_batch(const std::vector<ReceivedChangeSet>& page) {
  auto position = log_position();
  if (!position) return position.error();
  LogPosition end = *position;
  for (const auto& r : page) {
    if (r.from_pending) continue;
    const auto hash = r.hash == crypto::Hash32{} ? wire::envelope_hash(r.envelope) : r.hash;
    end.log_hash = registry::next_log_hash(end.log_hash, r.server_seq, hash);
    end.cursor = r.server_seq;
  }
  std::size_t i = 0;
  return apply_received_stream(
      [&]() -> Result<std::optional<ReceivedChangeSet>> {
        if (i == page.size()) return std::optional<ReceivedChangeSet>{};
        return std::optional<ReceivedChangeSet>(page[i++]);
      },
      end);
}

}  // namespace varn::sync
