#pragma once
//! One device's side of sync, without sockets: seals the outbox into signed
//! envelopes on the device's hash chain, pushes what the server has not
//! acknowledged, and pulls, verifies, decrypts and applies what others wrote.
//! Every author's chain is checked on the way in (numbers without gaps,
//! each envelope linking to the one before, one envelope per position), and
//! the running log hash is computed over everything pulled, for the
//! server's checkpoints to be checked against. Deterministic given its
//! inputs, so it is tested in memory.

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

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
  std::size_t sealed = 0;       //!< change sets made from the outbox
  std::size_t pushed = 0;       //!< change sets the server acknowledged
  std::size_t pulled = 0;       //!< change sets received (own echoes included)
  std::size_t healed = 0;       //!< change sets pushed back after the server lost them
  std::size_t held = 0;         //!< received after a gap in their author's chain, kept aside
  std::size_t quarantined = 0;  //!< received outside any chain (unknown author, forged, fork)
  std::size_t refused = 0;      //!< in their author's chain, content refused
  std::size_t withdrawn = 0;    //!< own change sets the server refused for good (a role this device lost)
  std::uint64_t cursor = 0;     //!< server sequence applied up to
  std::uint64_t head = 0;       //!< server's highest sequence seen
  Bytes checkpoint;             //!< the last pull page's signed checkpoint
  //! What people must be told: a server that hid, forged or forked something.
  std::vector<std::string> alarms;
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
  //! Change sets sealed under an epoch that is no longer current are sealed
  //! again (same id and number) before they go; a chain the server lost
  //! is healed from what this device holds first.
  [[nodiscard]] Result<std::size_t> push_pending(ApiClient& api, SyncReport& report);
  //! Fetches and applies pages until the cursor reaches the server's head,
  //! each batch of pages (SyncLimits::changes_per_transaction) in one store
  //! transaction. The next batch is fetched and opened while the store
  //! applies and commits the current one. A change set that fails a check
  //! is kept aside (held, quarantined or refused) and the rest goes on; a
  //! failed fetch ends it after the batches before it are applied.
  [[nodiscard]] Result<std::size_t> pull_pages(const PageFetcher& fetch, SyncReport& report);
  //! pull_pages from the server.
  [[nodiscard]] Result<std::size_t> pull_all(ApiClient& api, SyncReport& report, int wait_seconds = 0);
  //! Takes up change sets held or quarantined before that now fit (a gap
  //! filled, an author the registry now holds), in one transaction.
  [[nodiscard]] Result<std::size_t> retry_pending(SyncReport& report);
  //! Pushes change sets back (own and others', as held) after the server
  //! lost them; own ones are acknowledged with their new numbers. One the
  //! server refuses is left out and the rest go on.
  [[nodiscard]] Result<std::size_t> heal(ApiClient& api, const std::vector<Bytes>& envelopes, SyncReport& report);
  //! retry_pending, pull_all, seal_pending, push_pending and pull_all again:
  //! the engine on its own. DeviceSync adds the registry, the checkpoints
  //! and healing around it.
  [[nodiscard]] Result<SyncReport> sync(ApiClient& api);

 private:
  //! The authors' chain heads as resolving moves them; `unverified`: the
  //! authors whose head is a change set whose signature is not checked yet.
  struct ChainHeads {
    std::map<crypto::DeviceId, ChainHead> heads;
    std::set<crypto::DeviceId> unverified;
  };
  struct Resolved;
  //! Decides one change set's disposition against the chain heads (which
  //! it advances). `may_refresh`: answer nullopt when a key or registry
  //! entry is missing (the caller refreshes, or waits to); otherwise set
  //! such a change set aside.
  [[nodiscard]] std::optional<SealedItem> resolve(const wire::SequencedEnvelope& item, ChainHeads& chains,
                                                  bool may_refresh, std::vector<std::string>& alarms);
  //! Every change set of a page in order, the log position after it, and
  //! the heads after it; nullopt when `may_refresh` and one needs a refresh.
  [[nodiscard]] Result<std::optional<Resolved>> resolve_page(const PullPage& page, const LogPosition& from,
                                                             const ChainHeads& heads, bool may_refresh);
  [[nodiscard]] Result<ChainHeads> load_heads();
  //! Seals own unacknowledged change sets again from `from_seq` on, under
  //! the current epoch and registry point, keeping ids and numbers.
  [[nodiscard]] Result<void> reseal_from(std::uint64_t from_seq);
  SyncStore& store_;
  const crypto::DeviceIdentity& me_;
  wire::UnitId unit_;
  KeyProvider& keys_;
  SyncLimits limits_;
};

}  // namespace varn::sync
