#pragma once
//! One entry of a unit's device registry: an append-only, hash-chained list
//! of admin-signed statements (enrol, change role, revoke, rotate epoch), as
//! in Keybase's sigchain. The server stores and serves it but cannot forge,
//! reorder or hide an entry without every client noticing.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "varn/crypto/device_identity.hpp"
#include "varn/crypto/hash.hpp"
#include "varn/crypto/sign.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::registry {

enum class Role : std::uint8_t { worker = 1, reviewer = 2, admin = 3 };
//! set_recovery commits the unit's recovery key (recovery_key.hpp) in the
//! bundle field; recover enrols a new admin device, signed by that key.
enum class EntryKind : std::uint8_t {
  enrol = 1,
  change_role = 2,
  revoke = 3,
  rotate = 4,
  set_lease = 5,
  set_recovery = 6,
  recover = 7,
};
inline constexpr std::uint8_t kLastEntryKind = 7;

//! A device that has not reached its server for this many days shows no
//! case content until it has: the unit's lease while no set_lease entry
//! says otherwise. A set_lease entry may set 1..kMaxLeaseDays, or 0 for none.
inline constexpr std::uint32_t kDefaultLeaseDays = 7;
inline constexpr std::uint32_t kMaxLeaseDays = 365;

//! What a device is, as the verified registry says: the one vocabulary the
//! server, the core, the CLI and the app share.
enum class DeviceStatus : std::uint8_t { pending = 0, active = 1, revoked = 2 };

[[nodiscard]] std::string to_string(Role role);
[[nodiscard]] Result<Role> role_from_string(std::string_view text);
[[nodiscard]] std::string to_string(DeviceStatus status);
[[nodiscard]] Result<DeviceStatus> status_from_string(std::string_view text);
[[nodiscard]] std::string to_string(EntryKind kind);
//! Admins write both classes, workers field work, reviewers reviews: the same
//! rule on the server (on push) and on every client (on apply).
[[nodiscard]] bool role_may_write(Role role, wire::ChangeSetClass change_class);

//! The parts of the clients a role works in: field work (visits and notes),
//! review (sign-offs) and administration (devices and keys).
enum class Area : std::uint8_t { field, review, admin };
//! The casework a person holds besides administration, as an admin
//! recorded it on their staff record (end-to-end data, never in a signed
//! entry): what an admin's device opens of the unit's cases.
struct Casework {
  bool field = false;   //!< works cases (visits, notes) like a worker
  bool review = false;  //!< reviews notes and the access log like a reviewer
  friend bool operator==(const Casework&, const Casework&) = default;
};
//! Workers in the field, reviewers in review, admins in administration and
//! in the casework their person holds (none: an admin sees no case
//! content). The app and varn-cli show and offer only these.
[[nodiscard]] bool role_uses(Role role, Area area, Casework casework = {});
//! What a device shows: an active one the areas its role uses; one waiting
//! for approval, not enrolled, or revoked none (only its enrolment).
[[nodiscard]] bool device_uses(DeviceStatus status, Role role, Area area, Casework casework = {});
//! Whether varn-cli opens case content on a device of `role` (nullopt: not
//! enrolled yet, its own records only): any role with field work or review.
[[nodiscard]] bool opens_case_content(std::optional<Role> role, Casework casework);

inline constexpr std::uint8_t kEntryFormat = 2;
inline constexpr std::size_t kEntryBytes =
    1 + 8 + 32 + 16 + 1 + 16 + 16 + 65 + 1 + 4 + 32 + 32 + 32 + 16 + 8 + 64;

struct Entry;
//! Every entry of a chain as fetched; the first that does not decode fails it.
[[nodiscard]] Result<std::vector<Entry>> decode_entries(const std::vector<Bytes>& encoded);

struct Entry {
  std::uint64_t index = 0;            //!< position in the chain, from 0
  crypto::Hash32 prev{};              //!< entry_hash of entry index-1; zeros for index 0
  wire::UnitId unit{};
  EntryKind kind = EntryKind::enrol;
  //! The admin device that signed; for recover, the recovery key's id.
  crypto::DeviceId signer{};
  crypto::DeviceId subject{};         //!< the device concerned; zeros for rotate, set_lease and set_recovery
  //! enrol and recover: the new device's; set_recovery: the recovery key's
  //! public halves; zeros otherwise.
  crypto::DevicePublicBundle bundle;
  Role role = Role::worker;           //!< enrol, recover (always admin) and change_role
  std::uint32_t epoch = 0;            //!< rotate: the new epoch; set_lease: the lease in days (0: none)
  crypto::Hash32 key_set{};           //!< rotate: key_set_hash of the sealed copies
  //! rotate: epoch_key_commitment of the new key. A device uses an epoch key
  //! only if it matches, so a sealed copy the admin never made cannot smuggle
  //! in a key the server knows.
  crypto::Hash32 key_commitment{};
  //! enrol (index > 0): pairing_mac under the one-time secret the new device
  //! showed the admin; the new device pins the admin only from an entry
  //! that proves it.
  crypto::Hash32 pairing_mac{};
  ByteArray<16> person{};             //!< enrol: the staff member the device belongs to (opaque id)
  std::int64_t time = 0;              //!< unix seconds, as the admin's clock said
  crypto::Signature signature{};

  //! Everything but the signature, in a fixed layout (docs/REGISTRY.md).
  [[nodiscard]] Bytes signed_part() const;
  [[nodiscard]] Bytes encode() const;
  [[nodiscard]] static Result<Entry> decode(ByteView bytes);
  //! Signs in place with the admin device's key (sets signer too).
  void sign_with(const crypto::SigningKeyPair& admin);
  friend bool operator==(const Entry&, const Entry&) = default;
};

//! What the signer's Ed25519 key signs: BLAKE2b-256 of the signed part.
[[nodiscard]] crypto::Hash32 entry_signature_digest(const Entry& entry);

//! BLAKE2b-256 of the whole encoded entry: the chain link.
[[nodiscard]] crypto::Hash32 entry_hash(const Entry& entry);

//! One sealed copy of an epoch key, for one device.
struct KeyCopy {
  crypto::DeviceId device{};
  Bytes wrapped;
};

//! Hash over an epoch's sealed copies (sorted by device), which the admin
//! signs inside the rotate entry so every client can audit the set.
[[nodiscard]] crypto::Hash32 key_set_hash(std::uint32_t epoch, std::vector<KeyCopy> copies);

//! Keyed BLAKE2b of the unit and epoch under the epoch key itself: binds the
//! key to the rotate entry without revealing it.
[[nodiscard]] crypto::Hash32 epoch_key_commitment(const wire::UnitId& unit, std::uint32_t epoch, ByteView key);

}  // namespace varn::registry
