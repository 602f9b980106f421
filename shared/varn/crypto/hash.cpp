#include "varn/crypto/hash.hpp"

#include <sodium.h>

#include <cstdlib>

#include "varn/crypto/sodium_init.hpp"

namespace varn::crypto {
namespace {

template <std::size_t N>
ByteArray<N> hash_parts(std::string_view label, std::initializer_list<ByteView> parts, ByteView key = {}) {
  ensure_sodium();
  crypto_generichash_state state;
  crypto_generichash_init(&state, key.empty() ? nullptr : key.data(), key.size(), N);
  const std::uint8_t zero = 0;
  auto label_bytes = as_bytes(label);
  crypto_generichash_update(&state, label_bytes.data(), label_bytes.size());
  crypto_generichash_update(&state, &zero, 1);
  for (auto part : parts) crypto_generichash_update(&state, part.data(), part.size());
  ByteArray<N> out{};
  crypto_generichash_final(&state, out.data(), out.size());
  return out;
}

}  // namespace

Hash32 labelled_hash(std::string_view label, std::initializer_list<ByteView> parts) {
  return hash_parts<32>(label, parts);
}

Hash32 keyed_hash(ByteView key, std::string_view label, std::initializer_list<ByteView> parts) {
  if (key.size() < crypto_generichash_KEYBYTES_MIN || key.size() > crypto_generichash_KEYBYTES_MAX) std::abort();
  return hash_parts<32>(label, parts, key);
}

bool hashes_equal(const Hash32& a, const Hash32& b) { return sodium_memcmp(a.data(), b.data(), a.size()) == 0; }

ByteArray<16> labelled_hash16(std::string_view label, std::initializer_list<ByteView> parts) {
  return hash_parts<16>(label, parts);
}

}  // namespace varn::crypto
