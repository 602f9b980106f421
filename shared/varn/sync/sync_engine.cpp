#include "varn/sync/sync_engine.hpp"

#include <algorithm>
#include <deque>
#include <iterator>
#include <optional>

#include "varn/crypto/random.hpp"
#include "varn/sync/page_opener.hpp"

namespace varn::sync {

Result<std::size_t> SyncEngine::seal_pending() {
  std::size_t sealed_count = 0;
  for (;;) {
    auto batch = store_.next_outgoing(limits_.ops_per_change_set);
    if (!batch) return batch.error();
    if (batch->op_ids.empty()) return sealed_count;
    const std::uint32_t epoch = keys_.current_epoch();
    const crypto::SecretBuffer* key = keys_.epoch_key(epoch);
    if (epoch == 0 || key == nullptr) {
      return make_error(Errc::locked, "no unit key yet: finish enrolment before syncing");
    }
    auto head = store_.chain_head();
    if (!head) return head.error();
    wire::SealParams params;
    params.change_class = batch->change_class;
    params.unit = unit_;
    params.epoch = epoch;
    params.seq = head->seq + 1;
    params.prev_hash = head->hash;
    params.id = crypto::random_array<16>();
    auto envelope = wire::seal_envelope(params, *key, me_.signing(), batch->plaintext);
    if (!envelope) return envelope.error();
    SealedChangeSet sealed;
    sealed.id = params.id;
    sealed.author_seq = params.seq;
    sealed.hash = wire::envelope_hash(*envelope);
    sealed.envelope = std::move(envelope).value();
    if (auto recorded = store_.record_sealed(*batch, sealed); !recorded) return recorded.error();
    ++sealed_count;
  }
}

Result<std::size_t> SyncEngine::push_pending(ApiClient& api) {
  auto pending = store_.unacknowledged();
  if (!pending) return pending.error();
  std::size_t pushed = 0;
  std::size_t i = 0;
  while (i < pending->size()) {
    std::vector<Bytes> batch;
    std::vector<wire::ChangeSetId> ids;
    std::size_t bytes = 0;
    while (i < pending->size() && batch.size() < limits_.envelopes_per_push &&
           (batch.empty() || bytes + (*pending)[i].envelope.size() <= limits_.bytes_per_push)) {
      bytes += (*pending)[i].envelope.size();
      batch.push_back((*pending)[i].envelope);
      ids.push_back((*pending)[i].id);
      ++i;
    }
    auto acks = api.push(unit_, batch);
    if (!acks) return acks.error();
    for (std::size_t k = 0; k < acks->size(); ++k) {
      const auto& ack = (*acks)[k];
      if (ack.id != ids[k] || ack.seq == 0) return make_error(Errc::malformed, "server acknowledged a different change set");
      if (auto marked = store_.mark_acknowledged(ack.id, ack.seq); !marked) return marked.error();
    }
    pushed += acks->size();
  }
  return pushed;
}

Result<std::size_t> SyncEngine::repush(ApiClient& api, const std::vector<Bytes>& envelopes) {
  auto own = store_.unacknowledged();
  if (!own) return own.error();
  std::size_t done = 0;
  for (std::size_t i = 0; i < envelopes.size(); i += limits_.envelopes_per_push) {
    const auto end = std::min(envelopes.size(), i + limits_.envelopes_per_push);
    std::vector<Bytes> batch(envelopes.begin() + static_cast<std::ptrdiff_t>(i),
                             envelopes.begin() + static_cast<std::ptrdiff_t>(end));
    auto acks = api.push(unit_, batch);
    if (!acks) return acks.error();
    for (const auto& ack : *acks) {
      for (const auto& mine : *own) {
        if (mine.id == ack.id) {
          if (auto marked = store_.mark_acknowledged(ack.id, ack.seq); !marked) return marked.error();
        }
      }
    }
    done += acks->size();
  }
  return done;
}

bool SyncEngine::role_allows(const crypto::DeviceId& author, wire::ChangeSetClass change_class) {
  // Our own change sets were checked when written; the server checked others
  // too, but every client checks again so a lying server cannot slip one in.
  if (author == me_.device_id()) return true;
  auto role = keys_.author_role(author);
  if (!role) return false;
  return registry::role_may_write(*role, change_class);
}

Result<SealedItem> SyncEngine::resolve_keys(const wire::SequencedEnvelope& item) {
  auto env = wire::decode_envelope(item.envelope);
  if (!env) return env.error();
  if (env->header.unit != unit_) return make_error(Errc::corrupt, "server sent a change set of another unit");
  // Own echoes verify against our own key: a device always knows itself.
  auto author = env->header.author == me_.device_id() ? std::optional(me_.signing().public_key())
                                                       : keys_.author_key(env->header.author);
  const crypto::SecretBuffer* key = keys_.epoch_key(env->header.epoch);
  if (!author) return make_error(Errc::forbidden, "change set from a device this unit does not hold");
  if (key == nullptr) return make_error(Errc::locked, "no key for the change set's epoch on this device");
  if (!role_allows(env->header.author, env->header.change_class)) {
    return make_error(Errc::forbidden, "change set of a class its author's role may not write");
  }
  return SealedItem{item.seq, &item.envelope, std::move(env).value(), *author, key};
}

Result<std::vector<SealedItem>> SyncEngine::resolve_page(const PullPage& page, std::uint64_t cursor, bool refreshed) {
  std::vector<SealedItem> items;
  items.reserve(page.items.size());
  std::uint64_t last = cursor;
  for (const auto& item : page.items) {
    if (item.seq <= last) return make_error(Errc::corrupt, "server sent sequence numbers out of order");
    last = item.seq;
    auto resolved = resolve_keys(item);
    if (!resolved && !refreshed &&
        (resolved.error().code == Errc::forbidden || resolved.error().code == Errc::locked)) {
      // A device or epoch this one has not heard of yet: learn the registry
      // once and start over, since a refresh may drop the keys held so far.
      if (auto r = keys_.refresh(); !r) return r.error();
      return resolve_page(page, cursor, true);
    }
    if (!resolved) {
      return make_error(resolved.error().code, "change set " + std::to_string(item.seq) + ": " + resolved.error().message);
    }
    items.push_back(std::move(resolved).value());
  }
  return items;
}

Result<void> SyncEngine::apply_queued(PageOpener& opener) {
  return store_.apply_received_stream([&] { return opener.next(); });
}

Result<std::size_t> SyncEngine::apply_page(const PullPage& page) {
  auto cursor = store_.pull_cursor();
  if (!cursor) return cursor.error();
  auto items = resolve_page(page, *cursor, false);
  if (!items) return items.error();
  const std::size_t count = items->size();
  if (count == 0) return std::size_t{0};
  PageOpener opener(PageOpener::default_workers());
  opener.add_page(std::move(items).value());
  if (auto applied = apply_queued(opener); !applied) return applied.error();
  return count;
}

namespace {

// Server pages joined into one store transaction.
struct Batch {
  PullPage page;
  bool queued = false;  // its items are in the opener
};

bool more_after(const PullPage& page) { return !page.items.empty() && page.items.back().seq < page.head; }

// Fetches the page after `after` and joins the pages after it until the
// batch holds `budget` change sets or reaches the server's head. A fetch
// that fails after the first ends the batch early and is kept in `failed`.
Result<Batch> fetch_batch(const PageFetcher& fetch, std::uint64_t after, bool first, std::size_t budget,
                          std::optional<Error>& failed) {
  auto page = fetch(after, first);
  if (!page) return page.error();
  Batch batch{std::move(page).value()};
  while (batch.page.items.size() < budget && more_after(batch.page)) {
    auto more = fetch(batch.page.items.back().seq, false);
    if (!more) {
      failed = more.error();
      break;
    }
    batch.page.head = more->head;
    if (more->items.empty()) break;
    std::move(more->items.begin(), more->items.end(), std::back_inserter(batch.page.items));
  }
  return batch;
}

}  // namespace

Result<std::size_t> SyncEngine::pull_pages(const PageFetcher& fetch, SyncReport& report) {
  auto cursor = store_.pull_cursor();
  if (!cursor) return cursor.error();
  std::optional<Error> fetch_failed;  // reported once the batches before it are applied
  auto first = fetch_batch(fetch, *cursor, true, limits_.changes_per_transaction, fetch_failed);
  if (!first) return first.error();
  // The batch being applied and the one fetched ahead. The opener points
  // into them, so it is declared after them and stops first.
  std::deque<Batch> batches;
  batches.push_back(std::move(first).value());
  PageOpener opener(PageOpener::default_workers());
  std::size_t total = 0;
  while (!batches.empty()) {
    Batch& current = batches.front();
    report.head = current.page.head;
    if (!current.queued) {  // nothing is in flight: keys may be refreshed
      auto items = resolve_page(current.page, *cursor, false);
      if (!items) return items.error();
      opener.add_page(std::move(items).value());
      current.queued = true;
    }
    if (batches.size() == 1 && !fetch_failed && more_after(current.page)) {
      const std::uint64_t after = current.page.items.back().seq;
      auto ahead = fetch_batch(fetch, after, false, limits_.changes_per_transaction, fetch_failed);
      if (!ahead) {
        fetch_failed = ahead.error();
      } else {
        batches.push_back(std::move(ahead).value());
        // Without a registry refresh, which waits for this batch's turn.
        if (auto items = resolve_page(batches.back().page, after, true)) {
          opener.add_page(std::move(items).value());
          batches.back().queued = true;
        }
      }
    }
    const std::size_t count = current.page.items.size();
    if (count > 0) {
      if (auto applied = apply_queued(opener); !applied) return applied.error();
    }
    total += count;
    cursor = store_.pull_cursor();
    if (!cursor) return cursor.error();
    report.cursor = *cursor;
    batches.pop_front();
  }
  if (fetch_failed) return *fetch_failed;
  return total;
}

Result<std::size_t> SyncEngine::pull_all(ApiClient& api, SyncReport& report, int wait_seconds) {
  return pull_pages(
      [&](std::uint64_t after, bool first) {
        return api.pull(unit_, after, limits_.pull_page, first ? wait_seconds : 0);
      },
      report);
}

Result<SyncReport> SyncEngine::sync(ApiClient& api) {
  SyncReport report;
  auto sealed = seal_pending();
  if (!sealed) return sealed.error();
  report.sealed = *sealed;
  auto pushed = push_pending(api);
  if (!pushed) return pushed.error();
  report.pushed = *pushed;
  auto pulled = pull_all(api, report);
  if (!pulled) return pulled.error();
  report.pulled = *pulled;
  return report;
}

}  // namespace varn::sync
