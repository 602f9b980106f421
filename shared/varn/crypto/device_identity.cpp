#include "varn/crypto/device_identity.hpp"

#include <algorithm>

#include "varn/crypto/hash.hpp"

namespace varn::crypto {
namespace {
constexpr std::uint8_t kBundleVersion = 1;
constexpr std::size_t kBundleBytes = 1 + kSignPublicKeyBytes + kBoxPublicKeyBytes;
constexpr int kFingerprintGroups = 6;
}  // namespace

Bytes DevicePublicBundle::encode() const {
  Bytes out;
  out.reserve(kBundleBytes);
  out.push_back(kBundleVersion);
  put_bytes(out, sign_key);
  put_bytes(out, box_key);
  return out;
}

Result<DevicePublicBundle> DevicePublicBundle::decode(ByteView bytes) {
  if (bytes.size() != kBundleBytes) return make_error(Errc::malformed, "device bundle must be 65 bytes");
  if (bytes[0] != kBundleVersion) return make_error(Errc::unsupported_version, "unknown device bundle version");
  DevicePublicBundle b;
  std::copy_n(bytes.begin() + 1, kSignPublicKeyBytes, b.sign_key.begin());
  std::copy_n(bytes.begin() + 1 + kSignPublicKeyBytes, kBoxPublicKeyBytes, b.box_key.begin());
  // A low-order box key would make every epoch key sealed to it public.
  if (has_low_order(b.box_key)) return make_error(Errc::low_order_key, "device box key has low order");
  return b;
}

DeviceId device_id_of(const SignPublicKey& sign_key) {
  return labelled_hash16("varn/device-id/v1", {sign_key});
}

std::string DevicePublicBundle::fingerprint() const {
  auto encoded = encode();
  auto digest = labelled_hash("varn/fingerprint/v1", {encoded});
  std::string out;
  for (int g = 0; g < kFingerprintGroups; ++g) {
    // 5 hash bytes (40 bits) per group reduced mod 10^5, as Signal's safety
    // numbers do; the bias of the reduction is below 2^-23.
    std::uint64_t chunk = 0;
    for (int i = 0; i < 5; ++i) chunk = (chunk << 8) | digest[static_cast<std::size_t>(g * 5 + i)];
    auto group = std::to_string(chunk % 100000);
    if (g > 0) out.push_back(' ');
    out.append(5 - group.size(), '0');
    out += group;
  }
  return out;
}

DeviceIdentity DeviceIdentity::generate() {
  return DeviceIdentity(SigningKeyPair::generate(), BoxKeyPair::generate());
}

Result<DeviceIdentity> DeviceIdentity::restore(ByteView sign_secret, ByteView box_secret) {
  auto s = SigningKeyPair::from_secret_key(sign_secret);
  if (!s) return s.error();
  auto b = BoxKeyPair::from_secret_key(box_secret);
  if (!b) return b.error();
  return DeviceIdentity(std::move(s).value(), std::move(b).value());
}

DevicePublicBundle DeviceIdentity::public_bundle() const {
  return DevicePublicBundle{signing_.public_key(), box_.public_key()};
}

}  // namespace varn::crypto
