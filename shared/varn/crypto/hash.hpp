#pragma once
//! BLAKE2b over several parts with a domain label, so a hash made for one
//! purpose can never be replayed as another.

#include <initializer_list>
#include <string_view>

#include "varn/util/bytes.hpp"

namespace varn::crypto {

using Hash32 = ByteArray<32>;

//! BLAKE2b-256(label || 0x00 || part_1 || ... || part_n). The NUL ends the
//! label so that labels cannot run into the data.
[[nodiscard]] Hash32 labelled_hash(std::string_view label, std::initializer_list<ByteView> parts);

//! Keyed BLAKE2b-256 (a MAC, and a commitment to the key): the same framing
//! as labelled_hash, under `key` (16 to 64 bytes; abort otherwise: misuse).
[[nodiscard]] Hash32 keyed_hash(ByteView key, std::string_view label, std::initializer_list<ByteView> parts);

//! Constant-time equality of two hashes (MACs are compared with this).
[[nodiscard]] bool hashes_equal(const Hash32& a, const Hash32& b);

//! BLAKE2b-128 variant of the above (ids derived from keys).
[[nodiscard]] ByteArray<16> labelled_hash16(std::string_view label, std::initializer_list<ByteView> parts);

}  // namespace varn::crypto
