#include "varn/crypto/random.hpp"

#include <sodium.h>

#include "varn/crypto/sodium_init.hpp"

namespace varn::crypto {

void fill_random(std::span<std::uint8_t> out) {
  ensure_sodium();
  randombytes_buf(out.data(), out.size());
}

std::uint32_t random_uniform(std::uint32_t upper_bound) {
  ensure_sodium();
  return randombytes_uniform(upper_bound);
}

}  // namespace varn::crypto
