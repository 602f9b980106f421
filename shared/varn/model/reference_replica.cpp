#include "varn/model/reference_replica.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "varn/model/change_set_codec.hpp"
#include "varn/model/domain.hpp"

namespace varn::model {
namespace {

// Each op as a one-op change set (version, count, op): the canonical form the
// store's state digest reproduces byte for byte (client/store store_state.cpp).
void put_op(Bytes& out, const Op& op) { put_bytes(out, encode_ops({op})); }

bool is_tombstoned(const std::map<std::tuple<EntityKind, EntityId, std::string>, Op>& winners, const EntityId& id) {
  auto it = winners.find({EntityKind::note, id, std::string(fields::kDeleted)});
  return it != winners.end() && it->second.value == "1";
}

}  // namespace

void ReferenceReplica::apply(const std::vector<Op>& ops) {
  for (const Op& op : ops) apply_one(op);
}

void ReferenceReplica::apply_one(const Op& op) {
  Bytes encoded;
  encoded.reserve(kMinEncodedOpBytes + op.field.size() + op.value.size());
  append_encoded_op(encoded, op);
  if (!seen_.insert(std::move(encoded)).second) return;
  if (is_person_address(op) && address_withheld_.contains(op.id)) return;
  if (withholds_address(op) && address_withheld_.insert(op.id).second) {
    winners_.erase(FieldKey{EntityKind::person, op.id, std::string(domain::kPersonAddress)});
  }
  const bool is_note = op.kind == EntityKind::note;
  if (is_note) note_ops_[op.id].push_back(op);

  FieldKey key{op.kind, op.id, op.field};
  TargetState target;
  if (auto it = winners_.find(key); it != winners_.end()) target.field_winner = it->second;
  if (auto it = signs_.find(op.id); is_note && it != signs_.end()) target.note_sign = it->second;

  switch (decide(op, target)) {
    case Verdict::apply:
      if (is_note && op.field == fields::kSigned) {
        signs_[op.id] = op;
        // A new earliest sign: the note's conflicts are exactly its ops
        // ordered after it, whatever was decided before.
        std::erase_if(conflicts_, [&](const Op& c) { return c.kind == EntityKind::note && c.id == op.id; });
        for (const Op& seen : note_ops_[op.id]) {
          if (conflicts_with_sign(seen, op)) conflicts_.push_back(seen);
        }
      } else {
        winners_[key] = op;
      }
      break;
    case Verdict::conflict:
      conflicts_.push_back(op);
      break;
    case Verdict::superseded:
    case Verdict::duplicate:
    case Verdict::withheld:
      break;
  }
}

crypto::Hash32 ReferenceReplica::state_hash() const {
  Bytes canon;
  // Field winners, except those of signed notes: which of them a replica
  // holds depends on arrival order, and the snapshot replaces them anyway.
  std::vector<const Op*> winners;
  for (const auto& [key, op] : winners_) {
    if (std::get<0>(key) == EntityKind::note && signs_.contains(std::get<1>(key))) continue;
    winners.push_back(&op);
  }
  put_u32(canon, static_cast<std::uint32_t>(winners.size()));
  for (const Op* op : winners) put_op(canon, *op);

  put_u32(canon, static_cast<std::uint32_t>(signs_.size()));
  for (const auto& [id, sign] : signs_) put_op(canon, sign);

  std::vector<Op> conflicts = conflicts_;
  std::sort(conflicts.begin(), conflicts.end(), op_less);
  conflicts.erase(std::unique(conflicts.begin(), conflicts.end()), conflicts.end());
  put_u32(canon, static_cast<std::uint32_t>(conflicts.size()));
  for (const Op& op : conflicts) put_op(canon, op);

  return crypto::labelled_hash("varn.model.state.v1", {canon});
}

std::optional<std::string> ReferenceReplica::value(EntityKind kind, const EntityId& id, std::string_view field) const {
  if (kind == EntityKind::note) {
    if (auto sign = signs_.find(id); sign != signs_.end()) {
      if (field == fields::kSigned) return sign->second.value;
      return snapshot_field(sign->second.value, field);
    }
    // A deleted draft shows nothing but its tombstone.
    if (field != fields::kDeleted && is_tombstoned(winners_, id)) return std::nullopt;
  }
  auto it = winners_.find(FieldKey{kind, id, std::string(field)});
  if (it == winners_.end()) return std::nullopt;
  return it->second.value;
}

std::optional<std::string> snapshot_field(const std::string& snapshot_json, std::string_view field) {
  const auto doc = nlohmann::json::parse(snapshot_json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
  const auto it = doc.find(field);
  if (it == doc.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace varn::model
