#pragma once
//! The unit's recovery key, in the spirit of 1Password's emergency kit: 128
//! random bits printed once, at the unit's first enrolment, as a code a
//! person copies onto paper and keeps in a safe. Its public halves (an
//! Ed25519 key that may sign a `recover` entry and an X25519 key every epoch
//! key is also sealed to) are committed in the registry by a `set_recovery`
//! entry; the code itself never leaves the device that made it or the one
//! it is typed into. Whoever holds the code can enrol an admin device: it
//! is an admin key.

#include <string>
#include <string_view>

#include "varn/crypto/device_identity.hpp"
#include "varn/crypto/hash.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::registry {

//! 128 bits, as 1Password's secret key: beyond guessing against the public
//! halves the server holds, and short enough to type from paper.
inline constexpr std::size_t kRecoverySeedBytes = 16;

class RecoveryKey {
 public:
  [[nodiscard]] static RecoveryKey generate();
  //! Reads the code as printed: case, white space and dashes do not matter, I/L
  //! read as 1 and O as 0. Errc::invalid_argument with a sentence a person
  //! understands for a wrong length, a character outside the alphabet, or
  //! check symbols that show a character was typed wrong.
  [[nodiscard]] static Result<RecoveryKey> from_code(std::string_view text);

  //! Six groups of five Crockford base32 symbols: 26 carry the seed, the
  //! last 4 are 20 check bits ("7K2MQ-X9DA4-..."). The caller wipes the
  //! string once shown.
  [[nodiscard]] std::string code() const;
  [[nodiscard]] const crypto::SigningKeyPair& signing() const { return signing_; }
  [[nodiscard]] const crypto::BoxKeyPair& box() const { return box_; }
  //! What the set_recovery entry commits to.
  [[nodiscard]] crypto::DevicePublicBundle public_bundle() const;
  //! device_id_of(sign key): the signer of a recover entry and the name
  //! its sealed epoch-key copies are kept under.
  [[nodiscard]] crypto::DeviceId id() const { return public_bundle().device_id(); }

 private:
  RecoveryKey(crypto::SecretBuffer seed, crypto::SigningKeyPair s, crypto::BoxKeyPair b)
      : seed_(std::move(seed)), signing_(std::move(s)), box_(std::move(b)) {}
  [[nodiscard]] static Result<RecoveryKey> from_seed(crypto::SecretBuffer seed);
  crypto::SecretBuffer seed_;
  crypto::SigningKeyPair signing_;
  crypto::BoxKeyPair box_;
};

//! What a device signs with the recovery key to read its unit's registry
//! and the recovery key's sealed copies before it is a member: bound to
//! the unit and the asking device, so it opens nothing for anyone else.
[[nodiscard]] crypto::Hash32 recovery_read_digest(const wire::UnitId& unit, const crypto::DeviceId& device);

}  // namespace varn::registry
