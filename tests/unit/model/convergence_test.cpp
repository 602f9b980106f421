// Convergence: any set of ops, applied in any order and
// with duplicates, gives byte-identical state on every replica.

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "convergence_oracle.hpp"
#include "model_test_util.hpp"
#include "varn/model/domain.hpp"
#include "varn/model/reference_replica.hpp"

namespace varn::model {
namespace {

constexpr std::uint64_t kFirstSeed = 20240301;
constexpr int kSeeds = 1000;

struct SimDevice {
  crypto::DeviceId id{};
  std::uint64_t wall_ms = 0;
  HybridClock clock{[this] { return wall_ms; }};
  ReferenceReplica local;
  std::vector<Op> written;
};

struct Stats {
  int seeds_with_signed_note = 0, seeds_with_conflict = 0, seeds_with_double_sign = 0, seeds_with_deleted_draft = 0;
};

class Simulation {
 public:
  explicit Simulation(std::uint64_t seed) : rng_(seed) {
    const auto devices = 3 + below(3);
    for (std::uint64_t d = 0; d < devices; ++d) {
      auto dev = std::make_unique<SimDevice>();
      dev->id = test::device(static_cast<std::uint8_t>(d + 1));
      dev->wall_ms = 1'700'000'000'000 + below(5000);  // clocks disagree by seconds
      devices_.push_back(std::move(dev));
    }
    for (std::uint8_t n = 0; n < 4; ++n) notes_.push_back(test::entity(static_cast<std::uint8_t>(40 + n)));
  }

  void run_steps() {
    const auto steps = 16 + below(36);
    for (std::uint64_t s = 0; s < steps; ++s) step(*devices_[below(devices_.size())]);
  }

  [[nodiscard]] std::vector<Op> union_of_ops() const {
    std::vector<Op> all;
    for (const auto& dev : devices_) all.insert(all.end(), dev->written.begin(), dev->written.end());
    return all;
  }

  //! The union in a random order, with random duplicates, in random batches.
  void deliver(ReferenceReplica& replica, const std::vector<Op>& all) {
    std::vector<Op> feed = all;
    for (const Op& op : all) {
      if (below(100) < 30) feed.push_back(op);
    }
    std::shuffle(feed.begin(), feed.end(), rng_);
    std::size_t at = 0;
    while (at < feed.size()) {
      const std::size_t n = std::min<std::size_t>(feed.size() - at, 1 + below(8));
      replica.apply(std::vector<Op>(feed.begin() + static_cast<std::ptrdiff_t>(at),
                                    feed.begin() + static_cast<std::ptrdiff_t>(at + n)));
      at += n;
    }
  }

  std::vector<std::unique_ptr<SimDevice>>& devices() { return devices_; }
  const std::vector<EntityId>& notes() const { return notes_; }

 private:
  std::uint64_t below(std::uint64_t n) { return rng_() % n; }
  template <class List>
  std::string any_of(const List& list) {
    return std::string(list[below(list.size())]);
  }

  void write(SimDevice& dev, EntityKind kind, const EntityId& id, std::string_view field, std::string value) {
    Op op;
    op.kind = kind;
    op.id = id;
    op.field = std::string(field);
    op.value = std::move(value);
    op.hlc = dev.clock.now();
    op.device = dev.id;
    dev.local.apply({op});
    dev.written.push_back(std::move(op));
  }

  void sign(SimDevice& dev, const EntityId& note) {
    nlohmann::json snapshot = nlohmann::json::object();
    if (auto body = dev.local.value(EntityKind::note, note, domain::kNoteBody)) snapshot["body"] = *body;
    snapshot["event_time"] = "2024-03-0" + std::to_string(1 + below(9));
    write(dev, EntityKind::note, note, fields::kSigned, snapshot.dump());
  }

  void step(SimDevice& dev) {
    // The wall clock wanders, sometimes backwards.
    dev.wall_ms = dev.wall_ms + below(300) - 100;
    const EntityId& note = notes_[below(notes_.size())];
    const bool locally_signed = dev.local.value(EntityKind::note, note, fields::kSigned).has_value();
    const auto roll = below(100);
    if (roll < 15) {  // a partial sync from another device
      const SimDevice& from = *devices_[below(devices_.size())];
      dev.local.apply(from.written);
      for (const Op& op : from.written) dev.clock.observe(op.hlc);
    } else if (roll < 28) {
      const bool name = below(2) == 0;
      write(dev, EntityKind::person, test::entity(static_cast<std::uint8_t>(1 + below(2))),
            name ? domain::kPersonName : domain::kPersonProtection,
            name ? "name " + std::to_string(below(4)) : any_of(domain::protection_levels()));
    } else if (roll < 30) {  // a buggy or hostile writer tombstones a person
      write(dev, EntityKind::person, test::entity(1), fields::kDeleted, "1");
    } else if (roll < 40) {
      write(dev, EntityKind::case_file, test::entity(static_cast<std::uint8_t>(10 + below(2))), domain::kCasePhase,
            any_of(domain::case_phases()));
    } else if (roll < 58) {  // edits, also of notes signed elsewhere or here
      write(dev, EntityKind::note, note, domain::kNoteBody, "text " + std::to_string(below(1000)));
    } else if (roll < 72) {
      if (!locally_signed || below(3) == 0) sign(dev, note);  // sometimes a second sign on purpose
    } else if (roll < 80) {
      if (!locally_signed) write(dev, EntityKind::note, note, fields::kDeleted, "1");  // drafts only
    } else if (roll < 90) {
      write(dev, EntityKind::visit, test::entity(20), domain::kVisitPartnerPresent,
            any_of(domain::partner_present_values()));
    } else {
      write(dev, EntityKind::note, note, below(2) == 0 ? fields::kCreated : domain::kNoteEventTime,
            std::to_string(below(50)));
    }
  }

  std::mt19937_64 rng_;
  std::vector<std::unique_ptr<SimDevice>> devices_;
  std::vector<EntityId> notes_;
};

// Checks one seed; returns an empty string or what went wrong.
std::string check_seed(std::uint64_t seed, Stats& stats) {
  Simulation sim(seed);
  sim.run_steps();
  const std::vector<Op> all = sim.union_of_ops();

  // Every device finishes with the whole union (it already holds part of
  // it, in its own order); a fresh replica starts from nothing.
  ReferenceReplica fresh;
  std::vector<ReferenceReplica*> replicas = {&fresh};
  for (auto& dev : sim.devices()) replicas.push_back(&dev->local);
  for (ReferenceReplica* r : replicas) sim.deliver(*r, all);

  const crypto::Hash32 expected = replicas.front()->state_hash();
  for (std::size_t i = 1; i < replicas.size(); ++i) {
    if (replicas[i]->state_hash() != expected) return "state_hash of replica " + std::to_string(i) + " differs";
  }

  // Equal hashes mean equal winners, signs and conflicts, so checking one
  // replica against the oracle checks them all.
  const test::Oracle oracle(all);
  if (fresh.conflict_count() != oracle.conflicts()) {
    return "conflicts: replica " + std::to_string(fresh.conflict_count()) + ", oracle " +
           std::to_string(oracle.conflicts());
  }
  std::set<std::tuple<EntityKind, EntityId, std::string>> fields_written;
  for (const Op& op : oracle.distinct_ops()) {
    fields_written.emplace(op.kind, op.id, op.field);
    fields_written.emplace(op.kind, op.id, domain::kNoteBody);
  }
  for (const auto& [kind, id, field] : fields_written) {
    if (fresh.value(kind, id, field) != oracle.visible(kind, id, field)) {
      return "value of " + std::string(kind_name(kind)) + " " + to_hex(id) + " " + field + " differs";
    }
  }

  int signs = 0;
  for (const Op& op : oracle.distinct_ops()) signs += op.field == fields::kSigned && op.kind == EntityKind::note;
  bool deleted_draft = false;
  for (const EntityId& note : sim.notes()) {
    deleted_draft |= fresh.value(EntityKind::note, note, fields::kDeleted) == std::optional<std::string>("1");
  }
  stats.seeds_with_signed_note += oracle.signed_notes() > 0;
  stats.seeds_with_double_sign += static_cast<std::size_t>(signs) > oracle.signed_notes();
  stats.seeds_with_conflict += oracle.conflicts() > 0;
  stats.seeds_with_deleted_draft += deleted_draft;
  return {};
}

TEST_CASE("convergence: replicas applying the same ops in any order with duplicates agree", "[model][convergence]") {
  Stats stats;
  for (std::uint64_t seed = kFirstSeed; seed < kFirstSeed + kSeeds; ++seed) {
    const std::string failure = check_seed(seed, stats);
    if (!failure.empty()) FAIL("seed " << seed << ": " << failure);
  }
  // The generator must actually reach the interesting cases.
  CAPTURE(stats.seeds_with_signed_note, stats.seeds_with_double_sign, stats.seeds_with_conflict,
          stats.seeds_with_deleted_draft);
  CHECK(stats.seeds_with_signed_note > kSeeds / 2);
  CHECK(stats.seeds_with_double_sign > kSeeds / 10);
  CHECK(stats.seeds_with_conflict > kSeeds / 4);
  CHECK(stats.seeds_with_deleted_draft > kSeeds / 10);
}

}  // namespace
}  // namespace varn::model
