#pragma once
//! One device's side of sync, without sockets: seals the outbox into signed
//! envelopes on the device's hash chain, pushes what the server has not
//! acknowledged, and pulls, verifies, decrypts and applies what others wrote.
//! Deterministic given its inputs, so it is tested in memory.

#include <cstdint>
#include <functional>
#include <string>

#include "varn/crypto/device_identity.hpp"
#include "varn/sync/api_client.hpp"
#include "varn/sync/key_provider.hpp"
#include "varn/sync/page_opener.hpp"
#include "varn/sync/sync_store.hpp"

namespace varn::sync {

struct SyncLimits {
  std::size_t ops_per_change_set = 200;
  std::size_t envelopes_per_push = 256;
  std::size_t bytes_per_push = 8u * 1024 * 1024;
  std::size_t pull_page = 1000;
  //! Change sets applied in one store transaction while catching up: pages
  //! are joined up to it. Each commit costs a fixed ~20 ms here (journal,
  //! fsyncs, index pages rewritten); a transaction of 2000 locks the store
  //! for ~150 ms here (230 ms at most in the initial sync bench).
  std::size_t changes_per_transaction = 2000;
};

struct SyncReport {
  std::size_t sealed = 0;   //!< change sets made from the outbox
  std::size_t pushed = 0;   //!< change sets the server acknowledged
  std::size_t pulled = 0;   //!< change sets received (own echoes included)
  std::uint64_t cursor = 0; //!< server sequence applied up to
  std::uint64_t head = 0;   //!< server's highest sequence seen
};

//! The page of change sets after a server sequence number, as the server
//! serves it; `first` is the first request of a round (which may long-poll).
using PageFetcher = std::function<Result<PullPage>(std::uint64_t after, bool first)>;

class SyncEngine {
 public:
  SyncEngine(SyncStore& store, const crypto::DeviceIdentity& me, const wire::UnitId& unit, KeyProvider& keys,
             SyncLimits limits = {})
      : store_(store), me_(me), unit_(unit), keys_(keys), limits_(limits) {}

  //! Outbox -> sealed change sets, each chained to the previous one.
  [[nodiscard]] Result<std::size_t> seal_pending();
  //! Pushes every unacknowledged change set, in author order, in batches.
  [[nodiscard]] Result<std::size_t> push_pending(ApiClient& api);
  //! Verifies, decrypts and applies one page from the server in one store
  //! transaction; verification runs on worker threads ahead of the store.
  //! Stops (applying nothing of the page) on the first change set that
  //! fails a check: a server serving forged data must be noticed.
  [[nodiscard]] Result<std::size_t> apply_page(const PullPage& page);
  //! Fetches and applies pages until the cursor reaches the server's head,
  //! each batch of pages (SyncLimits::changes_per_transaction) as
  //! apply_page. The next batch is fetched and opened while the store
  //! applies and commits the current one. A failed fetch or check ends it
  //! after the batches before it are applied.
  [[nodiscard]] Result<std::size_t> pull_pages(const PageFetcher& fetch, SyncReport& report);
  //! pull_pages from the server.
  [[nodiscard]] Result<std::size_t> pull_all(ApiClient& api, SyncReport& report, int wait_seconds = 0);
  //! Pushes change sets again (own and others', as held) after a server
  //! restore; own ones are acknowledged with their new numbers.
  [[nodiscard]] Result<std::size_t> repush(ApiClient& api, const std::vector<Bytes>& envelopes);
  //! seal_pending, push_pending, pull_all.
  [[nodiscard]] Result<SyncReport> sync(ApiClient& api);

 private:
  [[nodiscard]] bool role_allows(const crypto::DeviceId& author, wire::ChangeSetClass change_class);
  //! Decodes the envelope and finds the keys it opens under, on this thread.
  [[nodiscard]] Result<SealedItem> resolve_keys(const wire::SequencedEnvelope& item);
  //! `refreshed`: the registry was refreshed already, or must not be
  //! (a refresh may drop keys that queued items point to).
  [[nodiscard]] Result<std::vector<SealedItem>> resolve_page(const PullPage& page, std::uint64_t cursor, bool refreshed);
  //! Applies the oldest page queued in `opener` in one store transaction.
  [[nodiscard]] Result<void> apply_queued(PageOpener& opener);
  SyncStore& store_;
  const crypto::DeviceIdentity& me_;
  wire::UnitId unit_;
  KeyProvider& keys_;
  SyncLimits limits_;
};

}  // namespace varn::sync
