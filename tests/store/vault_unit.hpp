#pragma once
// A unit of devices in one process for the restricted-case tests: each with
// its own store and identity, a registry the test edits by hand (enrol,
// revoke), and a relay that stands in for the server: every change set one
// device seals reaches every other device, a revoked one included (a thief
// holding a revoked tablet and the server's ciphertext).

#include <memory>
#include <string>
#include <vector>

#include "store_fixture.hpp"
#include "store_scan.hpp"
#include "varn/registry/chain.hpp"

namespace varn::test {

struct VaultDevice {
  VaultDevice(registry::Role role, ManualWall& wall);
  ScratchDir dir;
  std::unique_ptr<store::LocalStore> store = make_store(dir.file("v.db"));
  crypto::DeviceIdentity identity = crypto::DeviceIdentity::generate();
  crypto::DeviceId me{};
  registry::Role role;
  model::HybridClock clock;
  std::unique_ptr<store::Records> records;
  std::uint64_t applied = 0;  //!< how much of the relay's log it has taken in
};

class VaultUnit {
 public:
  VaultUnit();
  //! A new device (enrolled in the registry; for a staff member when given,
  //! recorded by the admin, device 0). It takes in the whole log first.
  VaultDevice& enrol(registry::Role role, std::optional<model::EntityId> staff = std::nullopt);
  [[nodiscard]] VaultDevice& admin() { return *devices_.front(); }
  [[nodiscard]] model::EntityId add_staff(const std::string& name);
  void revoke(VaultDevice& d);
  //! What a sync does with the store: tend the case keys, seal, push; then
  //! every device takes in what is new.
  void sync(VaultDevice& d);
  //! Every device syncs once, the admin first.
  void sync_all();
  //! A change set `d` crafted by hand with the core's codec (an insider's
  //! device writing what its client would not), handed to every device.
  void inject(VaultDevice& d, const std::vector<model::Op>& ops,
              wire::ChangeSetClass change_class = wire::ChangeSetClass::field_work);
  [[nodiscard]] const registry::RegistryState& registry() const { return state_; }
  [[nodiscard]] std::vector<std::unique_ptr<VaultDevice>>& devices() { return devices_; }
  ManualWall wall;

 private:
  void take_in(VaultDevice& d);
  registry::RegistryState state_;
  std::vector<std::unique_ptr<VaultDevice>> devices_;
  std::vector<sync::ReceivedChangeSet> log_;
};

}  // namespace varn::test
