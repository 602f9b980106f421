#pragma once
//! Verifies and decrypts a pull page's change sets on worker threads while
//! the store applies the ones already opened, in server order. Ed25519
//! verify is most of a change set's cost outside the store (initial sync of
//! 100k change sets spent ~5 s in it), and it needs no shared state: the
//! engine resolves every key on its own thread before the workers start.

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "varn/crypto/secret_buffer.hpp"
#include "varn/crypto/sign.hpp"
#include "varn/sync/sync_store.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::sync {

//! One change set of the page with the keys it opens under.
struct SealedItem {
  std::uint64_t seq = 0;
  const Bytes* bytes = nullptr;  //!< the page's envelope, outlives the opener
  wire::Envelope envelope;
  crypto::SignPublicKey author_key{};
  const crypto::SecretBuffer* epoch_key = nullptr;  //!< held by the KeyProvider, outlives the opener
};

class PageOpener {
 public:
  //! `workers` threads besides the caller's (0: the caller opens each in turn).
  PageOpener(std::vector<SealedItem> items, unsigned workers);
  ~PageOpener();  //!< stops the workers and joins them
  PageOpener(const PageOpener&) = delete;
  PageOpener& operator=(const PageOpener&) = delete;

  //! The next change set in server order, once opened (the caller opens
  //! waiting items itself rather than idle); nullopt after the last. The
  //! first failure ends the page: its error names the change set's number.
  [[nodiscard]] Result<std::optional<ReceivedChangeSet>> next();

  //! Worker threads worth starting for a page of `items` on this machine.
  [[nodiscard]] static unsigned workers_for(std::size_t items);

 private:
  void work();
  //! Claims the first item nobody opens yet and opens it; false when none is left.
  bool open_one();

  std::vector<SealedItem> items_;
  std::vector<std::optional<Result<Bytes>>> opened_;  // guarded by mutex_
  std::size_t claimed_ = 0;                            // guarded by mutex_
  std::size_t cursor_ = 0;                             // the caller's position
  bool stop_ = false;                                  // guarded by mutex_
  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<std::thread> threads_;
};

}  // namespace varn::sync
