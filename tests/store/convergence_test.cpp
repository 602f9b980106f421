// The store agrees with model::ReferenceReplica: seeded random op sets, cut
// into change sets per author and delivered to two stores in different
// orders (with re-deliveries), end in the reference's exact state.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

#include "store_fixture.hpp"
#include "varn/crypto/random.hpp"
#include "varn/model/domain.hpp"
#include "varn/model/reference_replica.hpp"
#include "varn/store/database.hpp"
#include "varn/store/merge_writer.hpp"
#include "varn/store/queries.hpp"
#include "varn/store/records.hpp"

using namespace varn;
using model::EntityKind;
using model::Op;

namespace {

constexpr int kSeeds = 50;

// Ids from the seeded generator, so a failing seed replays exactly.
ByteArray<16> seeded_id(std::mt19937& rng) {
  ByteArray<16> id{};
  for (auto& byte : id) byte = static_cast<std::uint8_t>(rng() & 0xffu);
  return id;
}

struct ChangeSet {
  crypto::DeviceId author{};
  registry::Role role = registry::Role::worker;  // the author's at the registry point the change set names
  std::vector<Op> ops;
};

struct Generated {
  std::vector<Op> ops;                  // every op written, duplicates included
  std::vector<ChangeSet> change_sets;   // per author, in writing order
};

// Written apart from model/authority.cpp: what the author was entitled to.
bool entitled(const ChangeSet& c) {
  auto names = [&](const model::EntityId& id) { return std::equal(id.begin() + 8, id.end(), c.author.begin()); };
  for (const auto& op : c.ops) {
    if ((op.field == model::fields::kCreated || op.kind == EntityKind::note) && !names(op.id)) return false;
    if (op.kind == EntityKind::person && op.field == "protection" && op.value == "none" &&
        c.role == registry::Role::worker) {
      const bool creates = std::any_of(c.ops.begin(), c.ops.end(), [&](const Op& o) {
        return o.kind == EntityKind::person && o.id == op.id && o.field == model::fields::kCreated;
      });
      if (!creates) return false;
    }
  }
  return true;
}

Generated generate(std::mt19937& rng, const std::vector<crypto::DeviceId>& devices, std::uint64_t base_ms) {
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  // Each note and person has a creator its id names.
  std::vector<std::pair<model::EntityId, crypto::DeviceId>> notes, persons;
  for (std::uint16_t i = 0; i < 4; ++i) {
    const auto& creator = devices[pick(devices.size())];
    notes.emplace_back(model::entity_id_for(model::Hlc::from_parts(base_ms, i), creator), creator);
  }
  for (std::uint16_t i = 0; i < 2; ++i) {
    const auto& creator = devices[pick(devices.size())];
    persons.emplace_back(model::entity_id_for(model::Hlc::from_parts(base_ms, 100 + i), creator), creator);
  }
  Generated g;
  const std::size_t count = 20 + pick(30);
  for (std::size_t i = 0; i < count; ++i) {
    if (!g.ops.empty() && pick(10) == 0) {  // the same op written again
      g.ops.push_back(g.ops[pick(g.ops.size())]);
      continue;
    }
    // Stamps from a narrow window, so ties and near-ties are common.
    const auto hlc = model::Hlc::from_parts(base_ms + pick(15), static_cast<std::uint16_t>(pick(2)));
    const auto& [note, note_creator] = notes[pick(notes.size())];
    // Mostly the creator; now and then a colleague trying (refused by every replica).
    const auto& device = pick(5) == 0 ? devices[pick(devices.size())] : note_creator;
    const std::size_t roll = pick(100);
    Op op{EntityKind::note, note, "", "", hlc, device};
    if (roll < 10) {
      op.field = model::fields::kCreated;
      op.value = to_hex(device);
    } else if (roll < 40) {
      op.field = "body";
      op.value = "b" + std::to_string(pick(5));
    } else if (roll < 55) {
      op.field = model::fields::kSigned;
      op.value = nlohmann::json{{"body", "s" + std::to_string(pick(3))}, {"_created", to_hex(device)}}.dump();
    } else if (roll < 63) {
      op.field = model::fields::kDeleted;
      op.value = "1";
    } else {
      const auto& [person, person_creator] = persons[pick(persons.size())];
      const auto& writer = devices[pick(devices.size())];
      const char* levels[] = {"none", "confidential", "protected_registration"};
      if (roll < 72) {
        op = Op{EntityKind::person, person, "name", "n" + std::to_string(pick(4)), hlc, writer};
      } else if (roll < 80) {  // withheld on every replica once skyddad folkbokföring is in the set
        op = Op{EntityKind::person, person, "address", "a" + std::to_string(pick(4)), hlc, writer};
      } else if (roll < 86) {
        op = Op{EntityKind::person, person, std::string(model::fields::kCreated), to_hex(writer), hlc, writer};
      } else if (roll < 94) {
        op = Op{EntityKind::person, person, "protection", levels[pick(3)], hlc, writer};
      } else {
        op = Op{EntityKind::person, person, std::string(model::fields::kDeleted), "1", hlc, writer};
      }
      (void)person_creator;
    }
    g.ops.push_back(op);
  }
  // Change sets hold one author's ops: chunks of 1..4 in writing order,
  // each under a role the author held then.
  const registry::Role roles[] = {registry::Role::worker, registry::Role::reviewer, registry::Role::admin};
  for (const auto& device : devices) {
    std::vector<Op> mine;
    for (const auto& op : g.ops) {
      if (op.device == device) mine.push_back(op);
    }
    for (std::size_t i = 0; i < mine.size();) {
      const std::size_t n = std::min(mine.size() - i, 1 + pick(4));
      g.change_sets.push_back({device, roles[pick(3)],
                               std::vector<Op>(mine.begin() + static_cast<std::ptrdiff_t>(i),
                                               mine.begin() + static_cast<std::ptrdiff_t>(i + n))});
      i += n;
    }
  }
  return g;
}

std::string describe(const std::vector<store::NoteView>& notes) {
  std::ostringstream out;
  for (const auto& n : notes) {
    out << to_hex(n.id) << '|' << n.body << '|' << n.author << '|' << n.written_ms << '|' << n.is_signed << '|'
        << to_hex(n.case_id) << '|' << to_hex(n.visit_id) << '\n';
  }
  return out.str();
}

// The notes as merged, read without writing access-log entries (those are
// this replica's own ops, which the others and the reference never see).
std::vector<store::NoteView> merged_notes(store::Records& records, store::LocalStore& s) {
  store::NoteFilter facts;
  facts.without_bodies = true;
  auto notes = records.notes(facts);
  REQUIRE(notes);
  for (auto& n : *notes) {
    auto body = store::visible_field(s.database(), EntityKind::note, n.id, model::domain::kNoteBody);
    REQUIRE(body);
    n.body = body->value_or("");
  }
  return std::move(notes).value();
}

// The value a replica shows, read from the store's tables.
std::optional<std::string> store_value(store::Database& db, EntityKind kind, const model::EntityId& id,
                                       const std::string& field) {
  if (kind == EntityKind::note) {
    auto sign = store::load_note_sign(db, id);
    REQUIRE(sign);
    if (*sign) return field == model::fields::kSigned ? (*sign)->value : model::snapshot_field((*sign)->value, field);
    auto deleted = store::stored_field(db, kind, id, model::fields::kDeleted);
    REQUIRE(deleted);
    if (field != model::fields::kDeleted && *deleted == std::optional<std::string>("1")) return std::nullopt;
  }
  auto v = store::stored_field(db, kind, id, field);
  REQUIRE(v);
  return *v;
}

// Every op a store merged: op_log holds all but the field winners, which
// live in field_value alone. Which op holds a field is order-dependent on
// signed notes (their snapshot decides), the set of ops is not.
std::set<std::string> merged_ops(store::LocalStore& s) {
  std::set<std::string> out;
  std::size_t rows = 0;
  for (const char* sql : {"SELECT kind, id, field, value, hlc, device, hash FROM op_log",
                          "SELECT kind, id, field, value, hlc, device, NULL FROM field_value"}) {
    auto q = s.database().prepare(sql);
    REQUIRE(q);
    for (;;) {
      auto row = q->step();
      REQUIRE(row);
      if (!*row) break;
      const model::Op op{static_cast<EntityKind>(q->int64(0)), q->array<16>(1), q->text(2), q->text(3),
                         model::Hlc{q->uint64(4)}, q->array<16>(5)};
      const auto digest = store::op_digest(op);
      if (!q->is_null(6)) CHECK(q->array<32>(6) == digest);
      out.insert(to_hex(digest) + " " + op.value);
      ++rows;
    }
  }
  CHECK(rows == out.size());  // no op in both tables
  return out;
}

std::size_t merge_conflicts(store::LocalStore& s) {
  auto q = s.database().prepare("SELECT count(*) FROM conflict WHERE op_hash IS NOT NULL");
  REQUIRE(q);
  REQUIRE(*q->step());
  return static_cast<std::size_t>(q->int64(0));
}

}  // namespace

TEST_CASE("three stores fed the same change sets in different orders reach the state of only what each author "
          "was entitled to", "[store][convergence][insider]") {
  test::ScratchDir dir;
  auto a = test::make_store(dir.file("a.db"));
  auto b = test::make_store(dir.file("b.db"));
  auto c = test::make_store(dir.file("c.db"));
  test::ManualWall wall;
  model::HybridClock clock_a(wall.clock()), clock_b(wall.clock());
  const crypto::DeviceId reader = crypto::random_array<16>();
  store::Records records_a(*a, clock_a, reader), records_b(*b, clock_b, reader);
  const char* seeds_env = std::getenv("VARN_CONVERGENCE_SEEDS");  // more seeds when hunting
  const int seeds = seeds_env != nullptr ? std::atoi(seeds_env) : kSeeds;
  // Seeds share the stores (each seed's ids are fresh), so the state grows as on a real device.
  model::ReferenceReplica reference;
  std::uint64_t seq_a = 0, seq_b = 0, seq_c = 0;
  std::size_t refused_total = 0;
  std::size_t withheld_persons = 0;
  for (int seed = 1; seed <= seeds; ++seed) {
    INFO("seed " << seed);
    std::mt19937 rng(static_cast<std::uint32_t>(seed));
    const std::vector<crypto::DeviceId> devices = {seeded_id(rng), seeded_id(rng), seeded_id(rng)};
    const auto g = generate(rng, devices, 1'700'000'000'000 + static_cast<std::uint64_t>(seed) * 1000);

    std::vector<sync::ReceivedChangeSet> sets;
    for (const auto& cs : g.change_sets) {
      sets.push_back(test::received(cs.author, cs.ops, 0));
      sets.back().role = cs.role;
    }
    // Store A: writing order, in pages of random size.
    for (std::size_t i = 0; i < sets.size();) {
      const std::size_t n = std::min(sets.size() - i, std::size_t{1} + rng() % 5);
      std::vector<sync::ReceivedChangeSet> page(sets.begin() + static_cast<std::ptrdiff_t>(i),
                                                sets.begin() + static_cast<std::ptrdiff_t>(i + n));
      for (auto& r : page) r.server_seq = ++seq_a;
      REQUIRE(a->apply_received_batch(page));
      i += n;
    }
    // Store B: shuffled, with some change sets delivered twice.
    std::vector<sync::ReceivedChangeSet> shuffled = sets;
    for (std::size_t i = 0; i < sets.size(); ++i) {
      if (rng() % 5 == 0) shuffled.push_back(sets[i]);
    }
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    for (auto& r : shuffled) {
      r.server_seq = ++seq_b;
      REQUIRE(b->apply_received(r));
    }
    // Store C: the newest first.
    for (auto it = sets.rbegin(); it != sets.rend(); ++it) {
      auto r = *it;
      r.server_seq = ++seq_c;
      REQUIRE(c->apply_received(r));
    }
    // The reference: only the ops of change sets their author was entitled
    // to, in yet another order.
    std::vector<Op> ops;
    for (const auto& cs : g.change_sets) {
      if (entitled(cs)) {
        ops.insert(ops.end(), cs.ops.begin(), cs.ops.end());
      } else {
        ++refused_total;
      }
    }
    std::shuffle(ops.begin(), ops.end(), rng);
    reference.apply(ops);

    const auto expected = reference.state_hash();
    CHECK(*a->state_digest() == *b->state_digest());
    CHECK(*a->state_digest() == expected);
    CHECK(*b->state_digest() == expected);
    CHECK(*c->state_digest() == expected);
    // Every refused change set is listed once on every replica, with its author.
    for (auto* store : {a.get(), b.get(), c.get()}) {
      auto q = store->database().prepare(
          "SELECT count(DISTINCT refused_change_set), count(*) FROM conflict WHERE refused_change_set IS NOT NULL");
      REQUIRE(q);
      REQUIRE(*q->step());
      CHECK(static_cast<std::size_t>(q->int64(0)) == refused_total);
      CHECK(static_cast<std::size_t>(q->int64(1)) == refused_total);
    }
    CHECK(merge_conflicts(*a) == reference.conflict_count());
    REQUIRE(merge_conflicts(*b) == reference.conflict_count());
    REQUIRE(describe(merged_notes(records_a, *a)) == describe(merged_notes(records_b, *b)));
    CHECK(merged_ops(*a) == merged_ops(*b));
    // Written apart from the merge: a person given skyddad folkbokföring by
    // any entitled op keeps no address row on any replica.
    for (const auto& op : ops) {
      if (op.kind != EntityKind::person || op.field != "protection" || op.value != "protected_registration") continue;
      ++withheld_persons;
      for (auto* store : {a.get(), b.get(), c.get()}) {
        auto q = store->database().prepare(
            "SELECT (SELECT count(*) FROM field_value WHERE kind = ?1 AND id = ?2 AND field = 'address') + "
            "(SELECT count(*) FROM op_log WHERE kind = ?1 AND id = ?2 AND field = 'address')");
        REQUIRE(q);
        q->bind(1, static_cast<std::int64_t>(EntityKind::person)).bind(2, op.id);
        REQUIRE(*q->step());
        CHECK(q->int64(0) == 0);
      }
    }
    std::set<std::tuple<EntityKind, model::EntityId, std::string>> targets;
    for (const auto& op : ops) targets.insert({op.kind, op.id, op.field});
    for (const auto& [kind, id, field] : targets) {
      INFO(model::kind_name(kind) << " " << to_hex(id) << " " << field);
      const auto want = reference.value(kind, id, field);
      CHECK(store_value(a->database(), kind, id, field) == want);
      CHECK(store_value(b->database(), kind, id, field) == want);
    }
  }
  CHECK(reference.conflict_count() > 0);  // the op mix did reach the signed-note rules
  CHECK(refused_total > 0);               // and the authority rules
  CHECK(withheld_persons > 0);            // and skyddad folkbokföring
}
