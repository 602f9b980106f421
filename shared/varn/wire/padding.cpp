#include "varn/wire/padding.hpp"

#include <bit>

namespace varn::wire {
namespace {
constexpr std::size_t kFrameBytes = 4;
}

std::size_t bucket_size(std::size_t length) {
  std::size_t framed = length + kFrameBytes;
  if (framed <= kMinBucketBytes) return kMinBucketBytes;
  return std::bit_ceil(framed);
}

Result<Bytes> pad(ByteView plaintext) {
  if (plaintext.size() + kFrameBytes > kMaxBucketBytes) {
    return make_error(Errc::invalid_argument, "change set is larger than 16 MiB");
  }
  Bytes out;
  out.reserve(bucket_size(plaintext.size()));
  put_u32(out, static_cast<std::uint32_t>(plaintext.size()));
  put_bytes(out, plaintext);
  out.resize(bucket_size(plaintext.size()), 0);
  return out;
}

Result<Bytes> unpad(ByteView padded) {
  if (padded.size() < kFrameBytes) return make_error(Errc::truncated, "padded plaintext has no length frame");
  std::size_t length = get_u32(padded.data());
  if (length > padded.size() - kFrameBytes) {
    return make_error(Errc::malformed, "length frame exceeds the padded plaintext");
  }
  if (padded.size() != bucket_size(length)) {
    return make_error(Errc::malformed, "padded plaintext is not in its size bucket");
  }
  for (std::size_t i = kFrameBytes + length; i < padded.size(); ++i) {
    if (padded[i] != 0) return make_error(Errc::malformed, "padding bytes are not zero");
  }
  return Bytes(padded.begin() + kFrameBytes, padded.begin() + static_cast<std::ptrdiff_t>(kFrameBytes + length));
}

}  // namespace varn::wire
