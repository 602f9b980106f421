#pragma once
//! Where the sync engine gets keys and authority: the unit's epoch keys
//! (unwrapped on this device and checked against the registry's
//! commitments), the signing keys of the unit's devices and the role each
//! held at every point of the registry. refresh() asks the server again
//! (and, with the registry, checks what it answers) when something is missing.

#include <cstdint>
#include <optional>

#include "varn/crypto/device_identity.hpp"
#include "varn/crypto/secret_buffer.hpp"
#include "varn/registry/entry.hpp"
#include "varn/util/result.hpp"

namespace varn::sync {

class KeyProvider {
 public:
  virtual ~KeyProvider() = default;
  //! The epoch new change sets are written under; 0 when none is known.
  [[nodiscard]] virtual std::uint32_t current_epoch() = 0;
  //! nullptr when this device holds no key for `epoch`.
  [[nodiscard]] virtual const crypto::SecretBuffer* epoch_key(std::uint32_t epoch) = 0;
  //! The signing key of a device the unit's registry holds (revoked ones
  //! too: what they wrote before still verifies); nullopt for strangers.
  [[nodiscard]] virtual std::optional<crypto::SignPublicKey> author_key(const crypto::DeviceId& device) = 0;
  //! The role a device held once the registry's first `registry_length`
  //! entries had taken effect; nullopt when it was not active then.
  [[nodiscard]] virtual std::optional<registry::Role> author_role_at(const crypto::DeviceId& device,
                                                                     std::uint64_t registry_length) = 0;
  //! Registry entries verified: what this device's own change sets claim to have seen.
  [[nodiscard]] virtual std::uint64_t registry_length() = 0;
  //! Fetches the registry and wrapped keys again.
  [[nodiscard]] virtual Result<void> refresh() = 0;
};

}  // namespace varn::sync
