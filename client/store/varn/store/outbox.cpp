// LocalStore as the sync engine's store, outgoing side: outbox batches,
// sealed change sets, the own hash chain, acknowledgements, cursor.
#include <algorithm>

#include "varn/model/change_set_codec.hpp"
#include "varn/registry/entry.hpp"
#include "varn/store/case_vault.hpp"
#include "varn/store/database.hpp"
#include "varn/store/local_store.hpp"
#include "varn/sync/registry_keeper.hpp"

namespace varn::store {
namespace {

Error locked_error() { return make_error(Errc::locked, "the store is locked"); }

struct QueuedOp {
  std::int64_t op_id;
  model::Op op;
};

Result<void> read_queued(Statement& q, std::vector<QueuedOp>& out, std::optional<std::int64_t>& last_group) {
  for (;;) {
    auto row = q.step();
    if (!row) return row.error();
    if (!*row) return {};
    auto ops = model::decode_ops(q.blob_view(1));
    if (!ops || ops->size() != 1) return make_error(Errc::corrupt, "an outbox op does not decode");
    out.push_back({q.int64(0), std::move((*ops)[0])});
    last_group = q.is_null(2) ? std::nullopt : std::optional(q.int64(2));
  }
}

// The oldest `max_ops` ops, and the rest of the write the last of them
// belongs to: a write's authority is judged per change set (an entity's
// pointer only in the change set that creates it), so none is split.
Result<std::vector<QueuedOp>> unsealed_ops(Database& db, std::size_t max_ops) {
  auto q = db.prepare(
      "SELECT op_id, op, write_group FROM outbox WHERE sealed_changeset IS NULL AND withdrawn = 0 ORDER BY op_id "
      "LIMIT ?");
  if (!q) return q.error();
  q->bind(1, static_cast<std::int64_t>(max_ops));
  std::vector<QueuedOp> out;
  std::optional<std::int64_t> group;
  if (auto r = read_queued(*q, out, group); !r) return r.error();
  if (out.size() < max_ops || !group) return out;
  auto rest = db.prepare(
      "SELECT op_id, op, write_group FROM outbox WHERE sealed_changeset IS NULL AND withdrawn = 0 AND write_group = ? "
      "AND op_id > ? ORDER BY op_id");
  if (!rest) return rest.error();
  rest->bind(1, *group).bind(2, out.back().op_id);
  std::optional<std::int64_t> unused;
  if (auto r = read_queued(*rest, out, unused); !r) return r.error();
  return out;
}

// Ops that may travel in either class (access log, addenda) go in the class
// this device's role may push: a reviewer's access-log entry sealed as field
// work would be refused by the server and block every later push.
Result<wire::ChangeSetClass> preferred_class(LocalStore& store) {
  auto role_text = store.setting(sync::settings::kRole);
  if (!role_text) return role_text.error();
  if (!*role_text) return wire::ChangeSetClass::field_work;
  auto role = registry::role_from_string(**role_text);
  if (role && !registry::role_may_write(*role, wire::ChangeSetClass::field_work) &&
      registry::role_may_write(*role, wire::ChangeSetClass::review)) {
    return wire::ChangeSetClass::review;
  }
  return wire::ChangeSetClass::field_work;
}

// The longest run from the oldest op that one class can carry: review as soon
// as an op needs it, as long as everything before may travel as review too.
std::size_t batch_length(const std::vector<QueuedOp>& queued, wire::ChangeSetClass preferred,
                         wire::ChangeSetClass& change_class) {
  const model::Op& first = queued.front().op;
  change_class = model::class_allows(preferred, first) ? preferred : model::class_for(first);
  std::size_t n = 1;
  for (; n < queued.size(); ++n) {
    const model::Op& op = queued[n].op;
    if (model::class_allows(change_class, op)) continue;
    const auto needed = model::class_for(op);
    bool all_fit = true;
    for (std::size_t i = 0; i < n && all_fit; ++i) all_fit = model::class_allows(needed, queued[i].op);
    if (!all_fit) break;
    change_class = needed;
  }
  return n;
}

// Ops of a restricted case this device can seal to nobody stay here,
// withdrawn from the outbox and listed as a conflict, so that neither do
// they travel in the clear nor do they hold back every later push.
Result<void> withhold_unsealable(Database& db, const std::vector<QueuedOp>& queued, std::size_t n,
                                 const std::vector<model::Op>& unsealable, const crypto::DeviceId& me,
                                 std::vector<std::int64_t>& op_ids) {
  auto tx = db.begin();
  if (!tx) return tx.error();
  for (std::size_t i = 0; i < n; ++i) {
    if (std::find(unsealable.begin(), unsealable.end(), queued[i].op) == unsealable.end()) continue;
    auto q = db.prepare("UPDATE outbox SET withdrawn = 1 WHERE op_id = ?");
    if (!q) return q.error();
    q->bind(1, queued[i].op_id);
    if (auto r = q->run(); !r) return r;
    op_ids.erase(std::remove(op_ids.begin(), op_ids.end(), queued[i].op_id), op_ids.end());
    const auto& op = queued[i].op;
    auto c = db.prepare(
        "INSERT INTO conflict(op_hash, kind, id, field, value, hlc, device, reason) VALUES(NULL, ?, ?, ?, NULL, ?, ?, ?)");
    if (!c) return c.error();
    c->bind(1, static_cast<std::int64_t>(op.kind)).bind(2, op.id).bind(3, op.field);
    c->bind(4, static_cast<std::int64_t>(op.hlc.packed)).bind(5, me);
    c->bind(6, "kept on this device, not sent: a restricted case with no enrolled device of its named staff to "
               "seal it to (ask a reviewer to name staff again)");
    if (auto r = c->run(); !r) return r;
  }
  return tx->commit();
}

}  // namespace

Result<sync::OutgoingBatch> LocalStore::next_outgoing(std::size_t max_ops) {
  if (locked()) return locked_error();
  sync::OutgoingBatch batch;
  if (max_ops == 0) return batch;
  auto queued = unsealed_ops(*db_, max_ops);
  if (!queued) return queued.error();
  if (queued->empty()) return batch;
  auto preferred = preferred_class(*this);
  if (!preferred) return preferred.error();
  const std::size_t n = batch_length(*queued, *preferred, batch.change_class);
  std::vector<model::Op> ops;
  for (std::size_t i = 0; i < n; ++i) {
    batch.op_ids.push_back((*queued)[i].op_id);
    ops.push_back((*queued)[i].op);
  }
  auto any = any_restricted_case(*db_);
  if (!any) return any.error();
  if (*any) {
    auto me = load_identity();
    if (!me) return me.error();
    if (!*me) return make_error(Errc::locked, "this device has no identity yet");
    auto sealed = seal_restricted(*db_, std::move(ops), (**me).device_id(), [this]() -> Result<registry::RegistryState> {
      if (verified_registry_) return *verified_registry_;
      sync::RegistryKeeper keeper(*this);
      return keeper.cached_state();
    });
    if (!sealed) return sealed.error();
    if (!sealed->unsealable.empty()) {
      auto kept = withhold_unsealable(*db_, *queued, n, sealed->unsealable, (**me).device_id(), batch.op_ids);
      if (!kept) return kept.error();
    }
    ops = std::move(sealed->ops);
    if (batch.op_ids.empty()) return next_outgoing(max_ops);  // all of it withheld: the next ones
  }
  batch.plaintext = model::encode_ops(ops);
  return batch;
}

Result<sync::ChainHead> LocalStore::chain_head() {
  if (locked()) return locked_error();
  auto q = db_->prepare("SELECT head_seq, head_hash FROM sync_state WHERE only = 1");
  if (!q) return q.error();
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return make_error(Errc::corrupt, "sync state row is missing");
  return sync::ChainHead{q->uint64(0), q->array<32>(1)};
}

Result<void> LocalStore::record_sealed(const sync::OutgoingBatch& batch, const sync::SealedChangeSet& sealed) {
  if (locked()) return locked_error();
  if (batch.op_ids.empty()) return make_error(Errc::invalid_argument, "an empty batch cannot be sealed");
  auto tx = db_->begin();
  if (!tx) return tx.error();
  auto head = chain_head();
  if (!head) return head.error();
  if (sealed.author_seq != head->seq + 1) {
    return make_error(Errc::conflict, "the sealed change set does not follow the chain head");
  }
  auto keep = db_->prepare(
      "INSERT INTO sealed_changeset(id, author_seq, hash, envelope, server_seq) VALUES(?, ?, ?, ?, ?)");
  if (!keep) return keep.error();
  keep->bind(1, sealed.id).bind(2, static_cast<std::int64_t>(sealed.author_seq)).bind(3, sealed.hash);
  keep->bind(4, sealed.envelope).bind(5, static_cast<std::int64_t>(sealed.server_seq));
  if (auto r = keep->run(); !r) return r;
  for (const std::int64_t op_id : batch.op_ids) {
    auto mark = db_->prepare("UPDATE outbox SET sealed_changeset = ? WHERE op_id = ? AND sealed_changeset IS NULL");
    if (!mark) return mark.error();
    mark->bind(1, sealed.id).bind(2, op_id);
    if (auto r = mark->run(); !r) return r;
    if (db_->changes() != 1) return make_error(Errc::conflict, "an op of the batch is unknown or already sealed");
  }
  auto move_head = db_->prepare("UPDATE sync_state SET head_seq = ?, head_hash = ? WHERE only = 1");
  if (!move_head) return move_head.error();
  move_head->bind(1, static_cast<std::int64_t>(sealed.author_seq)).bind(2, sealed.hash);
  if (auto r = move_head->run(); !r) return r;
  return tx->commit();
}

Result<std::vector<sync::SealedChangeSet>> LocalStore::unacknowledged() {
  if (locked()) return locked_error();
  auto q = db_->prepare(
      "SELECT id, author_seq, hash, envelope FROM sealed_changeset WHERE server_seq = 0 ORDER BY author_seq");
  if (!q) return q.error();
  std::vector<sync::SealedChangeSet> out;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back({q->array<16>(0), q->uint64(1), q->array<32>(2), q->blob(3), 0});
  }
}

Result<void> LocalStore::mark_acknowledged(const wire::ChangeSetId& id, std::uint64_t server_seq) {
  if (locked()) return locked_error();
  if (server_seq == 0) return make_error(Errc::invalid_argument, "server sequence numbers start at 1");
  // A new number (a heal) must echo again before it counts as kept.
  auto q = db_->prepare(
      "UPDATE sealed_changeset SET echoed = CASE WHEN server_seq = ?1 THEN echoed ELSE 0 END, server_seq = ?1 "
      "WHERE id = ?2");
  if (!q) return q.error();
  q->bind(1, static_cast<std::int64_t>(server_seq)).bind(2, id);
  if (auto r = q->run(); !r) return r;
  if (db_->changes() == 0) return make_error(Errc::not_found, "no sealed change set with this id");
  return {};
}

Result<void> LocalStore::replace_sealed(const sync::SealedChangeSet& sealed) {
  if (locked()) return locked_error();
  auto tx = db_->begin();
  if (!tx) return tx.error();
  auto q = db_->prepare(
      "UPDATE sealed_changeset SET envelope = ?, hash = ? WHERE id = ? AND author_seq = ? AND server_seq = 0");
  if (!q) return q.error();
  q->bind(1, sealed.envelope).bind(2, sealed.hash).bind(3, sealed.id).bind(4, static_cast<std::int64_t>(sealed.author_seq));
  if (auto r = q->run(); !r) return r;
  if (db_->changes() != 1) return make_error(Errc::conflict, "only an unacknowledged change set can be sealed again");
  auto head = db_->prepare("UPDATE sync_state SET head_hash = ? WHERE only = 1 AND head_seq = ?");
  if (!head) return head.error();
  head->bind(1, sealed.hash).bind(2, static_cast<std::int64_t>(sealed.author_seq));
  if (auto r = head->run(); !r) return r;
  return tx->commit();
}

Result<void> LocalStore::withdraw_unsent(std::uint64_t author_seq, const std::string& reason) {
  if (locked()) return locked_error();
  auto tx = db_->begin();
  if (!tx) return tx.error();
  auto target = db_->prepare("SELECT id, envelope FROM sealed_changeset WHERE author_seq = ? AND server_seq = 0");
  if (!target) return target.error();
  target->bind(1, static_cast<std::int64_t>(author_seq));
  auto row = target->step();
  if (!row) return row.error();
  if (!*row) return make_error(Errc::not_found, "no unacknowledged change set with that number");
  const auto id = target->array<16>(0);
  auto run = [&](const char* sql, auto bind) -> Result<void> {
    auto q = db_->prepare(sql);
    if (!q) return q.error();
    bind(*q);
    return q->run();
  };
  const auto seq = static_cast<std::int64_t>(author_seq);
  if (auto r = run("UPDATE outbox SET withdrawn = 1 WHERE sealed_changeset = ?", [&](Statement& q) { q.bind(1, id); }); !r) {
    return r;
  }
  auto me = load_identity();
  const crypto::DeviceId author = me && *me ? (**me).device_id() : crypto::DeviceId{};
  if (auto r = run("INSERT INTO conflict(op_hash, reason, device, refused_change_set) VALUES(NULL, ?, ?, ?)",
                   [&](Statement& q) { q.bind(1, reason).bind(2, author).bind(3, id); });
      !r) {
    return r;
  }
  // Later change sets go back to the outbox, to be sealed again after the head.
  if (auto r = run("UPDATE outbox SET sealed_changeset = NULL WHERE sealed_changeset IN "
                   "(SELECT id FROM sealed_changeset WHERE author_seq >= ? AND server_seq = 0)",
                   [&](Statement& q) { q.bind(1, seq); });
      !r) {
    return r;
  }
  if (auto r = run("DELETE FROM sealed_changeset WHERE author_seq >= ? AND server_seq = 0",
                   [&](Statement& q) { q.bind(1, seq); });
      !r) {
    return r;
  }
  auto before = db_->prepare("SELECT hash FROM sealed_changeset WHERE author_seq = ?");
  if (!before) return before.error();
  before->bind(1, seq - 1);
  auto found = before->step();
  if (!found) return found.error();
  const crypto::Hash32 head = *found ? before->array<32>(0) : crypto::Hash32{};
  if (auto r = run("UPDATE sync_state SET head_seq = ?, head_hash = ? WHERE only = 1",
                   [&](Statement& q) { q.bind(1, seq - 1).bind(2, head); });
      !r) {
    return r;
  }
  return tx->commit();
}

Result<std::vector<sync::SealedChangeSet>> LocalStore::unechoed() {
  if (locked()) return locked_error();
  auto q = db_->prepare(
      "SELECT id, author_seq, hash, envelope, server_seq FROM sealed_changeset WHERE server_seq > 0 AND echoed = 0 "
      "ORDER BY author_seq");
  if (!q) return q.error();
  std::vector<sync::SealedChangeSet> out;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back({q->array<16>(0), q->uint64(1), q->array<32>(2), q->blob(3), q->uint64(4)});
  }
}

Result<sync::LogPosition> LocalStore::log_position() {
  if (locked()) return locked_error();
  auto q = db_->prepare("SELECT cursor, log_hash FROM sync_state WHERE only = 1");
  if (!q) return q.error();
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return make_error(Errc::corrupt, "sync state row is missing");
  return sync::LogPosition{q->uint64(0), q->array<32>(1)};
}

Result<std::vector<sync::LogPosition>> LocalStore::log_marks() {
  if (locked()) return locked_error();
  auto q = db_->prepare("SELECT cursor, log_hash FROM log_mark ORDER BY cursor");
  if (!q) return q.error();
  std::vector<sync::LogPosition> out{sync::LogPosition{}};
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back({q->uint64(0), q->array<32>(1)});
  }
}

Result<std::map<crypto::DeviceId, sync::ChainHead>> LocalStore::author_heads() {
  if (locked()) return locked_error();
  auto q = db_->prepare("SELECT author, seq, hash, registry_seen FROM author_head");
  if (!q) return q.error();
  std::map<crypto::DeviceId, sync::ChainHead> out;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return out;
    out[q->array<16>(0)] = sync::ChainHead{q->uint64(1), q->array<32>(2), q->uint64(3)};
  }
}

Result<std::vector<sync::PendingChangeSet>> LocalStore::pending_received() {
  if (locked()) return locked_error();
  auto q = db_->prepare("SELECT server_seq, envelope, disposition, reason FROM pending_received ORDER BY server_seq");
  if (!q) return q.error();
  std::vector<sync::PendingChangeSet> out;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back({q->uint64(0), q->blob(1), static_cast<sync::Disposition>(q->int64(2)), q->text(3)});
  }
}

Result<std::vector<Bytes>> LocalStore::held_envelopes_after(std::uint64_t after) {
  if (locked()) return locked_error();
  // Own envelopes are whole rows; received ones are slices of a chunk (schema v3).
  auto q = db_->prepare(
      "SELECT server_seq, envelope, 0, 0, 0 FROM sealed_changeset WHERE server_seq > ?1 "
      "UNION ALL SELECT server_seq, NULL, envelope_chunk, envelope_at, envelope_size FROM received_changeset "
      "WHERE server_seq > ?1 ORDER BY 1");
  if (!q) return q.error();
  q->bind(1, static_cast<std::int64_t>(after));
  std::vector<Bytes> out;
  std::int64_t chunk_id = 0;
  Bytes chunk;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return out;
    if (!q->is_null(1)) {
      out.push_back(q->blob(1));
      continue;
    }
    if (q->int64(2) != chunk_id) {
      auto read = db_->prepare("SELECT bytes FROM received_envelopes WHERE chunk = ?");
      if (!read) return read.error();
      read->bind(1, q->int64(2));
      auto found = read->step();
      if (!found) return found.error();
      if (!*found) return make_error(Errc::corrupt, "a received envelope's chunk is missing");
      chunk = read->blob(0);
      chunk_id = q->int64(2);
    }
    const auto at = static_cast<std::uint64_t>(q->int64(3));
    const auto size = static_cast<std::uint64_t>(q->int64(4));
    if (at > chunk.size() || size > chunk.size() - at) {
      return make_error(Errc::corrupt, "a received envelope lies outside its chunk");
    }
    out.emplace_back(chunk.begin() + static_cast<std::ptrdiff_t>(at), chunk.begin() + static_cast<std::ptrdiff_t>(at + size));
  }
}

Result<void> LocalStore::rewind(const sync::LogPosition& to) {
  if (locked()) return locked_error();
  auto position = log_position();
  if (!position) return position.error();
  if (to.cursor > position->cursor) return make_error(Errc::invalid_argument, "the log position can only move back");
  auto tx = db_->begin();
  if (!tx) return tx.error();
  auto q = db_->prepare("UPDATE sync_state SET cursor = ?, log_hash = ? WHERE only = 1");
  if (!q) return q.error();
  q->bind(1, static_cast<std::int64_t>(to.cursor)).bind(2, to.log_hash);
  if (auto r = q->run(); !r) return r;
  auto marks = db_->prepare("DELETE FROM log_mark WHERE cursor > ?");
  if (!marks) return marks.error();
  marks->bind(1, static_cast<std::int64_t>(to.cursor));
  if (auto r = marks->run(); !r) return r;
  // Own change sets after the point must echo again to count as kept.
  auto echoes = db_->prepare("UPDATE sealed_changeset SET echoed = 0 WHERE server_seq > ?");
  if (!echoes) return echoes.error();
  echoes->bind(1, static_cast<std::int64_t>(to.cursor));
  if (auto r = echoes->run(); !r) return r;
  return tx->commit();
}

}  // namespace varn::store
