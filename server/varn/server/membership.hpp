#pragma once
//! Who belongs to which unit, in which role, as the signed registry says:
//! the server's only source for it. Each unit's registry is verified from
//! its first entry (rooted at the device that spent the unit code) when it
//! is first loaded, and every new entry is verified by the same
//! registry::RegistryState::append the clients use before it is stored.
//! A row inserted or edited behind the server's back grants nothing; a
//! stored registry that no longer verifies leaves its unit with no members.

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "varn/registry/chain.hpp"
#include "varn/server/storage.hpp"

namespace varn::server {

//! Why a registry entry was refused: answered as {"error": code}.
struct RegistryRefusal {
  unsigned status = 400;
  std::string code;  //!< registry_head, forbidden, bad_signature, conflict, epoch, key_set, malformed
  std::string message;
};

//! What a device is in one unit that names it.
struct Standing {
  UnitId unit{};
  registry::DeviceStatus status = registry::DeviceStatus::pending;
  std::optional<registry::Role> role;
  crypto::DevicePublicBundle bundle;
};

class Membership {
 public:
  using State = std::shared_ptr<const registry::RegistryState>;

  explicit Membership(Storage& storage) : storage_(storage) {}

  //! The unit's verified registry, caught up with what storage holds (other
  //! processes may have appended). Length 0 before entry 0; Errc::not_found
  //! for no such unit; Errc::corrupt when the stored registry does not verify.
  [[nodiscard]] Result<State> state(const UnitId& unit);
  //! Verifies an entry (and the copies it brings) against the unit's
  //! registry and stores it. An entry the server holds already, byte for
  //! byte, is accepted again (a device re-posting what a restore lost finds
  //! it there). A refusal changes nothing.
  [[nodiscard]] Result<std::optional<RegistryRefusal>> post(const UnitId& unit, const registry::Entry& entry,
                                                            const Bytes& encoded, std::vector<KeyCopyRecord> copies);
  //! The device's standing in every unit whose registry (or unit code) names it.
  [[nodiscard]] Result<std::vector<Standing>> standings(const DeviceId& device);
  //! The device's standing in one unit: an active member, the unit code's
  //! spender before entry 0 (an admin to be), revoked, or nothing (pending).
  [[nodiscard]] Result<Standing> standing(const UnitId& unit, const DeviceId& device);

 private:
  [[nodiscard]] Result<State> load(const UnitId& unit, const UnitRecord& record, const State& cached);
  Storage& storage_;
  std::mutex mutex_;
  std::map<UnitId, State> cache_;
};

}  // namespace varn::server
