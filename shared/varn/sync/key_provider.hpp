#pragma once
//! Where the sync engine gets keys: the unit's epoch keys (unwrapped on this
//! device) and the signing keys of the unit's devices. refresh() asks the
//! server (and, with the registry, checks what it answers) when something
//! is missing.

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
  //! The signing key of a device the unit holds; nullopt for strangers.
  [[nodiscard]] virtual std::optional<crypto::SignPublicKey> author_key(const crypto::DeviceId& device) = 0;
  //! The role the registry gives a device; nullopt for strangers. Decides
  //! which change-set classes its change sets may carry.
  [[nodiscard]] virtual std::optional<registry::Role> author_role(const crypto::DeviceId& device) = 0;
  //! Fetches devices and wrapped keys again.
  [[nodiscard]] virtual Result<void> refresh() = 0;
};

}  // namespace varn::sync
