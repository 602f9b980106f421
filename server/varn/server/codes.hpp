#pragma once
//! One-time codes people read and type: groups of four characters from an
//! alphabet without look-alikes (no 0/O, 1/I), 5 bits each.

#include <cstddef>
#include <string>
#include <string_view>

#include "varn/crypto/hash.hpp"

namespace varn::server {

//! `groups` groups of four random characters joined by '-', e.g. "ABCD-EFGH".
[[nodiscard]] std::string random_code(std::size_t groups);
//! Upper-cases and trims what a person typed, so "abcd-efgh " matches.
[[nodiscard]] std::string normalise_code(std::string_view typed);
//! What the server stores for a unit code: a hash, never the code itself.
[[nodiscard]] crypto::Hash32 unit_code_hash(std::string_view code);

}  // namespace varn::server
