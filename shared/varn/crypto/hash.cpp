#include "varn/crypto/hash.hpp"

#include <sodium.h>

#include "varn/crypto/sodium_init.hpp"

namespace varn::crypto {
namespace {

template <std::size_t N>
ByteArray<N> hash_parts(std::string_view label, std::initializer_list<ByteView> parts) {
  ensure_sodium();
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, N);
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

ByteArray<16> labelled_hash16(std::string_view label, std::initializer_list<ByteView> parts) {
  return hash_parts<16>(label, parts);
}

}  // namespace varn::crypto
