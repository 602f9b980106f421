#pragma once
//! A device's two key pairs (Ed25519 to sign, X25519 to receive wrapped
//! epoch keys), the public bundle the registry stores, and the fingerprint
//! that two people read aloud to each other at enrolment.

#include <string>

#include "varn/crypto/box.hpp"
#include "varn/crypto/sign.hpp"
#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

namespace varn::crypto {

using DeviceId = ByteArray<16>;

//! BLAKE2b-128 of a signing key: the name the wire and the registry use.
[[nodiscard]] DeviceId device_id_of(const SignPublicKey& sign_key);

//! The public half of a device: what the admin signs and the server stores.
struct DevicePublicBundle {
  SignPublicKey sign_key{};
  BoxPublicKey box_key{};

  //! version(1)=1 || sign key(32) || box key(32): 65 bytes.
  [[nodiscard]] Bytes encode() const;
  //! Refuses wrong sizes, unknown versions and low-order box keys.
  [[nodiscard]] static Result<DevicePublicBundle> decode(ByteView bytes);

  [[nodiscard]] DeviceId device_id() const { return device_id_of(sign_key); }
  //! 30 digits in six groups of five ("12345 67890 ..."), from a hash of the
  //! whole bundle: easy to read aloud, ~99 bits against a forged match.
  [[nodiscard]] std::string fingerprint() const;

  friend bool operator==(const DevicePublicBundle&, const DevicePublicBundle&) = default;
};

class DeviceIdentity {
 public:
  [[nodiscard]] static DeviceIdentity generate();
  //! Restores from the two stored secrets (64-byte Ed25519, 32-byte X25519).
  [[nodiscard]] static Result<DeviceIdentity> restore(ByteView sign_secret, ByteView box_secret);

  [[nodiscard]] const SigningKeyPair& signing() const { return signing_; }
  [[nodiscard]] const BoxKeyPair& box() const { return box_; }
  [[nodiscard]] DevicePublicBundle public_bundle() const;
  [[nodiscard]] DeviceId device_id() const { return public_bundle().device_id(); }

 private:
  DeviceIdentity(SigningKeyPair s, BoxKeyPair b) : signing_(std::move(s)), box_(std::move(b)) {}
  SigningKeyPair signing_;
  BoxKeyPair box_;
};

}  // namespace varn::crypto
