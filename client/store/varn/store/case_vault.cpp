#include "varn/store/case_vault.hpp"

#include <algorithm>
#include <map>

#include "varn/model/authority.hpp"
#include "varn/model/change_set_codec.hpp"
#include "varn/model/domain.hpp"
#include "varn/store/database.hpp"
#include "varn/store/merge_writer.hpp"
#include "varn/store/queries.hpp"

namespace varn::store {

namespace dom = model::domain;
using model::EntityId;
using model::EntityKind;

namespace {


// visible_field: a signed note's pointers are those of its snapshot (the
// field winners of a signed note depend on the order its ops arrived in).
Result<std::optional<EntityId>> pointed_at(Database& db, EntityKind kind, const EntityId& id, std::string_view field) {
  auto value = visible_field(db, kind, id, field);
  if (!value) return value.error();
  if (!*value) return std::optional<EntityId>{};
  return array_from_hex<16>(**value);
}

// The case an op's entity belongs to, restricted or not.
Result<std::optional<EntityId>> case_of_entity(Database& db, const model::Op& op) {
  switch (op.kind) {
    case EntityKind::case_file:
      return std::optional<EntityId>(op.id);
    case EntityKind::visit:
    case EntityKind::note:
    case EntityKind::task:
    case EntityKind::safety_plan:
    case EntityKind::placement:
    case EntityKind::child:
    case EntityKind::assessment:
      return pointed_at(db, op.kind, op.id, "case");
    case EntityKind::addendum:
    case EntityKind::review: {
      auto note = pointed_at(db, op.kind, op.id, "note");
      if (!note || !*note) return note;
      return pointed_at(db, EntityKind::note, **note, dom::kNoteCase);
    }
    case EntityKind::child_decision: {
      auto child = pointed_at(db, op.kind, op.id, dom::kChildDecisionChild);
      if (!child || !*child) return child;
      return pointed_at(db, EntityKind::child, **child, dom::kChildCase);
    }
    default:
      return std::optional<EntityId>{};
  }
}

// Blobs stay well under the codec's 1 MiB value (base64 adds a third).
constexpr std::size_t kBlobPlaintextBytes = 512u << 10;

// An entity's ops stay in one blob (its pointer counts only beside its
// creation, authority.cpp); blobs fill up entity by entity.
std::vector<std::vector<model::Op>> in_chunks(std::vector<model::Op> ops) {
  std::vector<std::pair<model::EntityKind, EntityId>> order;
  std::map<std::pair<model::EntityKind, EntityId>, std::vector<model::Op>> by_entity;
  for (auto& op : ops) {
    auto key = std::pair{op.kind, op.id};
    auto& list = by_entity[key];
    if (list.empty()) order.push_back(key);
    list.push_back(std::move(op));
  }
  std::vector<std::vector<model::Op>> out(1);
  std::size_t bytes = 0;
  for (const auto& key : order) {
    auto& list = by_entity[key];
    std::size_t size = 0;
    for (const auto& op : list) size += op.field.size() + op.value.size() + model::kMinEncodedOpBytes;
    if (!out.back().empty() && bytes + size > kBlobPlaintextBytes) {
      out.emplace_back();
      bytes = 0;
    }
    bytes += size;
    for (auto& op : list) out.back().push_back(std::move(op));
  }
  return out;
}

model::Hlc latest(const std::vector<model::Op>& ops) {
  model::Hlc h{};
  for (const auto& op : ops) h = std::max(h, op.hlc);
  return h;
}

struct BlobRow {
  EntityId case_id{};
  std::string blob_id;
  crypto::DeviceId author{};
  wire::ChangeSetClass change_class = wire::ChangeSetClass::field_work;
  std::optional<registry::Role> role;
  wire::ChangeSetId change_set{};
  Bytes op;
  crypto::SecretBuffer key{model::kCaseKeyBytes};
};

Result<void> mark_blob(Database& db, const BlobRow& b, int state) {
  auto q = db.prepare("UPDATE OR FAIL vault_blob SET opened = ? WHERE case_id = ? AND author = ? AND blob_id = ?");
  if (!q) return q.error();
  q->bind(1, std::int64_t{state}).bind(2, b.case_id).bind(3, b.author).bind(4, b.blob_id);
  return q->run();
}

constexpr int kOpened = 1;
constexpr int kRefused = 2;

Result<void> refuse_blob(Database& db, const BlobRow& b, const std::string& why) {
  auto q = db.prepare(
      "INSERT INTO conflict(op_hash, kind, id, field, value, hlc, device, reason, refused_change_set) "
      "VALUES(NULL, ?, ?, NULL, NULL, NULL, ?, ?, ?)");
  if (!q) return q.error();
  q->bind(1, static_cast<std::int64_t>(EntityKind::case_file)).bind(2, b.case_id).bind(3, b.author);
  q->bind(4, "restricted case content refused: " + why).bind(5, b.change_set);
  if (auto r = q->run(); !r) return r;
  return mark_blob(db, b, kRefused);
}

// What every replica checks on a blob's ops, as on a change set's.
std::optional<std::string> inner_fault(const BlobRow& b, const std::vector<model::Op>& inner) {
  if (auto checked = model::check_change_set(inner, b.author, b.change_class); !checked) return checked.error().message;
  for (const auto& op : inner) {
    if (model::is_vault_envelope_op(op)) return std::string("a blob may not carry a restriction, a key or a blob");
  }
  return std::nullopt;
}

Result<std::size_t> open_boxes(Database& db, const crypto::DeviceIdentity& me) {
  const std::string prefix = to_hex(me.device_id()) + ".";
  auto q = db.prepare(
      "SELECT id, field, value FROM field_value WHERE kind = ?1 AND substr(field, 1, ?2) = ?3 UNION ALL "
      "SELECT id, field, value FROM op_log WHERE kind = ?1 AND substr(field, 1, ?2) = ?3");
  if (!q) return q.error();
  q->bind(1, static_cast<std::int64_t>(EntityKind::case_key)).bind(2, static_cast<std::int64_t>(prefix.size()));
  q->bind(3, prefix);
  struct Box {
    EntityId case_id;
    std::string field, value;
  };
  std::vector<Box> boxes;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) break;
    boxes.push_back({q->array<16>(0), q->text(1), q->text(2)});
  }
  std::size_t opened = 0;
  for (const auto& box : boxes) {
    auto named = model::parse_key_box_field(box.field);
    if (!named) continue;
    auto held = held_case_key(db, box.case_id, named->second);
    if (!held) return held.error();
    if (*held) continue;
    // A box that does not open, or holds another key than it names, is
    // someone's mistake or attack; the genuine box of that key still counts.
    auto key = model::open_key_box(me.box(), box.field, box.value);
    if (!key) continue;
    if (auto r = keep_case_key(db, box.case_id, *key); !r) return r.error();
    ++opened;
  }
  return opened;
}

Result<std::vector<BlobRow>> openable_blobs(Database& db) {
  auto q = db.prepare(
      "SELECT b.case_id, b.blob_id, b.author, b.class, b.role, b.change_set, b.op, k.key FROM vault_blob b "
      "JOIN case_key k ON k.case_id = b.case_id AND k.key_id = b.key_id WHERE b.opened = 0 ORDER BY b.rowid");
  if (!q) return q.error();
  std::vector<BlobRow> out;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return out;
    BlobRow b;
    b.case_id = q->array<16>(0);
    b.blob_id = q->text(1);
    b.author = q->array<16>(2);
    b.change_class = static_cast<wire::ChangeSetClass>(q->int64(3));
    if (!q->is_null(4)) b.role = static_cast<registry::Role>(q->int64(4));
    b.change_set = q->array<16>(5);
    b.op = q->blob(6);
    b.key = crypto::SecretBuffer::copy_of(q->blob_view(7));
    out.push_back(std::move(b));
  }
}

}  // namespace

Result<std::optional<model::Restriction>> restriction_of(Database& db, const EntityId& case_id) {
  auto staff = stored_field(db, EntityKind::case_file, case_id, model::kCaseRestriction);
  if (!staff) return staff.error();
  auto key = stored_field(db, EntityKind::case_file, case_id, model::kCaseRestrictionKey);
  if (!key) return key.error();
  return model::decode_restriction(*staff, *key);
}

Result<std::optional<EntityId>> restricted_case_of(Database& db, const model::Op& op) {
  if (model::is_vault_envelope_op(op)) return std::optional<EntityId>{};
  std::vector<EntityId> cases;
  if (op.kind == EntityKind::person) {
    auto found = referring(db, EntityKind::case_file, dom::kCasePerson, op.id);
    if (!found) return found.error();
    cases = std::move(found).value();
  } else {
    auto found = case_of_entity(db, op);
    if (!found) return found.error();
    if (*found) cases.push_back(**found);
  }
  for (const auto& c : cases) {
    auto r = restriction_of(db, c);
    if (!r) return r.error();
    if (*r) return std::optional<EntityId>(c);
  }
  return std::optional<EntityId>{};
}

Result<std::optional<crypto::SecretBuffer>> held_case_key(Database& db, const EntityId& case_id,
                                                          const model::CaseKeyId& key_id) {
  auto q = db.prepare("SELECT key FROM case_key WHERE case_id = ? AND key_id = ?");
  if (!q) return q.error();
  q->bind(1, case_id).bind(2, key_id);
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return std::optional<crypto::SecretBuffer>{};
  return std::optional(crypto::SecretBuffer::copy_of(q->blob_view(0)));
}

Result<void> keep_case_key(Database& db, const EntityId& case_id, const model::CaseKey& key) {
  auto q = db.prepare("INSERT OR IGNORE INTO case_key(case_id, key_id, key) VALUES(?, ?, ?)");
  if (!q) return q.error();
  q->bind(1, case_id).bind(2, key.id).bind(3, key.key.view());
  return q->run();
}

Result<std::vector<model::CaseKeyId>> held_key_ids(Database& db, const EntityId& case_id) {
  auto q = db.prepare("SELECT key_id FROM case_key WHERE case_id = ? ORDER BY key_id");
  if (!q) return q.error();
  q->bind(1, case_id);
  std::vector<model::CaseKeyId> out;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back(q->array<12>(0));
  }
}

Result<bool> any_restricted_case(Database& db) {
  auto q = db.prepare("SELECT 1 FROM field_value WHERE kind = ? AND field = 'restriction' LIMIT 1");
  if (!q) return q.error();
  q->bind(1, static_cast<std::int64_t>(EntityKind::case_file));
  return q->step();
}

Result<std::vector<EntityId>> restricted_cases(Database& db) {
  return ids_with_field(db, EntityKind::case_file, model::kCaseRestriction);
}

Result<std::vector<VaultRecipient>> recipients_of(Database& db, const registry::RegistryState& state,
                                                  const std::vector<std::string>& staff) {
  std::vector<VaultRecipient> out;
  for (const auto& hex : staff) {
    auto id = array_from_hex<16>(hex);
    if (!id) continue;
    auto q = db.prepare("SELECT field FROM field_value WHERE kind = ? AND id = ? AND field LIKE 'device.%' AND value = '1'");
    if (!q) return q.error();
    q->bind(1, static_cast<std::int64_t>(EntityKind::staff)).bind(2, *id);
    for (;;) {
      auto row = q->step();
      if (!row) return row.error();
      if (!*row) break;
      auto device = array_from_hex<16>(q->text(0).substr(dom::kStaffDevicePrefix.size()));
      if (!device) continue;
      const registry::DeviceState* active = state.active(*device);
      if (active == nullptr) continue;
      out.push_back({*device, active->bundle.box_key});
    }
  }
  std::sort(out.begin(), out.end(), [](const VaultRecipient& a, const VaultRecipient& b) { return a.device < b.device; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const VaultRecipient& a, const VaultRecipient& b) { return a.device == b.device; }),
            out.end());
  return out;
}

Result<SealedOps> seal_restricted(Database& db, std::vector<model::Op> ops, const crypto::DeviceId& me,
                                  const std::function<Result<registry::RegistryState>()>& registry) {
  SealedOps sealed;
  auto& out = sealed.ops;
  auto& unsealable = sealed.unsealable;
  std::map<EntityId, std::vector<model::Op>> by_case;
  for (auto& op : ops) {
    auto c = restricted_case_of(db, op);
    if (!c) return c.error();
    if (*c) {
      by_case[**c].push_back(std::move(op));
    } else {
      out.push_back(std::move(op));
    }
  }
  for (auto& [case_id, inner] : by_case) {
    auto restriction = restriction_of(db, case_id);
    if (!restriction) return restriction.error();
    auto held = held_case_key(db, case_id, (**restriction).current);
    if (!held) return held.error();
    const model::Hlc stamp = latest(inner);
    model::CaseKey key;
    if (*held) {
      key = model::CaseKey{(**restriction).current, std::move(**held)};
    } else {
      key = model::new_case_key();
      auto state = registry();
      if (!state) return state.error();
      auto to = recipients_of(db, *state, (**restriction).staff);
      if (!to) return to.error();
      if (to->empty()) {
        // Kept here and listed (LocalStore::next_outgoing), never sent in the clear.
        unsealable.insert(unsealable.end(), std::make_move_iterator(inner.begin()), std::make_move_iterator(inner.end()));
        continue;
      }
      for (const auto& r : *to) {
        auto box = model::seal_key_box(key, case_id, r.device, r.box, stamp, me);
        if (!box) return box.error();
        out.push_back(std::move(*box));
      }
    }
    for (auto& chunk : in_chunks(std::move(inner))) {
      auto blob = model::seal_case_ops(key, case_id, chunk, latest(chunk), me);
      if (blob) {
        out.push_back(std::move(*blob));
      } else {
        unsealable.insert(unsealable.end(), std::make_move_iterator(chunk.begin()), std::make_move_iterator(chunk.end()));
      }
    }
  }
  return sealed;
}

Result<void> keep_blob(Database& db, const sync::ReceivedChangeSet& r, const model::Op& blob) {
  auto key_id = model::blob_key_id(blob);
  if (!key_id) return {};  // no key opens it: kept nowhere, refused with nothing to merge
  auto q = db.prepare(
      "INSERT OR IGNORE INTO vault_blob(case_id, blob_id, key_id, author, class, role, change_set, op, opened) "
      "VALUES(?, ?, ?, ?, ?, ?, ?, ?, 0)");
  if (!q) return q.error();
  q->bind(1, blob.id).bind(2, blob.field).bind(3, *key_id).bind(4, r.author);
  q->bind(5, static_cast<std::int64_t>(r.change_class));
  if (r.role) {
    q->bind(6, static_cast<std::int64_t>(*r.role));
  } else {
    q->bind_null(6);
  }
  q->bind(7, r.id).bind(8, model::encode_ops({blob}));
  return q->run();
}

Result<bool> vault_has_openable(Database& db) {
  auto q = db.prepare(
      "SELECT 1 FROM vault_blob b JOIN case_key k ON k.case_id = b.case_id AND k.key_id = b.key_id "
      "WHERE b.opened = 0 LIMIT 1");
  if (!q) return q.error();
  return q->step();
}

Result<VaultOpening> open_vault(Database& db, Merger& merger, const crypto::DeviceIdentity& me, std::uint64_t now_ms) {
  VaultOpening result;
  auto keys = open_boxes(db, me);
  if (!keys) return keys.error();
  result.keys = *keys;
  auto blobs = openable_blobs(db);
  if (!blobs) return blobs.error();
  for (const auto& b : *blobs) {
    auto outer = model::decode_ops(b.op);
    if (!outer || outer->size() != 1) return make_error(Errc::corrupt, "a kept case blob does not decode");
    auto inner = model::open_case_ops(b.key, outer->front());
    if (!inner) {
      if (auto r = refuse_blob(db, b, inner.error().message); !r) return r.error();
      ++result.refused;
      continue;
    }
    if (auto fault = inner_fault(b, *inner)) {
      if (auto r = refuse_blob(db, b, *fault); !r) return r.error();
      ++result.refused;
      continue;
    }
    const auto authority = model::check_authority(*inner, b.author, b.role, now_ms);
    if (authority.verdict == model::AuthorityVerdict::too_early) continue;  // opened again later
    if (authority.verdict == model::AuthorityVerdict::refused) {
      if (auto r = refuse_blob(db, b, authority.reason); !r) return r.error();
      ++result.refused;
      continue;
    }
    for (const auto& op : *inner) {
      if (auto merged = merger.merge(op); !merged) return merged.error();
      result.max_hlc = std::max(result.max_hlc, op.hlc.packed);
    }
    if (auto r = mark_blob(db, b, kOpened); !r) return r.error();
    ++result.opened;
  }
  return result;
}

}  // namespace varn::store
