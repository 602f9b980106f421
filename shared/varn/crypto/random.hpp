#pragma once
//! Cryptographic randomness for ids and nonces (public values).

#include <cstddef>

#include "varn/util/bytes.hpp"

namespace varn::crypto {

void fill_random(std::span<std::uint8_t> out);

template <std::size_t N>
[[nodiscard]] ByteArray<N> random_array() {
  ByteArray<N> out{};
  fill_random(out);
  return out;
}

//! Uniform in [0, upper_bound), for jitter and tests; not for keys.
[[nodiscard]] std::uint32_t random_uniform(std::uint32_t upper_bound);

}  // namespace varn::crypto
