#include "varn/crypto/passphrase_kek.hpp"

#include <sodium.h>

#include "varn/crypto/aead.hpp"
#include "varn/crypto/random.hpp"
#include "varn/crypto/sodium_init.hpp"

namespace varn::crypto {
namespace {
constexpr std::uint8_t kKdfFormatVersion = 1;
constexpr std::size_t kEncodedParamsBytes = 2 + 8 + 8 + kKdfSaltBytes;
}  // namespace

KdfParams KdfParams::with_new_salt(std::uint64_t ops_limit, std::uint64_t mem_limit) {
  KdfParams p;
  p.ops_limit = ops_limit;
  p.mem_limit = mem_limit;
  p.salt = random_array<kKdfSaltBytes>();
  return p;
}

Bytes KdfParams::encode() const {
  Bytes out;
  out.push_back(kKdfFormatVersion);
  out.push_back(static_cast<std::uint8_t>(crypto_pwhash_ALG_ARGON2ID13));
  put_u64(out, ops_limit);
  put_u64(out, mem_limit);
  put_bytes(out, salt);
  return out;
}

Result<KdfParams> KdfParams::decode(ByteView bytes) {
  if (bytes.size() != kEncodedParamsBytes) {
    return make_error(Errc::malformed, "KDF parameters must be 34 bytes");
  }
  if (bytes[0] != kKdfFormatVersion) {
    return make_error(Errc::unsupported_version, "unknown KDF parameter version");
  }
  if (bytes[1] != crypto_pwhash_ALG_ARGON2ID13) {
    return make_error(Errc::unsupported_version, "KDF algorithm is not Argon2id");
  }
  KdfParams p;
  p.ops_limit = get_u64(bytes.data() + 2);
  p.mem_limit = get_u64(bytes.data() + 10);
  for (std::size_t i = 0; i < kKdfSaltBytes; ++i) p.salt[i] = bytes[18 + i];
  return p;
}

Result<SecretBuffer> derive_kek(std::string_view passphrase, const KdfParams& params) {
  ensure_sodium();
  if (params.ops_limit < kKdfMinOpsLimit || params.mem_limit < kKdfMinMemLimit) {
    return make_error(Errc::weak_parameters, "Argon2id parameters are below the floor");
  }
  if (params.ops_limit > crypto_pwhash_OPSLIMIT_MAX || params.mem_limit > crypto_pwhash_MEMLIMIT_MAX) {
    return make_error(Errc::invalid_argument, "Argon2id parameters are out of range");
  }
  SecretBuffer kek(kAeadKeyBytes);
  if (crypto_pwhash(kek.data(), kek.size(), passphrase.data(), passphrase.size(), params.salt.data(),
                    params.ops_limit, static_cast<std::size_t>(params.mem_limit),
                    crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return make_error(Errc::out_of_memory, "not enough memory for Argon2id");
  }
  return kek;
}

Result<KdfParams> calibrate_kdf() {
  std::uint64_t mem = crypto_pwhash_MEMLIMIT_MODERATE;
  const std::uint64_t ops = crypto_pwhash_OPSLIMIT_MODERATE;
  for (; mem >= kKdfMinMemLimit; mem /= 2) {
    auto candidate = KdfParams::with_new_salt(ops, mem);
    if (derive_kek("calibration", candidate)) return candidate;
  }
  return make_error(Errc::out_of_memory, "this device cannot run Argon2id at the minimum cost");
}

Result<Bytes> wrap_key(const SecretBuffer& kek, const SecretBuffer& key, ByteView ad) {
  auto nonce = random_array<kXNonceBytes>();
  auto ct = aead_encrypt(AeadKind::xchacha20poly1305, kek.view(), nonce, key.view(), ad);
  if (!ct) return ct.error();
  Bytes out(nonce.begin(), nonce.end());
  put_bytes(out, *ct);
  return out;
}

Result<SecretBuffer> unwrap_key(const SecretBuffer& kek, ByteView wrapped, ByteView ad) {
  if (wrapped.size() < kXNonceBytes + kAeadTagBytes) {
    return make_error(Errc::truncated, "wrapped key is too short");
  }
  auto plain = aead_decrypt(AeadKind::xchacha20poly1305, kek.view(), wrapped.first(kXNonceBytes),
                            wrapped.subspan(kXNonceBytes), ad);
  if (!plain) return make_error(Errc::wrong_passphrase, "wrong passphrase");
  auto key = SecretBuffer::copy_of(*plain);
  sodium_memzero(plain->data(), plain->size());
  return key;
}

}  // namespace varn::crypto
