#pragma once
//! The plaintext inside an envelope: a list of ops. Binary, versioned,
//! bounded; the decoder treats its input as hostile (it is fuzzed).
//!
//! Layout: u8 version (1) || u32 count || count x (u8 kind || 16 id ||
//! u16 field length || field || u32 value length || value || u64 hlc || 16 device),
//! integers big-endian. Field names at most 64 bytes, values at most 1 MiB.

#include <cstddef>
#include <vector>

#include "varn/model/operation.hpp"
#include "varn/util/result.hpp"

namespace varn::model {

inline constexpr std::uint8_t kChangeSetVersion = 1;
inline constexpr std::size_t kMaxFieldBytes = 64;
inline constexpr std::size_t kMaxValueBytes = std::size_t{1} << 20;
//! The smallest encoded op (empty field and value): bounds a claimed count.
inline constexpr std::size_t kMinEncodedOpBytes = 1 + 16 + 2 + 4 + 8 + 16;

//! What the decoder enforces on one op, so writers can refuse the same ops
//! before they reach an outbox: a known kind; a field of 1..64 bytes of
//! [A-Za-z0-9_.-]; a value of at most 1 MiB of valid UTF-8 (values end up in
//! JSON and in the UI). Errc::malformed, the message names the part.
[[nodiscard]] Result<void> check_op_limits(const Op& op);

[[nodiscard]] Bytes encode_ops(const std::vector<Op>& ops);
//! Appends one op's encoding (the per-op part of the layout above): the
//! canonical bytes of an op for hashing and duplicate detection.
void append_encoded_op(Bytes& out, const Op& op);
//! Errc::truncated / malformed / unsupported_version with a message naming
//! the op index ("op 3: ..."). A count larger than the remaining bytes could
//! hold is refused before anything is allocated; trailing bytes are refused.
[[nodiscard]] Result<std::vector<Op>> decode_ops(ByteView bytes);

//! What every client checks on a decoded change set before merging it:
//! each op within check_op_limits (Errc::malformed), written by the change
//! set's author (Errc::forbidden: an op under someone else's name is refused
//! outright) and allowed in its class (Errc::forbidden, see class_allows).
//! The message names the op index.
[[nodiscard]] Result<void> check_change_set(const std::vector<Op>& ops, const crypto::DeviceId& author,
                                            wire::ChangeSetClass change_class);

}  // namespace varn::model
