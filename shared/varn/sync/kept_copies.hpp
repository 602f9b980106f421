#pragma once
//! The sealed epoch-key copies a device keeps besides the registry entries
//! that brought them, so that it can post an entry again with what the
//! server needs to take it back after a restore: an admin keeps what it
//! posted, every device the rotation sets it audited and its own copies.
//! Copies are ciphertext sealed to devices' box keys; keeping them adds no secret.

#include <optional>
#include <vector>

#include "varn/registry/entry.hpp"
#include "varn/sync/api_types.hpp"
#include "varn/sync/device_vault.hpp"

namespace varn::sync {

class KeptCopies {
 public:
  explicit KeptCopies(DeviceVault& vault) : vault_(vault) {}

  [[nodiscard]] Result<void> keep_posted(const registry::Entry& entry, const std::vector<KeyCopy>& copies);
  [[nodiscard]] Result<void> keep_rotation(std::uint32_t epoch, const std::vector<KeyCopy>& copies);
  [[nodiscard]] Result<bool> has_rotation(std::uint32_t epoch);
  //! This device's own sealed copy of an epoch key, as the server served it.
  [[nodiscard]] Result<void> keep_own(std::uint32_t epoch, const crypto::DeviceId& me, const Bytes& wrapped);
  //! What to post beside `entry`: the copies posted with it, the rotation's
  //! set, or the subject's own copies of the `epochs_then` epochs that
  //! existed when it was enrolled; none when this device has none.
  [[nodiscard]] Result<std::vector<KeyCopy>> for_entry(const registry::Entry& entry, std::uint32_t epochs_then);

 private:
  [[nodiscard]] Result<std::optional<std::vector<KeyCopy>>> read(std::string_view key, const registry::Entry* entry);
  DeviceVault& vault_;
};

}  // namespace varn::sync
