// Records and LocalStore: restricting a case, and the keys' upkeep at sync
// (model/case_vault.hpp, store/case_vault.hpp).
#include <algorithm>

#include "varn/model/authority.hpp"
#include "varn/model/case_vault.hpp"
#include "varn/model/caseload.hpp"
#include "varn/store/case_vault.hpp"
#include "varn/store/queries.hpp"
#include "varn/store/record_write.hpp"
#include "varn/store/records.hpp"

namespace varn::store {

using model::EntityKind;

namespace {

// Whether a box of this field was written by a device trusted to hold its
// key (`trusted`): one anybody else wrote may be garbage put there to keep
// the genuine one from being written, so it does not count.
Result<bool> has_trusted_box(Database& db, const EntityId& case_id, const std::string& field,
                             const std::vector<crypto::DeviceId>& trusted) {
  auto q = db.prepare(
      "SELECT device FROM field_value WHERE kind = ?1 AND id = ?2 AND field = ?3 UNION ALL "
      "SELECT device FROM op_log WHERE kind = ?1 AND id = ?2 AND field = ?3");
  if (!q) return q.error();
  q->bind(1, static_cast<std::int64_t>(EntityKind::case_key)).bind(2, case_id).bind(3, field);
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return false;
    if (std::find(trusted.begin(), trusted.end(), q->array<16>(0)) != trusted.end()) return true;
  }
}

// Seals `key` to each recipient lacking a trusted box for it; answers whether `me` is one.
Result<bool> put_boxes(RecordWrite& w, const EntityId& case_id, const model::CaseKey& key,
                       const std::vector<VaultRecipient>& to, const crypto::DeviceId& me,
                       wire::ChangeSetClass change_class, const std::vector<crypto::DeviceId>& trusted) {
  bool mine = false;
  for (const auto& r : to) {
    if (r.device == me) mine = true;
    const std::string field = model::key_box_field(r.device, key.id);
    auto there = has_trusted_box(w.db(), case_id, field, trusted);
    if (!there) return there.error();
    if (*there) continue;
    auto box = model::seal_key_box(key, case_id, r.device, r.box, model::Hlc{}, me);
    if (!box) return box.error();
    if (auto put = w.put(EntityKind::case_key, case_id, field, box->value, change_class); !put) return put.error();
  }
  return mine;
}

std::vector<crypto::DeviceId> devices_of(const std::vector<VaultRecipient>& to) {
  std::vector<crypto::DeviceId> out;
  for (const auto& r : to) out.push_back(r.device);
  return out;
}

// A new key for the case, sealed to the named staff's devices, and the
// field naming it (and, when `staff` is given, the named staff: a rotation
// writes the key only, so it never undoes a naming it has not seen); kept
// here only when this device is among them.
Result<void> write_key(RecordWrite& w, const EntityId& case_id, const std::optional<std::vector<std::string>>& staff,
                       const std::vector<VaultRecipient>& to, const crypto::DeviceId& me,
                       wire::ChangeSetClass change_class) {
  const model::CaseKey key = model::new_case_key();
  auto mine = put_boxes(w, case_id, key, to, me, change_class, {me});
  if (!mine) return mine.error();
  if (*mine) {
    if (auto kept = keep_case_key(w.db(), case_id, key); !kept) return kept;
  }
  if (staff) {
    if (auto r = w.put(EntityKind::case_file, case_id, model::kCaseRestriction, model::join_responsible(*staff),
                       change_class);
        !r) {
      return r;
    }
  }
  return w.put(EntityKind::case_file, case_id, model::kCaseRestrictionKey, to_hex(key.id), change_class);
}

// The device that wrote the case's current key (the only one whose boxes of it count).
Result<std::optional<crypto::DeviceId>> key_writer(Database& db, const EntityId& case_id) {
  auto op = stored_op(db, EntityKind::case_file, case_id, model::kCaseRestrictionKey);
  if (!op) return op.error();
  if (!*op) return std::optional<crypto::DeviceId>{};
  return std::optional((*op)->device);
}

// The devices the case's current key was sealed to by a device trusted to
// hold it (its writer, a named device): a box anyone else wrote, naming a
// device that does not exist, must not set off a rotation at every sync.
Result<std::vector<crypto::DeviceId>> sealed_to(Database& db, const EntityId& case_id, const model::CaseKeyId& key,
                                                const std::vector<crypto::DeviceId>& trusted) {
  auto q = db.prepare(
      "SELECT field, device FROM field_value WHERE kind = ?1 AND id = ?2 UNION "
      "SELECT field, device FROM op_log WHERE kind = ?1 AND id = ?2");
  if (!q) return q.error();
  q->bind(1, static_cast<std::int64_t>(EntityKind::case_key)).bind(2, case_id);
  std::vector<crypto::DeviceId> out;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return out;
    if (std::find(trusted.begin(), trusted.end(), q->array<16>(1)) == trusted.end()) continue;
    auto named = model::parse_key_box_field(q->text(0));
    if (named && named->second == key) out.push_back(named->first);
  }
}

}  // namespace

Result<void> Records::restrict_case(const EntityId& case_id, const std::vector<EntityId>& staff,
                                    const registry::RegistryState& state, wire::ChangeSetClass change_class) {
  const registry::DeviceState* mine = state.active(me_);
  if (!model::may_restrict_case(mine ? std::optional(mine->role) : std::nullopt)) {
    return make_error(Errc::forbidden, "only a reviewer or an admin restricts a case or names its staff");
  }
  if (staff.empty()) return make_error(Errc::invalid_argument, "staff: name at least one person who may read the case");
  std::vector<std::string> hex;
  for (const auto& s : staff) hex.push_back(to_hex(s));
  std::sort(hex.begin(), hex.end());
  hex.erase(std::unique(hex.begin(), hex.end()), hex.end());
  auto w = RecordWrite::begin(store_, clock_, me_);
  if (!w) return w.error();
  auto found = entity_exists(w->db(), EntityKind::case_file, case_id);
  if (!found) return found.error();
  if (!*found) return make_error(Errc::not_found, "case: no such case");
  for (const auto& s : staff) {
    auto known = entity_exists(w->db(), EntityKind::staff, s);
    if (!known) return known.error();
    if (!*known) return make_error(Errc::not_found, "staff: no such staff member " + to_hex(s));
  }
  auto to = recipients_of(w->db(), state, hex);
  if (!to) return to.error();
  if (to->empty()) {
    return make_error(Errc::invalid_argument, "staff: none of them has an enrolled device to seal the case to");
  }
  if (auto r = write_key(*w, case_id, hex, *to, me_, change_class); !r) return r;
  return w->commit();
}

Result<RestrictionView> Records::restriction(const EntityId& case_id) {
  if (store_.locked()) return make_error(Errc::locked, "the store is locked");
  Database& db = store_.database();
  auto r = restriction_of(db, case_id);
  if (!r) return r.error();
  RestrictionView view;
  if (!*r) return view;
  view.restricted = true;
  view.staff = (**r).staff;
  auto held = held_case_key(db, case_id, (**r).current);
  if (!held) return held.error();
  view.key_held = held->has_value();
  return view;
}

Result<sync::TendOutcome> LocalStore::tend_restricted(const registry::RegistryState& state) {
  if (locked()) return make_error(Errc::locked, "the store is locked");
  sync::TendOutcome outcome;
  verified_registry_ = state;
  auto any = any_restricted_case(*db_);
  if (!any) return any.error();
  if (!*any) return outcome;
  auto me_identity = load_identity();
  if (!me_identity) return me_identity.error();
  if (!*me_identity) return outcome;
  const crypto::DeviceId me = (**me_identity).device_id();
  const registry::DeviceState* mine = state.active(me);
  if (mine == nullptr) return outcome;
  const bool may_rotate = model::may_restrict_case(mine->role);
  const auto change_class = model::protection_class(mine->role);

  auto last = last_hlc();
  if (!last) return last.error();
  model::HybridClock clock(wall_, *last);
  auto w = RecordWrite::begin(*this, clock, me);
  if (!w) return w.error();
  auto cases = restricted_cases(*db_);
  if (!cases) return cases.error();
  for (const auto& case_id : *cases) {
    auto restriction = restriction_of(*db_, case_id);
    if (!restriction) return restriction.error();
    if (!*restriction || (**restriction).broken()) continue;
    auto to = recipients_of(*db_, state, (**restriction).staff);
    if (!to) return to.error();
    auto writer = key_writer(*db_, case_id);
    if (!writer) return writer.error();
    // Boxes that count: the key writer's, a named device's, this device's own.
    auto trusted = devices_of(*to);
    trusted.push_back(me);
    if (*writer) trusted.push_back(**writer);
    // A device the current key reached that is no longer active (revoked,
    // or its person offboarded): a new key, which it never gets.
    auto reached = sealed_to(*db_, case_id, (**restriction).current, trusted);
    if (!reached) return reached.error();
    const bool stale = std::any_of(reached->begin(), reached->end(), [&](const crypto::DeviceId& d) {
      return std::none_of(to->begin(), to->end(), [&](const VaultRecipient& r) { return r.device == d; });
    });
    if (stale && may_rotate && !to->empty()) {
      if (auto r = write_key(*w, case_id, std::nullopt, *to, me, change_class); !r) return r.error();
      ++outcome.rotated;
    }
    // Every key held here reaches every device of the named staff, so a
    // person named later (or a new tablet of theirs) reads what came before.
    auto held = held_key_ids(*db_, case_id);
    if (!held) return held.error();
    for (const auto& id : *held) {
      auto key = held_case_key(*db_, case_id, id);
      if (!key) return key.error();
      if (!*key) continue;
      const model::CaseKey k{id, std::move(**key)};
      auto before = w->last_stamp();
      auto boxed = put_boxes(*w, case_id, k, *to, me, change_class, trusted);
      if (!boxed) return boxed.error();
      if (w->last_stamp() != before) ++outcome.sealed;
    }
  }
  if (auto r = w->commit(); !r) return r.error();
  return outcome;
}

}  // namespace varn::store
