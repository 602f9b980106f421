#include "varn/sync/sync_engine.hpp"

#include <algorithm>
#include <deque>
#include <iterator>
#include <optional>
#include <tuple>

#include "varn/crypto/random.hpp"
#include "varn/registry/checkpoint.hpp"
#include "varn/sync/page_opener.hpp"

namespace varn::sync {

struct SyncEngine::Resolved {
  std::vector<SealedItem> items;
  LogPosition end;
  ChainHeads heads;
  std::vector<std::string> alarms;
};

namespace {

std::string numbered(std::uint64_t seq, const std::string& why) { return "change set " + std::to_string(seq) + ": " + why; }

// Server pages joined into one store transaction.
struct Batch {
  PullPage page;
  bool queued = false;  // its items are in the opener
  LogPosition end;      // once queued: the log position after it
};

bool more_after(const PullPage& page) { return !page.items.empty() && page.items.back().seq < page.head; }

// Fetches the page after `after` and joins the pages after it until the
// batch holds `budget` change sets or reaches the server's head. A fetch
// that fails after the first ends the batch early and is kept in `failed`.
Result<Batch> fetch_batch(const PageFetcher& fetch, std::uint64_t after, bool first, std::size_t budget,
                          std::optional<Error>& failed) {
  auto page = fetch(after, first);
  if (!page) return page.error();
  Batch batch{std::move(page).value(), false, {}};
  while (batch.page.items.size() < budget && more_after(batch.page)) {
    auto more = fetch(batch.page.items.back().seq, false);
    if (!more) {
      failed = more.error();
      break;
    }
    batch.page.head = more->head;
    batch.page.checkpoint = std::move(more->checkpoint);
    if (more->items.empty()) break;
    std::move(more->items.begin(), more->items.end(), std::back_inserter(batch.page.items));
  }
  return batch;
}

}  // namespace

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
    params.registry_seen = keys_.registry_length();
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

Result<void> SyncEngine::reseal_from(std::uint64_t from_seq) {
  auto pending = store_.unacknowledged();
  if (!pending) return pending.error();
  const std::uint32_t epoch = keys_.current_epoch();
  const crypto::SecretBuffer* key = keys_.epoch_key(epoch);
  if (epoch == 0 || key == nullptr) return make_error(Errc::locked, "no current unit key to seal with");
  std::optional<crypto::Hash32> prev;
  for (auto& s : *pending) {
    if (s.author_seq < from_seq) continue;
    auto env = wire::decode_envelope(s.envelope);
    if (!env) return env.error();
    if (!prev) prev = env->header.prev_hash;  // the link to what the server holds stays
    const crypto::SecretBuffer* old_key = keys_.epoch_key(env->header.epoch);
    if (old_key == nullptr) return make_error(Errc::locked, "this device lost the key its own change set was sealed under");
    auto plaintext = wire::open_envelope(*env, me_.signing().public_key(), *old_key);
    if (!plaintext) return plaintext.error();
    wire::SealParams params;
    params.change_class = env->header.change_class;
    params.unit = unit_;
    params.epoch = epoch;
    params.seq = s.author_seq;
    params.prev_hash = *prev;
    params.id = s.id;
    params.registry_seen = keys_.registry_length();
    auto sealed = wire::seal_envelope(params, *key, me_.signing(), *plaintext);
    if (!sealed) return sealed.error();
    s.envelope = std::move(sealed).value();
    s.hash = wire::envelope_hash(s.envelope);
    if (auto r = store_.replace_sealed(s); !r) return r;
    prev = s.hash;
  }
  return {};
}

Result<std::size_t> SyncEngine::push_pending(ApiClient& api, SyncReport& report) {
  auto pending = store_.unacknowledged();
  if (!pending) return pending.error();
  // Sealed under an epoch a rotation has left behind: the server refuses
  // those as new work, so they are sealed again first.
  if (!pending->empty()) {
    auto first = wire::decode_envelope(pending->front().envelope);
    if (!first) return first.error();
    if (first->header.epoch != keys_.current_epoch()) {
      if (auto r = reseal_from(pending->front().author_seq); !r) return r.error();
      pending = store_.unacknowledged();
      if (!pending) return pending.error();
    }
  }
  std::size_t pushed = 0;
  std::size_t i = 0;
  int resealed = 0, healed = 0;
  while (i < pending->size()) {
    std::vector<Bytes> batch;
    std::vector<wire::ChangeSetId> ids;
    std::size_t bytes = 0;
    for (std::size_t k = i; k < pending->size() && batch.size() < limits_.envelopes_per_push &&
                            (batch.empty() || bytes + (*pending)[k].envelope.size() <= limits_.bytes_per_push);
         ++k) {
      bytes += (*pending)[k].envelope.size();
      batch.push_back((*pending)[k].envelope);
      ids.push_back((*pending)[k].id);
    }
    auto outcome = api.push(unit_, batch);
    if (!outcome) return outcome.error();
    if (outcome->refusal) {
      const auto& refusal = *outcome->refusal;
      const std::size_t at = i + std::min(refusal.index, batch.size() - 1);
      const auto& item = (*pending)[at];
      if ((refusal.code == "stale_epoch" || refusal.code == "role") && resealed++ == 0) {
        // The registry moved on (a rotation, a role change): seal again
        // under what it says now.
        if (auto r = reseal_from(item.author_seq); !r) return r.error();
      } else if (refusal.code == "role") {
        // Refused again under the role this device holds now (a worker's
        // draft on a device promoted to reviewer): withdrawn, kept and listed
        // here, and the rest goes on instead of waiting behind it for ever.
        if (auto r = store_.withdraw_unsent(item.author_seq, "not sent: " + refusal.message); !r) return r.error();
        ++report.withdrawn;
        resealed = 0;
        if (auto r = seal_pending(); !r) return r.error();
      } else if (refusal.code == "chain" && refusal.author_head + 1 < item.author_seq && healed++ == 0) {
        // The server lost change sets it had acknowledged from this device:
        // give them back before anything new.
        auto lost = store_.unechoed();
        if (!lost) return lost.error();
        std::vector<Bytes> envelopes;
        for (const auto& s : *lost) {
          if (s.author_seq > refusal.author_head && s.author_seq < item.author_seq) envelopes.push_back(s.envelope);
        }
        report.alarms.push_back("the server had lost " + std::to_string(envelopes.size()) +
                                " change set(s) it acknowledged from this device; they were pushed again");
        if (auto r = heal(api, envelopes, report); !r) return r.error();
      } else {
        return make_error(refusal.code == "role" || refusal.code == "forbidden" ? Errc::forbidden : Errc::conflict,
                          "the server refused change set " + std::to_string(item.author_seq) + " of this device: " +
                              refusal.message);
      }
      pending = store_.unacknowledged();
      if (!pending) return pending.error();
      i = 0;
      continue;
    }
    for (std::size_t k = 0; k < outcome->acks.size(); ++k) {
      const auto& ack = outcome->acks[k];
      if (ack.id != ids[k] || ack.seq == 0) return make_error(Errc::malformed, "server acknowledged a different change set");
      if (auto marked = store_.mark_acknowledged(ack.id, ack.seq); !marked) return marked.error();
    }
    pushed += outcome->acks.size();
    i += batch.size();
  }
  return pushed;
}

Result<std::size_t> SyncEngine::heal(ApiClient& api, const std::vector<Bytes>& envelopes, SyncReport& report) {
  std::vector<Bytes> left = envelopes;
  std::size_t done = 0;
  std::size_t i = 0;
  while (i < left.size()) {
    const auto end = std::min(left.size(), i + limits_.envelopes_per_push);
    std::vector<Bytes> batch(left.begin() + static_cast<std::ptrdiff_t>(i), left.begin() + static_cast<std::ptrdiff_t>(end));
    auto outcome = api.push(unit_, batch, true);
    if (!outcome) return outcome.error();
    if (outcome->refusal) {
      // One the server will not take back (its own predecessor is lost to
      // everyone, say) stays out; the rest still go.
      const std::size_t at = i + std::min(outcome->refusal->index, batch.size() - 1);
      report.alarms.push_back("the server refused a change set pushed back to it: " + outcome->refusal->message);
      left.erase(left.begin() + static_cast<std::ptrdiff_t>(at));
      continue;
    }
    for (std::size_t k = 0; k < outcome->acks.size(); ++k) {
      const auto& ack = outcome->acks[k];
      auto env = wire::decode_envelope(batch[k]);
      if (env && env->header.author == me_.device_id()) {
        if (auto marked = store_.mark_acknowledged(ack.id, ack.seq); !marked) return marked.error();
      }
      if (!ack.duplicate) ++done;
    }
    i = end;
  }
  report.healed += done;
  return done;
}

Result<SyncEngine::ChainHeads> SyncEngine::load_heads() {
  auto heads = store_.author_heads();
  if (!heads) return heads.error();
  auto own = store_.chain_head();
  if (!own) return own.error();
  (*heads)[me_.device_id()] = *own;
  return ChainHeads{std::move(heads).value(), {}};
}

std::optional<SealedItem> SyncEngine::resolve(const wire::SequencedEnvelope& item, ChainHeads& chains,
                                              bool may_refresh, std::vector<std::string>& alarms) {
  SealedItem out;
  out.seq = item.seq;
  out.bytes = &item.envelope;
  out.hash = wire::envelope_hash(item.envelope);
  auto aside = [&](Disposition d, const std::string& why, bool alarm) {
    out.disposition = d;
    out.reason = why;
    if (alarm) alarms.push_back(numbered(item.seq, why));
    return std::optional<SealedItem>(std::move(out));
  };
  auto env = wire::decode_envelope(item.envelope);
  if (!env) return aside(Disposition::quarantine, "it does not parse (" + env.error().message + ")", true);
  out.envelope = std::move(env).value();
  const auto& h = out.envelope.header;
  if (h.unit != unit_) return aside(Disposition::quarantine, "it names another unit", true);
  const bool own = h.author == me_.device_id();
  const auto author = own ? std::optional(me_.signing().public_key()) : keys_.author_key(h.author);
  if (!author) {
    if (may_refresh) return std::nullopt;
    return aside(Disposition::quarantine, "its author is not a device of this unit's registry", true);
  }
  out.author_key = *author;
  out.epoch_key = keys_.epoch_key(h.epoch);
  if (out.epoch_key == nullptr || (!own && h.registry_seen > keys_.registry_length())) {
    if (may_refresh) return std::nullopt;
    if (out.epoch_key == nullptr) {
      return aside(Disposition::quarantine, "this device holds no key for its epoch " + std::to_string(h.epoch), true);
    }
    return aside(Disposition::quarantine, "it claims registry entries this device was never shown", true);
  }
  ChainHead& head = chains.heads[h.author];
  // Seen before (an own echo, or one the server renumbered after a restore):
  // the store recognises it by author and number, or finds a fork there.
  if (h.seq <= head.seq) return out;
  if (own) return aside(Disposition::quarantine, "it is signed with this device's key but this device never sealed it", true);
  if (h.seq > head.seq + 1) {
    return aside(Disposition::hold,
                 "its author's change sets " + std::to_string(head.seq + 1) + " to " + std::to_string(h.seq - 1) +
                     " have not arrived",
                 false);
  }
  if (h.prev_hash != head.hash) {
    // The one before may itself be forged (its signature is checked later,
    // on the workers): then this one waits until the chain is settled.
    if (chains.unverified.count(h.author) != 0) {
      return aside(Disposition::hold, "it does not link to the change set the server sent before it", false);
    }
    return aside(Disposition::quarantine, "it does not link to its author's change set before it (a fork)", true);
  }
  const std::uint64_t seen_before = head.registry_seen;
  head = ChainHead{h.seq, out.hash, h.registry_seen};
  chains.unverified.insert(h.author);
  // In the author's chain from here on; what it may carry is the role its
  // author held at the registry point it names, never the role today.
  if (h.registry_seen < seen_before) {
    return aside(Disposition::refuse, "it claims to have seen less of the registry than its author's change set before it",
                 true);
  }
  const auto role = keys_.author_role_at(h.author, h.registry_seen);
  if (!role) return aside(Disposition::refuse, "its author was not an active device at the registry point it names", false);
  if (!registry::role_may_write(*role, h.change_class)) {
    return aside(Disposition::refuse, "its author's role then (" + registry::to_string(*role) + ") may not write it", false);
  }
  out.role = role;
  return out;
}

Result<std::optional<SyncEngine::Resolved>> SyncEngine::resolve_page(const PullPage& page, const LogPosition& from,
                                                                     const ChainHeads& heads, bool may_refresh) {
  Resolved r{{}, from, heads, {}};
  r.items.reserve(page.items.size());
  for (const auto& item : page.items) {
    // The server numbers a unit's change sets 1, 2, 3, ... and never drops
    // one; a page that skips or repeats a number hides something.
    if (item.seq != r.end.cursor + 1) {
      return make_error(Errc::corrupt, "the server skipped or repeated change set numbers (" +
                                           std::to_string(r.end.cursor + 1) + " expected, " +
                                           std::to_string(item.seq) + " sent)");
    }
    auto resolved = resolve(item, r.heads, may_refresh, r.alarms);
    if (!resolved) return std::optional<Resolved>{};
    r.end.cursor = item.seq;
    r.end.log_hash = registry::next_log_hash(r.end.log_hash, item.seq, resolved->hash);
    r.items.push_back(std::move(*resolved));
  }
  return std::optional<Resolved>(std::move(r));
}

namespace {
void count(SyncReport& report, const ReceivedChangeSet& r) {
  switch (r.disposition) {
    case Disposition::apply: break;
    case Disposition::refuse: ++report.refused; break;
    case Disposition::hold: ++report.held; break;
    case Disposition::quarantine: ++report.quarantined; break;
  }
}
}  // namespace

Result<std::size_t> SyncEngine::pull_pages(const PageFetcher& fetch, SyncReport& report) {
  auto position = store_.log_position();
  if (!position) return position.error();
  auto heads = load_heads();
  if (!heads) return heads.error();
  std::optional<Error> fetch_failed;  // reported once the batches before it are applied
  auto first = fetch_batch(fetch, position->cursor, true, limits_.changes_per_transaction, fetch_failed);
  if (!first) return first.error();
  // The batch being applied and the one fetched ahead. The opener points
  // into them, so it is declared after them and stops first.
  std::deque<Batch> batches;
  batches.push_back(std::move(first).value());
  PageOpener opener(PageOpener::default_workers());
  LogPosition resolved_up_to = *position;  // where the next batch to resolve starts
  std::size_t total = 0;
  auto take = [&](Batch& batch, Resolved&& r) {
    opener.add_page(std::move(r.items));
    batch.end = r.end;
    batch.queued = true;
    resolved_up_to = r.end;
    *heads = std::move(r.heads);
    std::move(r.alarms.begin(), r.alarms.end(), std::back_inserter(report.alarms));
  };
  while (!batches.empty()) {
    Batch& current = batches.front();
    report.head = current.page.head;
    if (!current.page.checkpoint.empty()) report.checkpoint = current.page.checkpoint;
    if (!current.queued) {  // nothing is in flight: keys may be refreshed
      auto r = resolve_page(current.page, resolved_up_to, *heads, true);
      if (!r) return r.error();
      if (!*r) {
        // A device, epoch or registry entry this one has not heard of yet:
        // learn the registry once and start over, since a refresh may drop
        // the keys held so far.
        if (auto refreshed = keys_.refresh(); !refreshed) return refreshed.error();
        r = resolve_page(current.page, resolved_up_to, *heads, false);
        if (!r) return r.error();
      }
      take(current, std::move(**r));
    }
    if (batches.size() == 1 && !fetch_failed && more_after(current.page)) {
      const std::uint64_t after = current.page.items.back().seq;
      auto ahead = fetch_batch(fetch, after, false, limits_.changes_per_transaction, fetch_failed);
      if (!ahead) {
        fetch_failed = ahead.error();
      } else {
        batches.push_back(std::move(ahead).value());
        // Without a registry refresh: a batch that needs one waits for its turn.
        auto r = resolve_page(batches.back().page, resolved_up_to, *heads, true);
        if (r && *r) take(batches.back(), std::move(**r));
      }
    }
    const std::size_t items = current.page.items.size();
    if (items > 0) {
      auto summary = store_.apply_received_stream(
          [&]() -> Result<std::optional<ReceivedChangeSet>> {
            auto next = opener.next();
            if (next && *next) {
              count(report, **next);
              if ((*next)->disposition == Disposition::quarantine && (*next)->reason.find("signature") != std::string::npos) {
                report.alarms.push_back(numbered((*next)->server_seq, (*next)->reason));
              }
            }
            return next;
          },
          current.end);
      if (!summary) return summary.error();
      if (summary->forks > 0) {
        report.alarms.push_back(std::to_string(summary->forks) +
                                " change set(s) took a chain position another change set of the same author holds (a fork)");
      }
    }
    total += items;
    report.cursor = current.end.cursor;
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

Result<std::size_t> SyncEngine::retry_pending(SyncReport& report) {
  auto pending = store_.pending_received();
  if (!pending) return pending.error();
  if (pending->empty()) return std::size_t{0};
  auto position = store_.log_position();
  if (!position) return position.error();
  auto heads = load_heads();
  if (!heads) return heads.error();
  // In each author's order, so that a filled gap releases what waited behind it.
  struct Waiting {
    wire::SequencedEnvelope item;
    const PendingChangeSet* stored;
    crypto::DeviceId author{};
    std::uint64_t author_seq = 0;
  };
  std::vector<Waiting> waiting;
  for (const auto& p : *pending) {
    auto env = wire::decode_envelope(p.envelope);
    if (!env) continue;  // stays quarantined
    waiting.push_back({{p.server_seq, p.envelope}, &p, env->header.author, env->header.seq});
  }
  std::sort(waiting.begin(), waiting.end(), [](const Waiting& a, const Waiting& b) {
    return std::tie(a.author, a.author_seq, a.item.seq) < std::tie(b.author, b.author_seq, b.item.seq);
  });
  auto decide = [&](bool may_refresh) -> std::optional<std::pair<std::vector<SealedItem>, std::vector<std::string>>> {
    ChainHeads trial = *heads;
    std::vector<SealedItem> out;
    std::vector<std::string> alarms;
    for (const auto& w : waiting) {
      std::vector<std::string> raised;
      auto r = resolve(w.item, trial, may_refresh, raised);
      if (!r) return std::nullopt;
      // What stays as it was was told when it was first set aside.
      const bool changed = r->disposition != w.stored->disposition || r->reason != w.stored->reason;
      if (!changed) continue;
      std::move(raised.begin(), raised.end(), std::back_inserter(alarms));
      r->from_pending = true;
      out.push_back(std::move(*r));
    }
    return std::pair(std::move(out), std::move(alarms));
  };
  auto decided = decide(true);
  if (!decided) {
    if (auto refreshed = keys_.refresh(); !refreshed) return refreshed.error();
    decided = decide(false);
  }
  auto& [items, alarms] = *decided;
  std::move(alarms.begin(), alarms.end(), std::back_inserter(report.alarms));
  if (items.empty()) return std::size_t{0};
  const std::size_t taken = items.size();
  PageOpener opener(0);
  opener.add_page(std::move(items));
  auto summary = store_.apply_received_stream(
      [&]() -> Result<std::optional<ReceivedChangeSet>> {
        auto next = opener.next();
        if (next && *next) count(report, **next);
        return next;
      },
      *position);
  if (!summary) return summary.error();
  return taken;
}

Result<SyncReport> SyncEngine::sync(ApiClient& api) {
  SyncReport report;
  if (auto r = retry_pending(report); !r) return r.error();
  auto pulled = pull_all(api, report);
  if (!pulled) return pulled.error();
  report.pulled = *pulled;
  auto sealed = seal_pending();
  if (!sealed) return sealed.error();
  report.sealed = *sealed;
  auto pushed = push_pending(api, report);
  if (!pushed) return pushed.error();
  report.pushed = *pushed;
  if (*pushed > 0) {
    auto echoes = pull_all(api, report);
    if (!echoes) return echoes.error();
    report.pulled += *echoes;
  }
  return report;
}

}  // namespace varn::sync
