#include "varn/wire/batch_codec.hpp"

namespace varn::wire {
namespace {

// A cursor over a body that refuses to read past its end.
class Reader {
 public:
  explicit Reader(ByteView body) : body_(body) {}
  bool u32(std::uint32_t& out) {
    if (left() < 4) return false;
    out = get_u32(body_.data() + pos_);
    pos_ += 4;
    return true;
  }
  bool u64(std::uint64_t& out) {
    if (left() < 8) return false;
    out = get_u64(body_.data() + pos_);
    pos_ += 8;
    return true;
  }
  bool bytes(std::size_t n, Bytes& out) {
    if (left() < n) return false;
    out.assign(body_.begin() + static_cast<std::ptrdiff_t>(pos_),
               body_.begin() + static_cast<std::ptrdiff_t>(pos_ + n));
    pos_ += n;
    return true;
  }
  [[nodiscard]] std::size_t left() const { return body_.size() - pos_; }

 private:
  ByteView body_;
  std::size_t pos_ = 0;
};

Error truncated_at(std::size_t index) {
  return make_error(Errc::truncated, "batch is truncated at item " + std::to_string(index));
}

}  // namespace

Bytes encode_push_body(const std::vector<Bytes>& envelopes) {
  Bytes out;
  put_u32(out, static_cast<std::uint32_t>(envelopes.size()));
  for (const auto& e : envelopes) {
    put_u32(out, static_cast<std::uint32_t>(e.size()));
    put_bytes(out, e);
  }
  return out;
}

Result<std::vector<Bytes>> decode_push_body(ByteView body, std::size_t max_count) {
  Reader r(body);
  std::uint32_t count = 0;
  if (!r.u32(count)) return make_error(Errc::truncated, "batch has no count");
  if (count > max_count) return make_error(Errc::invalid_argument, "batch holds more envelopes than allowed");
  std::vector<Bytes> out(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t len = 0;
    if (!r.u32(len) || !r.bytes(len, out[i])) return truncated_at(i);
  }
  if (r.left() != 0) return make_error(Errc::malformed, "batch has trailing bytes");
  return out;
}

Bytes encode_pull_body(const std::vector<SequencedEnvelope>& items) {
  Bytes out;
  put_u32(out, static_cast<std::uint32_t>(items.size()));
  for (const auto& item : items) {
    put_u64(out, item.seq);
    put_u32(out, static_cast<std::uint32_t>(item.envelope.size()));
    put_bytes(out, item.envelope);
  }
  return out;
}

Result<std::vector<SequencedEnvelope>> decode_pull_body(ByteView body, std::size_t max_count) {
  Reader r(body);
  std::uint32_t count = 0;
  if (!r.u32(count)) return make_error(Errc::truncated, "batch has no count");
  if (count > max_count) return make_error(Errc::invalid_argument, "batch holds more envelopes than allowed");
  std::vector<SequencedEnvelope> out(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t len = 0;
    if (!r.u64(out[i].seq) || !r.u32(len) || !r.bytes(len, out[i].envelope)) return truncated_at(i);
  }
  if (r.left() != 0) return make_error(Errc::malformed, "batch has trailing bytes");
  return out;
}

}  // namespace varn::wire
