// Initial sync: a freshly enrolled tablet takes in a unit's whole history.
// 10,000 and 100,000 change sets (20 workers, each change set a visit with
// its note, as a worker's sync after one visit) go through the real path
// a pull takes: SyncEngine::pull_pages (decode, Ed25519 verify, role check,
// XChaCha20-Poly1305 open, the next page opened while this one commits) into
// a fresh SQLCipher LocalStore, 1,000 per page as the server serves them,
// joined to SyncLimits::changes_per_transaction per store transaction.
// Goal: 100k in at most 10 s on this machine; the floor printed beside it
// is 100k Ed25519 verifies measured in this run. The longest transaction
// is printed too: the app's screens wait that long for the store.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "varn/crypto/random.hpp"
#include "varn/crypto/passphrase_kek.hpp"
#include "varn/model/change_set_codec.hpp"
#include "varn/model/domain.hpp"
#include "varn/store/local_store.hpp"
#include "varn/sync/sync_engine.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::bench {
namespace {

using clock_type = std::chrono::steady_clock;
constexpr std::size_t kAuthors = 20;
constexpr std::size_t kPage = 1000;
constexpr std::size_t kOpsPerChangeSet = 10;  // visit_with_note

// CPU seconds (user + system) this process has used so far.
double cpu_seconds() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double seconds_since(clock_type::time_point start) {
  return std::chrono::duration<double>(clock_type::now() - start).count();
}

// The keys a device holds after enrolment: one epoch and the unit's workers.
class BenchKeys : public sync::KeyProvider {
 public:
  explicit BenchKeys(const crypto::SecretBuffer& key) : key_(key) {}
  void add(const crypto::DeviceIdentity& d) { authors_.emplace(d.device_id(), d.signing().public_key()); }
  std::uint32_t current_epoch() override { return 1; }
  const crypto::SecretBuffer* epoch_key(std::uint32_t epoch) override { return epoch == 1 ? &key_ : nullptr; }
  std::optional<crypto::SignPublicKey> author_key(const crypto::DeviceId& device) override {
    auto it = authors_.find(device);
    if (it == authors_.end()) return std::nullopt;
    return it->second;
  }
  std::optional<registry::Role> author_role_at(const crypto::DeviceId& device, std::uint64_t) override {
    if (!authors_.contains(device)) return std::nullopt;
    return registry::Role::worker;
  }
  std::uint64_t registry_length() override { return 1; }
  Result<void> refresh() override { return {}; }

 private:
  const crypto::SecretBuffer& key_;
  std::map<crypto::DeviceId, crypto::SignPublicKey> authors_;
};

// One worker's device writing change sets on its own hash chain.
struct Author {
  crypto::DeviceIdentity identity = crypto::DeviceIdentity::generate();
  model::HybridClock clock;
  std::uint64_t seq = 0;
  crypto::Hash32 prev{};
  model::EntityId case_id = model::entity_id_for(clock.now(), identity.device_id());

  void put(std::vector<model::Op>& ops, model::EntityKind kind, const model::EntityId& id, std::string_view field,
           std::string value) {
    ops.push_back(model::Op{kind, id, std::string(field), std::move(value), clock.now(), identity.device_id()});
  }

  // A visit and its draft note: ten ops, a 400-byte note body.
  std::vector<model::Op> visit_with_note(std::size_t n) {
    namespace d = model::domain;
    using K = model::EntityKind;
    std::vector<model::Op> ops;
    const auto me = to_hex(identity.device_id());
    const auto visit = model::entity_id_for(clock.now(), identity.device_id());
    const auto note = model::entity_id_for(clock.now(), identity.device_id());
    put(ops, K::visit, visit, model::fields::kCreated, me);
    put(ops, K::visit, visit, d::kVisitCase, to_hex(case_id));
    put(ops, K::visit, visit, d::kVisitKind, "home_visit");
    put(ops, K::visit, visit, d::kVisitPlannedAt, "2026-11-23T10:00");
    put(ops, K::visit, visit, d::kVisitPartnerPresent, "no");
    put(ops, K::note, note, model::fields::kCreated, me);
    put(ops, K::note, note, d::kNoteVisit, to_hex(visit));
    put(ops, K::note, note, d::kNoteCase, to_hex(case_id));
    put(ops, K::note, note, d::kNoteEventTime, "2026-11-23T10:30");
    put(ops, K::note, note, d::kNoteBody, "Bench note " + std::to_string(n) + " " + std::string(388, 'x'));
    return ops;
  }

  Result<Bytes> seal(const wire::UnitId& unit, const crypto::SecretBuffer& key, const std::vector<model::Op>& ops) {
    wire::SealParams params;
    params.unit = unit;
    params.epoch = 1;
    params.seq = ++seq;
    params.prev_hash = prev;
    params.id = crypto::random_array<16>();
    auto envelope = wire::seal_envelope(params, key, identity.signing(), model::encode_ops(ops));
    if (envelope) prev = wire::envelope_hash(*envelope);
    return envelope;
  }
};

// Forwards to the store and keeps the time spent inside it, so the bench can
// say how much of a sync is the store and how much is verify + decrypt.
class TimedStore : public sync::SyncStore {
 public:
  explicit TimedStore(sync::SyncStore& inner) : inner_(inner) {}
  Result<sync::OutgoingBatch> next_outgoing(std::size_t max_ops) override { return inner_.next_outgoing(max_ops); }
  Result<void> record_sealed(const sync::OutgoingBatch& b, const sync::SealedChangeSet& s) override {
    return inner_.record_sealed(b, s);
  }
  Result<sync::ChainHead> chain_head() override { return inner_.chain_head(); }
  Result<std::vector<sync::SealedChangeSet>> unacknowledged() override { return inner_.unacknowledged(); }
  Result<void> mark_acknowledged(const wire::ChangeSetId& id, std::uint64_t seq) override {
    return inner_.mark_acknowledged(id, seq);
  }
  Result<void> replace_sealed(const sync::SealedChangeSet& s) override { return inner_.replace_sealed(s); }
  Result<std::vector<sync::SealedChangeSet>> unechoed() override { return inner_.unechoed(); }
  Result<void> withdraw_unsent(std::uint64_t seq, const std::string& why) override {
    return inner_.withdraw_unsent(seq, why);
  }
  Result<sync::LogPosition> log_position() override { return inner_.log_position(); }
  Result<std::vector<sync::LogPosition>> log_marks() override { return inner_.log_marks(); }
  Result<std::map<crypto::DeviceId, sync::ChainHead>> author_heads() override { return inner_.author_heads(); }
  Result<std::vector<sync::PendingChangeSet>> pending_received() override { return inner_.pending_received(); }
  Result<std::vector<Bytes>> held_envelopes_after(std::uint64_t after) override {
    return inner_.held_envelopes_after(after);
  }
  Result<void> rewind(const sync::LogPosition& to) override { return inner_.rewind(to); }
  Result<sync::TendOutcome> tend_restricted(const registry::RegistryState& state) override {
    return inner_.tend_restricted(state);
  }
  // The time spent waiting for the engine's verifies is not the store's.
  Result<sync::ApplySummary> apply_received_stream(const sync::ReceivedSource& next,
                                                   const sync::LogPosition& end) override {
    const auto start = clock_type::now();
    double waited = 0;
    auto r = inner_.apply_received_stream([&] {
      const auto asked = clock_type::now();
      auto item = next();
      waited += seconds_since(asked);
      return item;
    }, end);
    const double applying = seconds_since(start) - waited;
    seconds += applying;
    longest = std::max(longest, applying);
    waiting += waited;
    return r;
  }
  double seconds = 0;
  double waiting = 0;
  double longest = 0;  // one transaction, verifies waited for excluded

 private:
  sync::SyncStore& inner_;
};

struct History {
  wire::UnitId unit = crypto::random_array<16>();
  crypto::SecretBuffer key = crypto::SecretBuffer::random(32);
  std::vector<std::unique_ptr<Author>> authors;
  std::vector<Bytes> envelopes;  // in server order
};

// Extends the history to `count` change sets, round robin over the workers.
Result<void> make_history(History& h, std::size_t count) {
  while (h.authors.size() < kAuthors) h.authors.push_back(std::make_unique<Author>());
  h.envelopes.reserve(count);
  for (std::size_t n = h.envelopes.size(); n < count; ++n) {
    auto& author = *h.authors[n % kAuthors];
    auto sealed = author.seal(h.unit, h.key, author.visit_with_note(n));
    if (!sealed) return sealed.error();
    h.envelopes.push_back(std::move(sealed).value());
  }
  return {};
}

// Seconds to apply the first `count` change sets into a new store at `path`.
Result<double> time_initial_sync(const History& h, std::size_t count, const std::string& path) {
  store::CreateOptions fast;  // unlock cost is measured by the store bench
  fast.kdf = crypto::KdfParams::with_new_salt(crypto::kKdfMinOpsLimit, crypto::kKdfMinMemLimit);
  auto created = store::LocalStore::create(path, "bench passphrase", fast);
  if (!created) return created.error();
  auto me = crypto::DeviceIdentity::generate();
  BenchKeys keys(h.key);
  for (const auto& a : h.authors) keys.add(a->identity);
  TimedStore timed(**created);
  sync::SyncEngine engine(timed, me, h.unit, keys);
  const auto start = clock_type::now();
  const double cpu_start = cpu_seconds();
  // The pages a pull would decode from the server's answers.
  const auto fetch = [&](std::uint64_t after, bool) -> Result<sync::PullPage> {
    sync::PullPage page;
    for (std::size_t i = after; i < std::min(count, after + kPage); ++i) page.items.push_back({i + 1, h.envelopes[i]});
    page.head = count;
    return page;
  };
  sync::SyncReport report;
  auto pulled = engine.pull_pages(fetch, report);
  if (!pulled) return pulled.error();
  const double seconds = seconds_since(start);
  std::printf("initial sync %zu change sets (%zu ops): %.2f s, of which %.2f s in the store and %.2f s waiting "
              "for verifies; %.2f s of CPU on %u cores; longest store transaction %.0f ms\n",
              count, count * kOpsPerChangeSet, seconds, timed.seconds, timed.waiting, cpu_seconds() - cpu_start,
              std::thread::hardware_concurrency(), timed.longest * 1000);
  std::fflush(stdout);
  auto cursor = (*created)->pull_cursor();
  if (!cursor) return cursor.error();
  if (*cursor != count) return make_error(Errc::corrupt, "cursor did not reach the last change set");
  return seconds;
}

double verify_seconds(const History& h, std::size_t count) {
  auto env = wire::decode_envelope(h.envelopes.front());
  if (!env) return 0;
  const auto key = h.authors.front()->identity.signing().public_key();
  const auto start = clock_type::now();
  std::size_t failures = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (!wire::verify_envelope(*env, key)) ++failures;
  }
  const double s = seconds_since(start);
  if (failures != 0) std::printf("warning: %zu verifies failed\n", failures);
  return s;
}

}  // namespace

void run_initial_sync_bench() {
  constexpr std::size_t kSmall = 10'000, kLarge = 100'000;
  const char* tmp = std::getenv("TMPDIR");
  std::string dir = std::string(tmp != nullptr ? tmp : "/tmp") + "/varn-initial-sync-XXXXXX";
  if (::mkdtemp(dir.data()) == nullptr) {
    std::puts("initial sync: no scratch folder");
    return;
  }
  History history;
  auto measure = [&](std::size_t count, const char* file) -> Result<double> {
    if (auto made = make_history(history, count); !made) return made.error();
    return time_initial_sync(history, count, dir + file);
  };
  auto small = measure(kSmall, "/small.db");
  auto large = small ? measure(kLarge, "/large.db") : small;
  std::error_code ec;
  if (std::getenv("VARN_BENCH_KEEP") != nullptr) {  // to look inside the stores ("bench passphrase")
    std::printf("initial sync: stores kept in %s\n", dir.c_str());
  } else {
    std::filesystem::remove_all(dir, ec);
  }
  if (!large) {
    std::printf("initial sync: failed (%s)\n", large.error().message.c_str());
    return;
  }
  const double floor = verify_seconds(history, kLarge);
  std::printf("initial sync 100k change sets into a fresh SQLCipher store: %.2f s (goal <= 10 s: %s; "
              "ratio %.2f of 100k Ed25519 verifies alone, %.2f s, in this run)\n",
              *large, *large <= 10.0 ? "met" : "NOT met", *large / floor, floor);
  std::printf("initial sync t(100k)/t(10k) = %.2f (10.0 = linear)\n", *large / *small);
}

}  // namespace varn::bench
