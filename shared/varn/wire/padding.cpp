#include "varn/wire/padding.hpp"

#include <bit>

namespace varn::wire {
namespace {
constexpr std::size_t kFrameBytes = 4;
}

std::size_t padme(std::size_t length) {
  if (length < 2) return length;
  const auto e = static_cast<unsigned>(std::bit_width(length) - 1);  // floor(log2 length)
  const auto s = static_cast<unsigned>(std::bit_width(e));            // floor(log2 e) + 1
  const std::size_t mask = (std::size_t{1} << (e - s)) - 1;
  return (length + mask) & ~mask;
}

std::size_t bucket_size(std::size_t length) {
  const std::size_t framed = length + kFrameBytes;
  if (framed <= kMinBucketBytes) return kMinBucketBytes;
  return padme(framed);
}

bool is_bucket(std::size_t padded) {
  return padded >= kMinBucketBytes && padded <= kMaxBucketBytes && padme(padded) == padded;
}

Result<Bytes> pad(ByteView plaintext) {
  if (plaintext.size() + kFrameBytes > kMaxBucketBytes || bucket_size(plaintext.size()) > kMaxBucketBytes) {
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
