#pragma once
//! Verifies and decrypts pull pages' change sets on worker threads while
//! the store applies the ones already opened, in server order. Ed25519
//! verify is most of a change set's cost outside the store (initial sync of
//! 100k change sets spent ~5 s in it), and it needs no shared state: the
//! engine resolves every key on its own thread before it queues a page.
//! Pages queue behind each other, so the workers go on with the next page
//! while the store commits the current one.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "varn/crypto/secret_buffer.hpp"
#include "varn/crypto/sign.hpp"
#include "varn/sync/sync_store.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::sync {

//! One change set of a page with what the engine decided about it and, to
//! be applied, the keys it opens under.
struct SealedItem {
  std::uint64_t seq = 0;
  const Bytes* bytes = nullptr;  //!< the page's envelope, outlives the opener's use of it
  wire::Envelope envelope;
  crypto::Hash32 hash{};         //!< envelope_hash(*bytes)
  crypto::SignPublicKey author_key{};
  const crypto::SecretBuffer* epoch_key = nullptr;  //!< held by the KeyProvider, outlives the opener's use of it
  Disposition disposition = Disposition::apply;     //!< only `apply` and `refuse` items are verified
  std::string reason;
  bool from_pending = false;
  std::optional<registry::Role> role;  //!< the author's at the registry point it names
};

//! add_page() and next() are called from one thread, the store's.
class PageOpener {
 public:
  //! Up to `workers` threads besides the caller's, started with the first
  //! page worth them (0: the caller opens each change set in turn).
  explicit PageOpener(unsigned workers);
  ~PageOpener();  //!< stops the workers and joins them
  PageOpener(const PageOpener&) = delete;
  PageOpener& operator=(const PageOpener&) = delete;

  //! Queues a page behind the pages queued before (an empty one: nothing).
  void add_page(std::vector<SealedItem> items);

  //! The next change set of the oldest unfinished page, once opened (the
  //! caller opens waiting items of that page itself rather than idle);
  //! nullopt at the end of the page, and the next call goes on with the
  //! page after it. A change set whose signature fails comes out
  //! quarantined (the server or the network forged it); one that verifies
  //! but does not decrypt comes out refused (its author sealed it so). Only
  //! running out of memory ends the opener.
  [[nodiscard]] Result<std::optional<ReceivedChangeSet>> next();

  //! Worker threads worth starting on this machine.
  [[nodiscard]] static unsigned default_workers();
  //! Threads started so far.
  [[nodiscard]] std::size_t running_workers() const { return threads_.size(); }

 private:
  struct Opened {
    Disposition disposition = Disposition::apply;
    std::string reason;
    Bytes plaintext;
  };
  struct Slot {
    SealedItem item;
    std::optional<Result<Opened>> opened;
  };
  void work();
  //! Opens the first unclaimed item if it comes before `limit`; false if none.
  bool open_one(std::unique_lock<std::mutex>& lock, std::size_t limit);

  unsigned max_workers_;
  // Item numbers count every item queued since the start; slots_ holds the
  // ones from base_ on (those handed out are dropped).
  std::deque<Slot> slots_;  // guarded by mutex_; elements stay put while others come and go
  std::size_t base_ = 0;    // guarded by mutex_
  std::size_t claimed_ = 0; // guarded by mutex_: first item nobody opens yet
  bool stop_ = false;       // guarded by mutex_
  std::deque<std::size_t> page_ends_;  // the caller's: where each queued page ends
  std::size_t cursor_ = 0;             // the caller's: next item to hand out
  std::optional<Error> failed_;        // the caller's: the failure that ended the opener
  std::mutex mutex_;
  std::condition_variable work_;   // items queued or stop
  std::condition_variable ready_;  // an item opened
  std::vector<std::thread> threads_;
};

}  // namespace varn::sync
