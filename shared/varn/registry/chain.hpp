#pragma once
//! Verifies a unit's registry from its first entry, against the admin key
//! the device pinned at enrolment, and yields who may do what, now and at
//! every earlier point of the registry. Also the rollback/fork check against
//! the head a device remembers, and the audit of an epoch's sealed key copies
//! (Keybase's "box auditor"). The server applies entries through the same
//! RegistryState::append, so both sides hold one policy.

#include <map>
#include <optional>
#include <set>
#include <vector>

#include "varn/registry/entry.hpp"

namespace varn::registry {

struct DeviceState {
  crypto::DevicePublicBundle bundle;
  Role role = Role::worker;  //!< the role now
  bool revoked = false;
  ByteArray<16> person{};
  std::uint64_t enrolled_at = 0;               //!< index of its enrol (or recover) entry
  bool recovered = false;                      //!< enrolled by a recover entry, signed by the recovery key
  std::int64_t enrolled_time = 0;              //!< its enrol (or recover) entry's time
  std::optional<std::uint64_t> revoked_at;     //!< index of its revoke entry
  //! (index of the entry that set it, role), oldest first; starts with the enrol.
  std::vector<std::pair<std::uint64_t, Role>> roles;
  //! Index + 1 of the last entry that narrowed what it may do (a role change
  //! or its revocation): a change set it seals later must have seen it.
  std::uint64_t authority_floor = 0;
};

//! The devices that were active when an epoch began, and the unit's
//! recovery key if one was set: who must hold a copy.
struct Rotation {
  crypto::Hash32 key_set{};
  crypto::Hash32 key_commitment{};
  std::uint64_t index = 0;  //!< of the rotate entry
  std::set<crypto::DeviceId> members;
};

struct RegistryState {
  wire::UnitId unit{};
  crypto::SignPublicKey root{};  //!< entry 0's admin key: what devices pin
  std::map<crypto::DeviceId, DeviceState> devices;
  std::map<std::uint32_t, Rotation> rotations;
  std::uint32_t epoch = 0;      //!< current epoch (0 before the first rotate)
  std::uint32_t lease_days = kDefaultLeaseDays;  //!< the last set_lease entry's, or the default
  //! The last set_recovery entry's public halves: the key that may sign a
  //! recover entry and that every later epoch key is sealed to.
  std::optional<crypto::DevicePublicBundle> recovery;
  std::uint64_t recovery_set_at = 0;  //!< index of that entry
  std::uint64_t length = 0;     //!< entries verified
  crypto::Hash32 head{};        //!< entry_hash of the last entry

  [[nodiscard]] const DeviceState* active(const crypto::DeviceId& id) const;
  [[nodiscard]] const DeviceState* find(const crypto::DeviceId& id) const;
  //! The status the registry gives a device (pending: not in it).
  [[nodiscard]] DeviceStatus status(const crypto::DeviceId& id) const;
  //! The role a device held once the first `length` entries had taken
  //! effect; nullopt when it was not an active device then.
  [[nodiscard]] std::optional<Role> role_at(const crypto::DeviceId& id, std::uint64_t length) const;
  //! Checks one more entry against everything before it (link, unit, signer
  //! an active admin, signature, kind rules) and applies it. Entry 0 must be
  //! `root` enrolling itself as admin; a recover entry is signed by the
  //! recovery key a set_recovery entry committed before it, and nothing
  //! else is. Errc::corrupt naming the entry.
  [[nodiscard]] Result<void> append(const Entry& entry);
};

//! Checks every link, signature and rule from entry 0. Entry 0 must be the
//! pinned admin enrolling itself as admin.
[[nodiscard]] Result<RegistryState> verify_chain(const std::vector<Entry>& chain,
                                                 const crypto::SignPublicKey& pinned_admin);

//! A device that has seen `remembered_length` entries ending in
//! `remembered_head` refuses a chain that forks from it (another entry at
//! that place: Errc::rollback). A chain that is only shorter is a prefix of
//! what the device holds; extends() tells which.
enum class Extension { extends, shorter, forks };
[[nodiscard]] Extension compare_with_remembered(const std::vector<Entry>& chain, std::uint64_t remembered_length,
                                                const crypto::Hash32& remembered_head);

//! The box audit: the copies the server hands out for `epoch` must be the
//! set the admin signed, sealed to exactly the devices active at rotation.
[[nodiscard]] Result<void> audit_key_copies(const RegistryState& state, std::uint32_t epoch,
                                            const std::vector<KeyCopy>& copies);

//! Whether an unwrapped epoch key is the one the admin committed to.
[[nodiscard]] bool key_matches_commitment(const RegistryState& state, std::uint32_t epoch, ByteView key);

}  // namespace varn::registry
