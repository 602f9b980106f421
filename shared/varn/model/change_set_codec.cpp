#include "varn/model/change_set_codec.hpp"

#include <algorithm>
#include <string>

namespace varn::model {
namespace {

bool is_field_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '-';
}

// Strict UTF-8 (RFC 3629): no overlongs, no surrogates, nothing above U+10FFFF.
bool is_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    unsigned lo = 0x80, hi = 0xbf;
    if (b0 < 0x80) {
      ++i;
      continue;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      extra = 1;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      extra = 2;
      if (b0 == 0xe0) lo = 0xa0;
      if (b0 == 0xed) hi = 0x9f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      extra = 3;
      if (b0 == 0xf0) lo = 0x90;
      if (b0 == 0xf4) hi = 0x8f;
    } else {
      return false;
    }
    if (s.size() - i <= extra) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      const unsigned first_lo = k == 1 ? lo : 0x80, first_hi = k == 1 ? hi : 0xbf;
      if (b < first_lo || b > first_hi) return false;
    }
    i += extra + 1;
  }
  return true;
}

// A cursor over hostile bytes that never reads past the end.
class Reader {
 public:
  explicit Reader(ByteView in) : in_(in) {}
  [[nodiscard]] std::size_t left() const { return in_.size() - pos_; }
  bool u8(std::uint8_t& out) {
    if (left() < 1) return false;
    out = in_[pos_++];
    return true;
  }
  bool u16(std::uint16_t& out) { return fixed(2, [&](const std::uint8_t* p) { out = get_u16(p); }); }
  bool u32(std::uint32_t& out) { return fixed(4, [&](const std::uint8_t* p) { out = get_u32(p); }); }
  bool u64(std::uint64_t& out) { return fixed(8, [&](const std::uint8_t* p) { out = get_u64(p); }); }
  template <std::size_t N>
  bool array(ByteArray<N>& out) {
    return fixed(N, [&](const std::uint8_t* p) { std::copy(p, p + N, out.begin()); });
  }
  bool text(std::size_t n, std::string& out) {
    return fixed(n, [&](const std::uint8_t* p) { out.assign(reinterpret_cast<const char*>(p), n); });
  }

 private:
  template <class F>
  bool fixed(std::size_t n, F&& read) {
    if (left() < n) return false;
    read(in_.data() + pos_);
    pos_ += n;
    return true;
  }
  ByteView in_;
  std::size_t pos_ = 0;
};

Error op_error(Errc code, std::size_t index, const std::string& what) {
  return make_error(code, "op " + std::to_string(index) + ": " + what);
}

Result<Op> decode_one(Reader& r, std::size_t index) {
  const auto truncated = [index](const char* part) {
    return op_error(Errc::truncated, index, std::string("change set ends inside the ") + part);
  };
  Op op;
  std::uint8_t kind = 0;
  if (!r.u8(kind)) return truncated("kind");
  if (kind < 1 || kind > kMaxEntityKind) {
    return op_error(Errc::malformed, index, "unknown entity kind " + std::to_string(kind));
  }
  op.kind = static_cast<EntityKind>(kind);
  if (!r.array(op.id)) return truncated("entity id");
  std::uint16_t field_len = 0;
  if (!r.u16(field_len)) return truncated("field length");
  if (field_len > kMaxFieldBytes) {
    return op_error(Errc::malformed, index, "field is " + std::to_string(field_len) + " bytes (at most 64)");
  }
  if (!r.text(field_len, op.field)) return truncated("field");
  std::uint32_t value_len = 0;
  if (!r.u32(value_len)) return truncated("value length");
  if (value_len > kMaxValueBytes) {
    return op_error(Errc::malformed, index, "value is " + std::to_string(value_len) + " bytes (at most 1 MiB)");
  }
  if (!r.text(value_len, op.value)) return truncated("value");
  if (!r.u64(op.hlc.packed)) return truncated("timestamp");
  if (!r.array(op.device)) return truncated("device id");
  if (auto ok = check_op_limits(op); !ok) return op_error(ok.error().code, index, ok.error().message);
  return op;
}

}  // namespace

Result<void> check_op_limits(const Op& op) {
  const auto kind = static_cast<std::uint8_t>(op.kind);
  if (kind < 1 || kind > kMaxEntityKind) return make_error(Errc::malformed, "unknown entity kind");
  if (op.field.empty() || op.field.size() > kMaxFieldBytes) {
    return make_error(Errc::malformed, "field must be 1 to 64 bytes");
  }
  for (char c : op.field) {
    if (!is_field_char(c)) return make_error(Errc::malformed, "field may hold only A-Z a-z 0-9 _ . -");
  }
  if (op.value.size() > kMaxValueBytes) return make_error(Errc::malformed, "value is larger than 1 MiB");
  if (!is_utf8(op.value)) return make_error(Errc::malformed, "value is not valid UTF-8");
  return {};
}

void append_encoded_op(Bytes& out, const Op& op) {
  out.push_back(static_cast<std::uint8_t>(op.kind));
  put_bytes(out, op.id);
  put_u16(out, static_cast<std::uint16_t>(op.field.size()));
  put_bytes(out, as_bytes(op.field));
  put_u32(out, static_cast<std::uint32_t>(op.value.size()));
  put_bytes(out, as_bytes(op.value));
  put_u64(out, op.hlc.packed);
  put_bytes(out, op.device);
}

Bytes encode_ops(const std::vector<Op>& ops) {
  std::size_t size = 5;
  for (const Op& op : ops) size += kMinEncodedOpBytes + op.field.size() + op.value.size();
  Bytes out;
  out.reserve(size);
  out.push_back(kChangeSetVersion);
  put_u32(out, static_cast<std::uint32_t>(ops.size()));
  for (const Op& op : ops) append_encoded_op(out, op);
  return out;
}

Result<void> check_change_set(const std::vector<Op>& ops, const crypto::DeviceId& author,
                              wire::ChangeSetClass change_class) {
  for (std::size_t i = 0; i < ops.size(); ++i) {
    if (auto ok = check_op_limits(ops[i]); !ok) return op_error(ok.error().code, i, ok.error().message);
    if (ops[i].device != author) return op_error(Errc::forbidden, i, "written by another device than the author");
    if (!class_allows(change_class, ops[i])) {
      return op_error(Errc::forbidden, i, std::string(kind_name(ops[i].kind)) + " is not allowed in this change-set class");
    }
  }
  return {};
}

Result<std::vector<Op>> decode_ops(ByteView bytes) {
  Reader r(bytes);
  std::uint8_t version = 0;
  if (!r.u8(version)) return make_error(Errc::truncated, "change set is empty");
  if (version != kChangeSetVersion) {
    return make_error(Errc::unsupported_version, "change set version " + std::to_string(version) + " is not supported");
  }
  std::uint32_t count = 0;
  if (!r.u32(count)) return make_error(Errc::truncated, "change set ends inside the op count");
  // Checked before reserving, so a forged count cannot make us allocate.
  if (count > r.left() / kMinEncodedOpBytes) {
    return make_error(Errc::truncated, "change set claims " + std::to_string(count) + " ops but holds only " +
                                           std::to_string(r.left()) + " bytes");
  }
  std::vector<Op> ops;
  ops.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    auto op = decode_one(r, i);
    if (!op) return op.error();
    ops.push_back(std::move(op).value());
  }
  if (r.left() != 0) {
    return make_error(Errc::malformed, "change set has " + std::to_string(r.left()) + " trailing bytes after its " +
                                           std::to_string(count) + " ops");
  }
  return ops;
}

}  // namespace varn::model
