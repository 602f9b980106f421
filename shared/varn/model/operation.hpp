#pragma once
//! One change to one field of one entity: the unit of the outbox, of change
//! sets and of merge.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "varn/crypto/device_identity.hpp"
#include "varn/model/hlc.hpp"
#include "varn/util/bytes.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::model {

using EntityId = ByteArray<16>;

//! A new entity's id: the creator's hybrid-clock stamp of its creation (64
//! bits: unique per device, since the clock never repeats a stamp) then the
//! first 8 bytes of the creator's device id. The id names its creator, so
//! every replica checks who may create and write the entity from the id
//! alone, whatever order ops arrive in. Ids made around the same time sort
//! together, so a replica's B-trees take new entities at their right edge
//! (initial sync was bound by page misses on random ids). The stamp and
//! creator are only ever seen inside ciphertext, by devices that see every
//! op's stamp and author anyway.
[[nodiscard]] EntityId entity_id_for(Hlc stamp, const crypto::DeviceId& creator);
//! Whether `id` names `device` as the entity's creator.
[[nodiscard]] bool names_creator(const EntityId& id, const crypto::DeviceId& device);

enum class EntityKind : std::uint8_t {
  person = 1,
  case_file = 2,
  visit = 3,
  note = 4,
  addendum = 5,      //!< correction, addition or client objection pointing at a signed note
  task = 6,          //!< follow-up task
  safety_plan = 7,   //!< versioned: each version is its own entity pointing at the case
  placement = 8,
  child = 9,
  assessment = 10,
  access_log = 11,   //!< one entry per opening of a case
  review = 12,       //!< an office reviewer's sign-off of a signed note
  staff = 13,        //!< a member of the unit's staff and the devices enrolled for them; admins write it
  setting = 14,      //!< a unit-wide setting (e.g. when a draft is old); admins write it
  log_review = 15,   //!< a reviewer's sign-off of a month of the access log (review class)
  case_sealed = 16,  //!< a restricted case's ops, encrypted under its case key (case_vault.hpp); never merged
  case_key = 17,     //!< a restricted case's key sealed to one device (case_vault.hpp)
  child_decision = 18,  //!< a decision (beslut) about an accompanying child; each one its own record
};
inline constexpr std::uint8_t kMaxEntityKind = 18;

[[nodiscard]] std::string_view kind_name(EntityKind kind);
[[nodiscard]] std::optional<EntityKind> kind_from_name(std::string_view name);

//! Field names with merge meaning; every other field is a plain
//! last-writer-wins register holding UTF-8 text.
namespace fields {
inline constexpr std::string_view kCreated = "_created";  //!< value: author device hex; first write of an entity
inline constexpr std::string_view kDeleted = "_deleted";  //!< tombstone, notes in draft only; value "1"
inline constexpr std::string_view kSigned = "_signed";    //!< note only; value: the signed snapshot (JSON of the note's fields)
}  // namespace fields

//! The total order of ops on one field: (hlc, device), then the value bytes
//! so that even a forged duplicate key sorts the same everywhere.
struct OpKey {
  Hlc hlc;
  crypto::DeviceId device{};
  friend auto operator<=>(const OpKey&, const OpKey&) = default;
};

struct Op {
  EntityKind kind = EntityKind::person;
  EntityId id{};
  std::string field;
  std::string value;
  Hlc hlc;
  crypto::DeviceId device{};  //!< the author; must equal the change set's author on apply

  [[nodiscard]] OpKey key() const { return OpKey{hlc, device}; }
  friend bool operator==(const Op&, const Op&) = default;
};

//! Total order used for deterministic tie-breaks and canonical hashing.
[[nodiscard]] bool op_less(const Op& a, const Op& b);

//! Which change-set class may carry ops of this kind and field: sign-offs
//! (review) are review-class; addenda and access-log entries may travel in
//! either; everything else is field work. Clients refuse a change set that
//! carries an op its class does not allow.
[[nodiscard]] bool class_allows(wire::ChangeSetClass change_class, const Op& op);
//! The class a batch of outbox ops must be sealed as (review if any op needs it).
[[nodiscard]] wire::ChangeSetClass class_for(const Op& op);

}  // namespace varn::model
