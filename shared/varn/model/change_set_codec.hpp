#pragma once
//! The plaintext inside an envelope: a list of ops. Binary, versioned,
//! bounded; the decoder treats its input as hostile (it is fuzzed).
//!
//! Layout: u8 version (1) || u32 count || count x (u8 kind || 16 id ||
//! u16 field length || field || u32 value length || value || u64 hlc || 16 device),
//! integers big-endian. Field names at most 64 bytes, values at most 1 MiB.

#include <vector>

#include "varn/model/operation.hpp"
#include "varn/util/result.hpp"

namespace varn::model {

inline constexpr std::uint8_t kChangeSetVersion = 1;

[[nodiscard]] Bytes encode_ops(const std::vector<Op>& ops);
//! Errc::truncated / malformed / unsupported_version with a message naming the op index.
[[nodiscard]] Result<std::vector<Op>> decode_ops(ByteView bytes);

}  // namespace varn::model
