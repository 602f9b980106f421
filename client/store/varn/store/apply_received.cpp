// LocalStore as the sync engine's store, incoming side: merge received change
// sets, keep their envelopes and move the cursor, one transaction per page.
#include <algorithm>
#include <map>
#include <set>
#include <optional>

#include "varn/model/authority.hpp"
#include "varn/model/change_set_codec.hpp"
#include "varn/store/case_vault.hpp"
#include "varn/store/database.hpp"
#include "varn/store/local_store.hpp"
#include "varn/store/merge_writer.hpp"

namespace varn::store {
namespace {

Error locked_error() { return make_error(Errc::locked, "the store is locked"); }

std::int64_t sql(std::uint64_t v) { return static_cast<std::int64_t>(v); }

// The cursor and its log hash move once per transaction, with a mark to
// rewind to should the server's history later part from this one.
Result<void> set_position(Database& db, const sync::LogPosition& end, std::uint64_t max_hlc) {
  auto before = db.prepare("SELECT cursor FROM sync_state WHERE only = 1");
  if (!before) return before.error();
  auto row = before->step();
  if (!row) return row.error();
  const bool moved = *row && before->uint64(0) != end.cursor;
  auto q = db.prepare(
      "UPDATE OR FAIL sync_state SET cursor = ?, log_hash = ?, hlc_last = max(hlc_last, ?) WHERE only = 1");
  if (!q) return q.error();
  q->bind(1, sql(end.cursor)).bind(2, end.log_hash).bind(3, sql(max_hlc));
  if (auto r = q->run(); !r) return r;
  if (!moved) return {};
  auto mark = db.prepare("INSERT OR REPLACE INTO log_mark(cursor, log_hash) VALUES(?, ?)");
  if (!mark) return mark.error();
  mark->bind(1, sql(end.cursor)).bind(2, end.log_hash);
  return mark->run();
}

// Change sets the engine set aside are kept whole until they fit or are
// looked at; taking one up removes its row in the same transaction.
Result<void> keep_aside(Database& db, const sync::ReceivedChangeSet& r) {
  auto q = db.prepare(
      "INSERT OR REPLACE INTO pending_received(server_seq, envelope, disposition, reason) VALUES(?, ?, ?, ?)");
  if (!q) return q.error();
  q->bind(1, sql(r.server_seq)).bind(2, r.envelope).bind(3, static_cast<std::int64_t>(r.disposition)).bind(4, r.reason);
  return q->run();
}

Result<void> take_up(Database& db, const sync::ReceivedChangeSet& r) {
  auto q = db.prepare("DELETE FROM pending_received WHERE server_seq = ?");
  if (!q) return q.error();
  q->bind(1, sql(r.server_seq));
  return q->run();
}

void bind_author_seq(Statement& q, int index, const sync::ReceivedChangeSet& r) {
  if (r.author_seq == 0) {
    q.bind_null(index);  // unknown: matches nothing
  } else {
    q.bind(index, sql(r.author_seq));
  }
}

enum class Seen { no, yes, fork };

// A change set seen before (an own echo, or one re-pushed after a server
// restore) only takes its current server number. It is found by its
// author's sequence number and must carry the same id; another id at a
// number already held is a fork of the author's chain, which only a lying
// server or a leaked signing key can produce.
Result<Seen> renumber_if_seen(Database& db, const sync::ReceivedChangeSet& r) {
  auto held = db.prepare("SELECT id FROM received_changeset WHERE author = ? AND author_seq = ?");
  if (!held) return held.error();
  held->bind(1, r.author);
  bind_author_seq(*held, 2, r);
  auto row = held->step();
  if (!row) return row.error();
  // An own change set coming back: its echo, proof the server kept it.
  const char* renumber =
      "UPDATE OR FAIL sealed_changeset SET server_seq = ?1, echoed = 1 WHERE author_seq = ?3 AND id = ?4";
  if (*row) {
    if (held->array<16>(0) != r.id) return Seen::fork;
    renumber = "UPDATE OR FAIL received_changeset SET server_seq = ?1 WHERE author = ?2 AND author_seq = ?3 AND id = ?4";
  }
  auto q = db.prepare(renumber);
  if (!q) return q.error();
  q->bind(1, sql(r.server_seq)).bind(2, r.author).bind(4, r.id);
  bind_author_seq(*q, 3, r);
  if (auto done = q->run(); !done) return done.error();
  return db.changes() != 0 ? Seen::yes : Seen::no;
}

struct Refusal {
  std::string reason;
  std::optional<model::Op> op;  // the first offending op, when there is one
};

// model::check_change_set decides (limits, author, class, as every client
// does); the first op failing it is kept with the reason, for review.
std::optional<Refusal> check_received(const sync::ReceivedChangeSet& r, const Result<std::vector<model::Op>>& ops) {
  if (!ops) return Refusal{"change set refused: its plaintext does not decode (" + ops.error().message + ")", {}};
  auto checked = model::check_change_set(*ops, r.author, r.change_class);
  if (checked) return std::nullopt;
  Refusal refusal{"change set refused: " + checked.error().message, {}};
  for (const auto& op : *ops) {
    if (!model::check_op_limits(op) || op.device != r.author || !model::class_allows(r.change_class, op)) {
      refusal.op = op;
      break;
    }
  }
  return refusal;
}

Result<void> record_refusal(Database& db, const sync::ReceivedChangeSet& r, const Refusal& refusal) {
  auto q = db.prepare(
      "INSERT INTO conflict(op_hash, kind, id, field, value, hlc, device, reason, refused_change_set) "
      "VALUES(NULL, ?, ?, ?, NULL, ?, ?, ?, ?)");
  if (!q) return q.error();
  if (refusal.op) {
    q->bind(1, static_cast<std::int64_t>(refusal.op->kind)).bind(2, refusal.op->id).bind(3, refusal.op->field);
    q->bind(4, sql(refusal.op->hlc.packed));
  } else {
    q->bind_null(1).bind_null(2).bind_null(3).bind_null(4);
  }
  q->bind(5, r.author).bind(6, refusal.reason).bind(7, r.id);
  return q->run();
}

// Received envelopes go end to end into one chunk per applied page (schema
// v3); each row says where its envelope lies. A chunk is closed at this size
// so that no single value grows without bound.
constexpr std::size_t kChunkBytes = 4u << 20;

class EnvelopeKeeper {
 public:
  explicit EnvelopeKeeper(Database& db) : db_(db), bytes_(reused_buffer()) { bytes_.clear(); }

  Result<void> keep(const sync::ReceivedChangeSet& r, bool refused) {
    if (chunk_ == 0) {
      auto last = db_.prepare("SELECT coalesce(max(chunk), 0) FROM received_envelopes");
      if (!last) return last.error();
      auto row = last->step();
      if (!row) return row.error();
      chunk_ = last->int64(0) + 1;
    }
    auto q = db_.prepare(
        "INSERT INTO received_changeset(id, server_seq, author, class, refused, envelope_chunk, envelope_at, "
        "envelope_size, author_seq) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!q) return q.error();
    q->bind(1, r.id).bind(2, sql(r.server_seq)).bind(3, r.author).bind(4, static_cast<std::int64_t>(r.change_class));
    q->bind(5, std::int64_t{refused ? 1 : 0}).bind(6, chunk_).bind(7, static_cast<std::int64_t>(bytes_.size()));
    q->bind(8, static_cast<std::int64_t>(r.envelope.size()));
    bind_author_seq(*q, 9, r);
    if (auto done = q->run(); !done) return done;
    bytes_.insert(bytes_.end(), r.envelope.begin(), r.envelope.end());
    return bytes_.size() >= kChunkBytes ? flush() : Result<void>{};
  }

  //! Writes the open chunk; call before commit. Made as a zeroblob and
  //! filled in place: binding megabytes made SQLite copy them twice into
  //! fresh allocations, and their page faults cost more than the writes.
  Result<void> flush() {
    if (bytes_.empty()) return {};
    auto q = db_.prepare("INSERT INTO received_envelopes(chunk, bytes) VALUES(?, zeroblob(?))");
    if (!q) return q.error();
    q->bind(1, chunk_).bind(2, static_cast<std::int64_t>(bytes_.size()));
    if (auto done = q->run(); !done) return done;
    if (auto done = db_.write_blob("received_envelopes", "bytes", chunk_, bytes_); !done) return done;
    bytes_.clear();
    ++chunk_;
    return {};
  }

 private:
  // One buffer per thread, kept between pages: a fresh 4 MiB each page cost
  // a page fault per 4 KiB. It holds envelopes only, which are ciphertext.
  static Bytes& reused_buffer() {
    static thread_local Bytes buffer;
    return buffer;
  }

  Database& db_;
  std::int64_t chunk_ = 0;  // 0: not numbered yet
  Bytes& bytes_;
};

// The heads of the authors' chains, and which of them a transaction moved:
// written once at its end (one row per author, not one write per change set).
struct MovedHeads {
  std::map<crypto::DeviceId, sync::ChainHead> heads;
  std::set<crypto::DeviceId> moved;
  bool loaded = false;
  bool vault_touched = false;  // a restricted case's blob or key arrived
};

Result<void> write_heads(Database& db, const MovedHeads& m) {
  for (const auto& author : m.moved) {
    const auto& head = m.heads.at(author);
    auto q = db.prepare(
        "INSERT OR REPLACE INTO author_head(author, seq, hash, registry_seen) VALUES(?, ?, ?, ?)");
    if (!q) return q.error();
    q->bind(1, author).bind(2, sql(head.seq)).bind(3, head.hash).bind(4, sql(head.registry_seen));
    if (auto r = q->run(); !r) return r;
  }
  return {};
}

// Merges one change set by its disposition; answers the highest HLC among
// its ops merged (0 when none was), which the clock must move past.
Result<std::uint64_t> apply_one(Database& db, Merger& merger, EnvelopeKeeper& envelopes, MovedHeads& heads,
                                sync::ApplySummary& summary, const sync::ReceivedChangeSet& r, std::uint64_t now_ms) {
  if (r.from_pending) {
    if (auto done = take_up(db, r); !done) return done.error();
  }
  if (r.disposition == sync::Disposition::hold || r.disposition == sync::Disposition::quarantine) {
    if (auto kept = keep_aside(db, r); !kept) return kept.error();
    return std::uint64_t{0};
  }
  auto seen = renumber_if_seen(db, r);
  if (!seen) return seen.error();
  if (*seen == Seen::yes) return std::uint64_t{0};
  if (*seen == Seen::fork) {
    ++summary.forks;
    const Refusal fork{"change set refused: its author already signed another change set numbered " +
                           std::to_string(r.author_seq),
                       {}};
    if (auto rec = record_refusal(db, r, fork); !rec) return rec.error();
    return std::uint64_t{0};  // the first one stays; this one is not kept
  }
  const auto advance_head = [&] {
    auto& head = heads.heads[r.author];
    if (r.author_seq > head.seq) {
      head = sync::ChainHead{r.author_seq, r.hash, r.registry_seen};
      heads.moved.insert(r.author);
    }
  };
  // In its author's chain, its content refused: kept and listed with its
  // author and why on every replica, never merged.
  const auto refuse = [&](const Refusal& refusal) -> Result<std::uint64_t> {
    advance_head();
    if (auto rec = record_refusal(db, r, refusal); !rec) return rec.error();
    if (auto kept = envelopes.keep(r, true); !kept) return kept.error();
    return std::uint64_t{0};
  };
  if (r.disposition == sync::Disposition::refuse) return refuse(Refusal{"change set refused: " + r.reason, {}});

  const auto ops = model::decode_ops(r.plaintext);
  if (auto refusal = check_received(r, ops)) return refuse(*refusal);
  const auto authority = model::check_authority(*ops, r.author, r.role, now_ms);
  if (authority.verdict == model::AuthorityVerdict::too_early) {
    // Kept aside and taken up again once this device's clock has come that far.
    sync::ReceivedChangeSet waiting = r;
    waiting.disposition = sync::Disposition::quarantine;
    waiting.reason = authority.reason;
    if (auto kept = keep_aside(db, waiting); !kept) return kept.error();
    return std::uint64_t{0};
  }
  if (authority.verdict == model::AuthorityVerdict::refused) {
    return refuse(Refusal{"change set refused: " + authority.reason, authority.op});
  }
  advance_head();
  std::uint64_t max_hlc = 0;
  for (const auto& op : *ops) {
    max_hlc = std::max(max_hlc, op.hlc.packed);
    // A restricted case's blob is kept, not merged: its ops merge once
    // this device holds the key (open_vault, at the end of the page).
    if (op.kind == model::EntityKind::case_sealed) {
      heads.vault_touched = true;
      if (auto kept = keep_blob(db, r, op); !kept) return kept.error();
      continue;
    }
    if (op.kind == model::EntityKind::case_key) heads.vault_touched = true;
    if (auto merged = merger.merge(op); !merged) return merged.error();
  }
  if (auto kept = envelopes.keep(r, false); !kept) return kept.error();
  return max_hlc;
}

// A pull page this full means the device is catching up: a newly enrolled
// tablet takes in the unit's history, 1,000 change sets a page.
constexpr std::size_t kCatchUpPageItems = 256;

}  // namespace

// In WAL mode every page is written twice, to the log and at checkpoint
// into the database, and a catch-up writes mostly new pages. A rollback
// journal writes a new page once (it journals only pages that existed
// when the transaction began), so catching up runs in TRUNCATE mode: still
// atomic and durable with synchronous = FULL, and the journal holds pages
// encrypted like the database. Measured with 100k change sets: about 1 s
// less. A note written meanwhile costs more (~1.5 ms, not 0.85), which is
// why the store goes back to WAL after the first page that is not full.
void LocalStore::use_catch_up_journal(bool on) {
  if (on == catching_up_) return;
  // PRAGMA journal_mode answers the mode in force; one that did not change
  // (say, no space to checkpoint the log) is as safe, only slower.
  auto mode = db_->pragma_value(on ? "journal_mode = TRUNCATE" : "journal_mode = WAL");
  if (mode) catching_up_ = *mode == "truncate";
}

// Applies each change set as the engine hands it over, so the store works
// while the engine still verifies the rest of the page.
Result<sync::ApplySummary> LocalStore::apply_received_stream(const sync::ReceivedSource& next,
                                                             const sync::LogPosition& end) {
  if (locked()) return locked_error();
  std::optional<Transaction> tx;
  std::optional<Merger> merger;
  std::optional<EnvelopeKeeper> envelopes;
  MovedHeads heads;
  sync::ApplySummary summary;
  std::uint64_t max_hlc = 0;
  std::size_t items = 0;
  for (;;) {
    auto r = next();
    if (!r) return r.error();
    if (!*r) break;
    if (!tx) {
      auto begun = db_->begin();
      if (!begun) return begun.error();
      tx.emplace(std::move(begun).value());
      auto me = load_identity();
      merger.emplace(*db_, me && *me ? std::optional((**me).device_id()) : std::nullopt);
      envelopes.emplace(*db_);
    }
    if (!heads.loaded) {
      // The heads this transaction starts from, so that one only moves forward.
      auto held = author_heads();
      if (!held) return held.error();
      heads.heads = std::move(held).value();
      heads.loaded = true;
    }
    auto applied = apply_one(*db_, *merger, *envelopes, heads, summary, **r, wall_());
    if (!applied) return applied.error();
    max_hlc = std::max(max_hlc, *applied);
    ++items;
  }
  if (tx) {
    bool open = heads.vault_touched;
    if (!open) {
      auto waiting = vault_has_openable(*db_);
      if (!waiting) return waiting.error();
      open = *waiting;
    }
    if (open) {
      auto me = load_identity();
      if (!me) return me.error();
      if (*me) {
        auto opened = open_vault(*db_, *merger, **me, wall_());
        if (!opened) return opened.error();
        max_hlc = std::max(max_hlc, opened->max_hlc);
      }
    }
    if (auto done = merger->finish(); !done) return done.error();
    if (auto done = envelopes->flush(); !done) return done.error();
    if (auto done = write_heads(*db_, heads); !done) return done.error();
    // The cursor moves once per page, in the same transaction as its rows.
    if (auto done = set_position(*db_, end, max_hlc); !done) return done.error();
    if (auto done = tx->commit(); !done) return done.error();
  }
  // The journal changes between transactions only; the next page is
  // probably as full as this one.
  use_catch_up_journal(items >= kCatchUpPageItems);
  return summary;
}

}  // namespace varn::store
