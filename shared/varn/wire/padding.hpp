#pragma once
//! Size buckets for plaintexts, so the server learns little from a change
//! set's size. Every plaintext is framed (u32 length) and padded to at least
//! 4 KiB, which holds a visit, an addendum or a note of 2,000 characters with
//! its ops, ids and timestamps (docs/ENVELOPE.md lists measured sizes). Above
//! that, Padmé (Nikitin et al., "Reducing Metadata Leakage from Encrypted
//! Files and Communication with PURBs", 2019): a length of E significant
//! bits keeps only its top ~log2(E) bits, so it leaks O(log log L) bits and
//! costs at most ~12% in space.

#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

namespace varn::wire {

inline constexpr std::size_t kMinBucketBytes = 4096;
//! Largest padded plaintext a change set may carry (16 MiB).
inline constexpr std::size_t kMaxBucketBytes = 16u * 1024 * 1024;

//! Padmé's rounding of `length` (a fixed point for every length it returns).
[[nodiscard]] std::size_t padme(std::size_t length);
//! The bucket a plaintext of `length` bytes lands in (its 4-byte frame included).
[[nodiscard]] std::size_t bucket_size(std::size_t length);
//! Whether `padded` is a size pad() can produce: what a parser accepts.
[[nodiscard]] bool is_bucket(std::size_t padded);
//! u32 length || plaintext || zeros up to the bucket. Errc::invalid_argument when too big.
[[nodiscard]] Result<Bytes> pad(ByteView plaintext);
//! Checks the frame and that every padding byte is zero.
[[nodiscard]] Result<Bytes> unpad(ByteView padded);

}  // namespace varn::wire
