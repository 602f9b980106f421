#include "varn/model/merge.hpp"

#include <tuple>

#include "varn/model/domain.hpp"

namespace varn::model {
namespace {

// Last-writer-wins order within one field.
bool lww_less(const Op& a, const Op& b) {
  return std::tie(a.hlc, a.device, a.value) < std::tie(b.hlc, b.device, b.value);
}

bool is_meta_field(const Op& op) { return op.field == fields::kDeleted || op.field == fields::kSigned; }

}  // namespace

crypto::Hash32 signed_note_hash(std::string_view snapshot) {
  return crypto::labelled_hash("varn/signed-note/v1", {as_bytes(snapshot)});
}

bool ordered_before(const Op& a, const Op& b) {
  return std::tie(a.hlc, a.device, a.field, a.value) < std::tie(b.hlc, b.device, b.field, b.value);
}

bool conflicts_with_sign(const Op& applied, const Op& sign) {
  return applied.kind == EntityKind::note && applied.id == sign.id && !(applied == sign) &&
         ordered_before(sign, applied);
}

bool is_person_address(const Op& op) {
  return op.kind == EntityKind::person && op.field == domain::kPersonAddress;
}

bool withholds_address(const Op& op) {
  return op.kind == EntityKind::person && op.field == domain::kPersonProtection &&
         op.value == domain::kProtectedRegistration;
}

Verdict decide(const Op& op, const TargetState& target) {
  if (target.field_winner && *target.field_winner == op) return Verdict::duplicate;
  if (target.note_sign && *target.note_sign == op) return Verdict::duplicate;
  if (op.kind != EntityKind::note) {
    // Tombstones and signatures mean something for notes only; elsewhere they
    // are refused and kept for review rather than silently dropped.
    if (is_meta_field(op)) return Verdict::conflict;
  } else if (target.note_sign) {
    if (conflicts_with_sign(op, *target.note_sign)) return Verdict::conflict;
    // Ordered before the signing: a sign takes over as the earliest one; any
    // other op is already covered by the snapshot.
    return op.field == fields::kSigned ? Verdict::apply : Verdict::superseded;
  } else if (op.field == fields::kSigned) {
    return Verdict::apply;
  }
  if (!target.field_winner || lww_less(*target.field_winner, op)) return Verdict::apply;
  return Verdict::superseded;
}

}  // namespace varn::model
