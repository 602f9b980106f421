#pragma once
//! Drives a unit through the signed registry over the handler:
//! the admin's entry 0 and first rotation, enrolment by entry, and helpers
//! to post entries a test has signed (or spoiled) itself.

#include <vector>

#include "handler_fixture.hpp"
#include "varn/registry/entry.hpp"

namespace varn::test {

//! A unit whose registry the admin bootstrapped: entry 0 and a rotate to epoch 1.
struct RegistryUnit {
  wire::UnitId unit{};
  TestDevice admin;
  std::vector<crypto::SecretBuffer> epoch_keys;  //!< [0] is epoch 1
  std::uint64_t length = 0;
  crypto::Hash32 head{};

  [[nodiscard]] std::uint32_t epoch() const { return static_cast<std::uint32_t>(epoch_keys.size()); }
  [[nodiscard]] const crypto::SecretBuffer& current_key() const { return epoch_keys.back(); }
};

struct SealedCopy {
  wire::DeviceId device{};
  Bytes wrapped;
};

class RegistryDriver {
 public:
  explicit RegistryDriver(HandlerFixture& f) : f_(f) {}

  RegistryUnit make_unit();
  //! An unsigned entry of `kind` at the registry's head.
  [[nodiscard]] registry::Entry next(const RegistryUnit& u, registry::EntryKind kind) const;
  //! Posts an entry as `caller` (already signed by whoever the test chose);
  //! moves the unit's head on 200.
  TestResponse post(RegistryUnit& u, const TestDevice& caller, const registry::Entry& entry,
                    const std::vector<SealedCopy>& copies, bool copies_with_epochs = false);
  //! Signs with the admin and posts.
  TestResponse post_signed(RegistryUnit& u, registry::Entry entry, const std::vector<SealedCopy>& copies);
  //! A pending device enrolled by an entry, with copies of every epoch, session open.
  TestDevice enrol(RegistryUnit& u, registry::Role role);
  //! Rotates to a new epoch sealed to `members` (the active devices).
  TestResponse rotate(RegistryUnit& u, const std::vector<const TestDevice*>& members);
  TestResponse revoke(RegistryUnit& u, const TestDevice& device);
  //! The copies of `key` sealed to each device.
  static std::vector<SealedCopy> seal_for(const std::vector<const TestDevice*>& devices, const crypto::SecretBuffer& key);

 private:
  HandlerFixture& f_;
};

//! Runs one SQL statement on the fixture's database from the outside (a
//! stand-in for a restore from backup, or a server that cheats).
void run_sql(HandlerFixture& f, const std::string& sql, const std::vector<Bytes>& blobs = {});

}  // namespace varn::test
