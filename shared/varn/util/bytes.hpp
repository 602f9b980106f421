#pragma once
//! Byte containers and the big-endian integer codec the wire formats use.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace varn {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

template <std::size_t N>
using ByteArray = std::array<std::uint8_t, N>;

//! Views text as bytes without copying (for hashing and AEAD).
[[nodiscard]] inline ByteView as_bytes(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

void put_u16(Bytes& out, std::uint16_t v);
void put_u32(Bytes& out, std::uint32_t v);
void put_u64(Bytes& out, std::uint64_t v);
void put_bytes(Bytes& out, ByteView v);
[[nodiscard]] std::uint16_t get_u16(const std::uint8_t* p);
[[nodiscard]] std::uint32_t get_u32(const std::uint8_t* p);
[[nodiscard]] std::uint64_t get_u64(const std::uint8_t* p);

//! Lowercase hex; for ids and public values only, never for secrets in logs.
[[nodiscard]] std::string to_hex(ByteView v);
//! Strict: even length, [0-9a-fA-F] only.
[[nodiscard]] std::optional<Bytes> from_hex(std::string_view hex);

//! Parses hex into a fixed-size array; nullopt on wrong length or bad digit.
template <std::size_t N>
[[nodiscard]] std::optional<ByteArray<N>> array_from_hex(std::string_view hex) {
  auto bytes = from_hex(hex);
  if (!bytes || bytes->size() != N) return std::nullopt;
  ByteArray<N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = (*bytes)[i];
  return out;
}

//! Standard base64 with padding (JSON bodies carry binary this way).
[[nodiscard]] std::string to_base64(ByteView v);
[[nodiscard]] std::optional<Bytes> from_base64(std::string_view b64);

}  // namespace varn
