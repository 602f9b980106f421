#pragma once
//! The binary bodies of push and pull (docs/PROTOCOL.md): length-prefixed
//! envelopes, so a batch never needs base64 or a JSON parser on the hot path.

#include <cstdint>
#include <vector>

#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

namespace varn::wire {

//! One envelope in a pull answer with the sequence number the server gave it.
struct SequencedEnvelope {
  std::uint64_t seq = 0;
  Bytes envelope;
};

//! Push body: u32 count || (u32 length || envelope) x count.
[[nodiscard]] Bytes encode_push_body(const std::vector<Bytes>& envelopes);
//! Refuses counts above `max_count`, lengths past the end, and trailing bytes.
[[nodiscard]] Result<std::vector<Bytes>> decode_push_body(ByteView body, std::size_t max_count);

//! Pull body: u32 count || (u64 seq || u32 length || envelope) x count.
[[nodiscard]] Bytes encode_pull_body(const std::vector<SequencedEnvelope>& items);
[[nodiscard]] Result<std::vector<SequencedEnvelope>> decode_pull_body(ByteView body, std::size_t max_count);

}  // namespace varn::wire
