#include "varn/sync/page_opener.hpp"

#include <algorithm>
#include <new>
#include <string>

namespace varn::sync {
namespace {

// Below this a page opens on the caller's thread: starting a thread costs
// more than verifying a few change sets, and most pulls are a few.
constexpr std::size_t kItemsWorthAThread = 32;
constexpr unsigned kMaxWorkers = 4;

// What a change set turns out to be once its signature and ciphertext are
// checked. Items the engine already set aside pass through unopened.
template <class Opened>
Result<Opened> open_item(const SealedItem& item) {
  Opened out;
  out.disposition = item.disposition;
  out.reason = item.reason;
  if (item.disposition == Disposition::hold || item.disposition == Disposition::quarantine) return out;
  try {
    if (!wire::verify_envelope(item.envelope, item.author_key)) {
      out.disposition = Disposition::quarantine;
      out.reason = "its author's signature does not verify: the server or the network changed it";
      return out;
    }
    if (item.disposition == Disposition::refuse) return out;
    auto plaintext = wire::open_verified_envelope(item.envelope, *item.epoch_key);  // verified just above
    if (!plaintext) {
      out.disposition = Disposition::refuse;
      out.reason = "it does not open under its epoch key (" + plaintext.error().message + ")";
      return out;
    }
    out.plaintext = std::move(plaintext).value();
    return out;
  } catch (const std::bad_alloc&) {  // fail the page, not the process
    return make_error(Errc::out_of_memory, "out of memory while opening the change set");
  }
}

}  // namespace

unsigned PageOpener::default_workers() {
  const unsigned cores = std::thread::hardware_concurrency();
  return std::clamp(cores > 1 ? cores - 1 : 0u, 0u, kMaxWorkers);
}

PageOpener::PageOpener(unsigned workers) : max_workers_(workers) {}

PageOpener::~PageOpener() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  work_.notify_all();
  for (auto& t : threads_) t.join();
}

void PageOpener::add_page(std::vector<SealedItem> items) {
  const std::size_t count = items.size();
  if (count == 0) return;
  {
    std::lock_guard lock(mutex_);
    for (auto& item : items) slots_.push_back(Slot{std::move(item), std::nullopt});
    page_ends_.push_back(base_ + slots_.size());
  }
  work_.notify_all();
  if (threads_.empty() && count >= kItemsWorthAThread) {
    for (unsigned i = 0; i < max_workers_; ++i) threads_.emplace_back([this] { work(); });
  }
}

bool PageOpener::open_one(std::unique_lock<std::mutex>& lock, std::size_t limit) {
  if (stop_ || claimed_ >= limit || claimed_ == base_ + slots_.size()) return false;
  Slot& slot = slots_[claimed_++ - base_];
  lock.unlock();
  auto opened = open_item<Opened>(slot.item);
  lock.lock();
  slot.opened = std::move(opened);
  ready_.notify_all();
  return true;
}

void PageOpener::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    work_.wait(lock, [&] { return stop_ || claimed_ < base_ + slots_.size(); });
    if (stop_) return;
    (void)open_one(lock, base_ + slots_.size());
  }
}

Result<std::optional<ReceivedChangeSet>> PageOpener::next() {
  if (failed_) return *failed_;
  if (page_ends_.empty()) return std::optional<ReceivedChangeSet>{};
  if (cursor_ == page_ends_.front()) {
    page_ends_.pop_front();
    return std::optional<ReceivedChangeSet>{};
  }
  const std::size_t page_end = page_ends_.front();
  ++cursor_;
  Slot slot;
  {
    std::unique_lock lock(mutex_);
    // The wanted item is the oldest held; help with this page rather than
    // idle, but leave the next page to the workers.
    while (!slots_.front().opened) {
      if (!open_one(lock, page_end)) ready_.wait(lock, [&] { return slots_.front().opened.has_value(); });
    }
    slot = std::move(slots_.front());
    slots_.pop_front();
    ++base_;
  }
  const auto& item = slot.item;
  if (!*slot.opened) {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;  // what is queued is lost anyway; spare the remaining verifies
    }
    work_.notify_all();
    const auto& error = slot.opened->error();
    failed_ = make_error(error.code, "change set " + std::to_string(item.seq) + ": " + error.message);
    return *failed_;
  }
  ReceivedChangeSet received;
  received.server_seq = item.seq;
  received.id = item.envelope.header.id;
  received.author = item.envelope.header.author;
  received.change_class = item.envelope.header.change_class;
  received.author_seq = item.envelope.header.seq;
  received.registry_seen = item.envelope.header.registry_seen;
  received.hash = item.hash;
  received.envelope = *item.bytes;
  received.from_pending = item.from_pending;
  received.role = item.role;
  auto opened = std::move(*slot.opened).value();
  received.disposition = opened.disposition;
  received.reason = std::move(opened.reason);
  received.plaintext = std::move(opened.plaintext);
  return std::optional<ReceivedChangeSet>(std::move(received));
}

}  // namespace varn::sync
