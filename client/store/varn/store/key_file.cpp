#include "varn/store/key_file.hpp"

#include <algorithm>

#include "varn/crypto/hash.hpp"
#include "varn/store/file_ops.hpp"

namespace varn::store {
namespace {

constexpr std::uint8_t kMagic[8] = {'V', 'A', 'R', 'N', 'S', 'K', 'E', 'Y'};
constexpr std::uint8_t kKeyFileVersion = 1;
constexpr std::size_t kParamsBytes = 34;
constexpr std::size_t kWrappedBytes = 24 + 32 + 16;  // nonce || key || tag
constexpr std::size_t kChecksumBytes = 16;
constexpr std::size_t kBodyBytes = 8 + 1 + 2 + kParamsBytes + 2 + kWrappedBytes + 4 + 4;
constexpr std::string_view kChecksumLabel = "varn.store.key_file.v1";

Bytes header_of(const crypto::KdfParams& params) {
  Bytes out(kMagic, kMagic + sizeof kMagic);
  out.push_back(kKeyFileVersion);
  const Bytes encoded = params.encode();
  put_u16(out, static_cast<std::uint16_t>(encoded.size()));
  put_bytes(out, encoded);
  return out;
}

}  // namespace

Bytes KeyFile::associated_data() const { return header_of(params); }

Bytes KeyFile::encode() const {
  Bytes out = header_of(params);
  put_u16(out, static_cast<std::uint16_t>(wrapped.size()));
  put_bytes(out, wrapped);
  put_u32(out, failed_unlocks);
  put_u32(out, wipe_after);
  const auto sum = crypto::labelled_hash16(kChecksumLabel, {out});
  put_bytes(out, sum);
  return out;
}

Result<KeyFile> KeyFile::decode(ByteView bytes) {
  if (bytes.size() < sizeof kMagic + 1 || !std::equal(kMagic, kMagic + sizeof kMagic, bytes.begin())) {
    return make_error(Errc::corrupt, "the key file is not a Värn key file");
  }
  if (bytes[8] != kKeyFileVersion) return make_error(Errc::unsupported_version, "unknown key file version");
  if (bytes.size() != kBodyBytes + kChecksumBytes) return make_error(Errc::corrupt, "the key file has the wrong size");
  const auto body = bytes.first(kBodyBytes);
  const auto sum = crypto::labelled_hash16(kChecksumLabel, {body});
  if (!std::equal(sum.begin(), sum.end(), bytes.begin() + kBodyBytes)) {
    return make_error(Errc::corrupt, "the key file is damaged (checksum)");
  }
  const std::uint8_t* p = bytes.data() + 9;
  if (get_u16(p) != kParamsBytes || get_u16(p + 2 + kParamsBytes) != kWrappedBytes) {
    return make_error(Errc::corrupt, "the key file has unexpected field sizes");
  }
  auto params = crypto::KdfParams::decode(ByteView(p + 2, kParamsBytes));
  if (!params) return make_error(Errc::corrupt, "the key file's KDF parameters: " + params.error().message);
  KeyFile out;
  out.params = *params;
  p += 2 + kParamsBytes + 2;
  out.wrapped.assign(p, p + kWrappedBytes);
  p += kWrappedBytes;
  out.failed_unlocks = get_u32(p);
  out.wipe_after = get_u32(p + 4);
  return out;
}

std::string key_file_path(const std::string& db_path) { return db_path + ".key"; }

std::string key_lock_path(const std::string& db_path) { return db_path + ".key.lock"; }

Result<KeyFile> read_key_file(const std::string& db_path) {
  auto bytes = read_whole_file(key_file_path(db_path));
  if (!bytes) return bytes.error();
  return KeyFile::decode(*bytes);
}

Result<void> write_key_file(const std::string& db_path, const KeyFile& key_file) {
  return write_file_atomically(key_file_path(db_path), key_file.encode());
}

}  // namespace varn::store
