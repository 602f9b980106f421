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

Result<Bytes> open_item(const SealedItem& item) {
  try {
    return wire::open_envelope(item.envelope, item.author_key, *item.epoch_key);
  } catch (const std::bad_alloc&) {  // fail the page, not the process
    return make_error(Errc::out_of_memory, "out of memory while opening the change set");
  }
}

}  // namespace

unsigned PageOpener::workers_for(std::size_t items) {
  if (items < kItemsWorthAThread) return 0;
  const unsigned cores = std::thread::hardware_concurrency();
  return std::clamp(cores > 1 ? cores - 1 : 0u, 0u, kMaxWorkers);
}

PageOpener::PageOpener(std::vector<SealedItem> items, unsigned workers)
    : items_(std::move(items)), opened_(items_.size()) {
  for (unsigned i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
}

PageOpener::~PageOpener() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  for (auto& t : threads_) t.join();
}

bool PageOpener::open_one() {
  std::size_t index = 0;
  {
    std::lock_guard lock(mutex_);
    if (stop_ || claimed_ == items_.size()) return false;
    index = claimed_++;
  }
  auto plaintext = open_item(items_[index]);
  {
    std::lock_guard lock(mutex_);
    opened_[index] = std::move(plaintext);
  }
  ready_.notify_all();
  return true;
}

void PageOpener::work() {
  while (open_one()) {
  }
}

Result<std::optional<ReceivedChangeSet>> PageOpener::next() {
  if (cursor_ == items_.size()) return std::optional<ReceivedChangeSet>{};
  const std::size_t index = cursor_++;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      if (opened_[index]) break;
      if (claimed_ == items_.size()) {
        ready_.wait(lock, [&] { return opened_[index].has_value(); });
        break;
      }
    }
    (void)open_one();  // help rather than wait
  }
  std::optional<Result<Bytes>> plaintext;
  {
    std::lock_guard lock(mutex_);
    plaintext.swap(opened_[index]);
  }
  const auto& item = items_[index];
  if (!*plaintext) {
    std::lock_guard lock(mutex_);
    stop_ = true;  // the page is lost anyway; spare the remaining verifies
    const auto& error = plaintext->error();
    return make_error(error.code, "change set " + std::to_string(item.seq) + ": " + error.message);
  }
  ReceivedChangeSet received;
  received.server_seq = item.seq;
  received.id = item.envelope.header.id;
  received.author = item.envelope.header.author;
  received.change_class = item.envelope.header.change_class;
  received.author_seq = item.envelope.header.seq;
  received.envelope = *item.bytes;
  received.plaintext = std::move(*plaintext).value();
  return std::optional<ReceivedChangeSet>(std::move(received));
}

}  // namespace varn::sync
