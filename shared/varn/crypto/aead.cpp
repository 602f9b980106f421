#include "varn/crypto/aead.hpp"

#include <sodium.h>

#include "varn/crypto/sodium_init.hpp"

namespace varn::crypto {

std::size_t aead_nonce_bytes(AeadKind kind) {
  return kind == AeadKind::xchacha20poly1305 ? crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
                                             : crypto_aead_chacha20poly1305_ietf_NPUBBYTES;
}

namespace {

Result<void> check_sizes(AeadKind kind, ByteView key, ByteView nonce) {
  if (key.size() != kAeadKeyBytes) return make_error(Errc::invalid_argument, "AEAD key must be 32 bytes");
  if (nonce.size() != aead_nonce_bytes(kind)) {
    return make_error(Errc::invalid_argument, "AEAD nonce has the wrong size");
  }
  return {};
}

}  // namespace

Result<Bytes> aead_encrypt(AeadKind kind, ByteView key, ByteView nonce, ByteView plaintext,
                           ByteView associated_data) {
  ensure_sodium();
  if (auto sizes = check_sizes(kind, key, nonce); !sizes) return sizes.error();
  Bytes out(plaintext.size() + kAeadTagBytes);
  unsigned long long out_len = 0;
  const auto encrypt = kind == AeadKind::xchacha20poly1305
                           ? crypto_aead_xchacha20poly1305_ietf_encrypt
                           : crypto_aead_chacha20poly1305_ietf_encrypt;
  if (encrypt(out.data(), &out_len, plaintext.data(), plaintext.size(), associated_data.data(),
              associated_data.size(), nullptr, nonce.data(), key.data()) != 0) {
    return make_error(Errc::crypto_failure, "AEAD encryption failed");
  }
  out.resize(static_cast<std::size_t>(out_len));
  return out;
}

Result<Bytes> aead_decrypt(AeadKind kind, ByteView key, ByteView nonce, ByteView ciphertext,
                           ByteView associated_data) {
  ensure_sodium();
  if (auto sizes = check_sizes(kind, key, nonce); !sizes) return sizes.error();
  if (ciphertext.size() < kAeadTagBytes) {
    return make_error(Errc::truncated, "ciphertext is shorter than the AEAD tag");
  }
  Bytes out(ciphertext.size() - kAeadTagBytes);
  unsigned long long out_len = 0;
  const auto decrypt = kind == AeadKind::xchacha20poly1305
                           ? crypto_aead_xchacha20poly1305_ietf_decrypt
                           : crypto_aead_chacha20poly1305_ietf_decrypt;
  if (decrypt(out.data(), &out_len, nullptr, ciphertext.data(), ciphertext.size(),
              associated_data.data(), associated_data.size(), nonce.data(), key.data()) != 0) {
    return make_error(Errc::decrypt_failed, "ciphertext failed authentication");
  }
  out.resize(static_cast<std::size_t>(out_len));
  return out;
}

}  // namespace varn::crypto
