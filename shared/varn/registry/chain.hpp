#pragma once
//! Verifies a unit's registry from its first entry, against the admin key
//! the device pinned at enrolment, and yields who may do what now. Also the
//! rollback/fork check against the head a device remembers, and the audit
//! of an epoch's sealed key copies (Keybase's "box auditor").

#include <map>
#include <set>
#include <vector>

#include "varn/registry/entry.hpp"

namespace varn::registry {

struct DeviceState {
  crypto::DevicePublicBundle bundle;
  Role role = Role::worker;
  bool revoked = false;
};

//! The devices that were active when an epoch began: who must hold a copy.
struct Rotation {
  crypto::Hash32 key_set{};
  std::set<crypto::DeviceId> members;
};

struct RegistryState {
  wire::UnitId unit{};
  std::map<crypto::DeviceId, DeviceState> devices;
  std::map<std::uint32_t, Rotation> rotations;
  std::uint32_t epoch = 0;      //!< current epoch (0 before the first rotate)
  std::uint64_t length = 0;     //!< entries verified
  crypto::Hash32 head{};        //!< entry_hash of the last entry

  [[nodiscard]] const DeviceState* active(const crypto::DeviceId& id) const;
  //! An active device may push; its role decides which change sets.
  [[nodiscard]] bool may_write(const crypto::DeviceId& id) const;
};

//! Checks every link, signature and rule from entry 0. Entry 0 must be the
//! pinned admin enrolling itself as admin.
[[nodiscard]] Result<RegistryState> verify_chain(const std::vector<Entry>& chain,
                                                 const crypto::SignPublicKey& pinned_admin);

//! A device that has seen `remembered_length` entries ending in
//! `remembered_head` refuses a chain that is shorter (rollback) or that
//! does not contain that head at that place (fork): Errc::rollback.
[[nodiscard]] Result<void> check_extends(const std::vector<Entry>& chain, std::uint64_t remembered_length,
                                         const crypto::Hash32& remembered_head);

//! The box audit: the copies the server hands out for `epoch` must be the
//! set the admin signed, sealed to exactly the devices active at rotation.
[[nodiscard]] Result<void> audit_key_copies(const RegistryState& state, std::uint32_t epoch,
                                            const std::vector<KeyCopy>& copies);

}  // namespace varn::registry
