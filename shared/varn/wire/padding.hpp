#pragma once
//! Size buckets for plaintexts, so the server cannot tell a one-line note
//! from a long one: every plaintext is framed and padded to a power of two
//! (at least 1 KiB) before encryption.

#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

namespace varn::wire {

inline constexpr std::size_t kMinBucketBytes = 1024;
//! Largest padded plaintext a change set may carry (16 MiB).
inline constexpr std::size_t kMaxBucketBytes = 16u * 1024 * 1024;

//! The bucket a plaintext of `length` bytes lands in (its 4-byte frame included).
[[nodiscard]] std::size_t bucket_size(std::size_t length);
//! u32 length || plaintext || zeros up to the bucket. Errc::invalid_argument when too big.
[[nodiscard]] Result<Bytes> pad(ByteView plaintext);
//! Checks the frame and that every padding byte is zero.
[[nodiscard]] Result<Bytes> unpad(ByteView padded);

}  // namespace varn::wire
