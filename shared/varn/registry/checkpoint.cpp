#include "varn/registry/checkpoint.hpp"

#include <algorithm>

namespace varn::registry {
namespace {

constexpr std::string_view kLabel = "varn/checkpoint/v2";

Bytes signed_part(const Checkpoint& c) {
  Bytes out;
  put_bytes(out, c.unit);
  put_u64(out, c.log_seq);
  put_bytes(out, c.log_hash);
  put_u64(out, c.registry_length);
  put_bytes(out, c.registry_head);
  put_u64(out, static_cast<std::uint64_t>(c.time));
  return out;
}

}  // namespace

crypto::Hash32 next_log_hash(const crypto::Hash32& previous, std::uint64_t seq, const crypto::Hash32& envelope) {
  Bytes n;
  put_u64(n, seq);
  return crypto::labelled_hash("varn/log-hash/v1", {previous, n, envelope});
}

Bytes Checkpoint::encode() const {
  Bytes out = signed_part(*this);
  put_bytes(out, signature);
  return out;
}

Result<Checkpoint> Checkpoint::decode(ByteView bytes) {
  if (bytes.size() != kCheckpointBytes) return make_error(Errc::malformed, "checkpoint has the wrong size");
  Checkpoint c;
  const std::uint8_t* p = bytes.data();
  std::copy_n(p, 16, c.unit.begin());
  c.log_seq = get_u64(p + 16);
  std::copy_n(p + 24, 32, c.log_hash.begin());
  c.registry_length = get_u64(p + 56);
  std::copy_n(p + 64, 32, c.registry_head.begin());
  c.time = static_cast<std::int64_t>(get_u64(p + 96));
  std::copy_n(p + 104, 64, c.signature.begin());
  return c;
}

void Checkpoint::sign_with(const crypto::SigningKeyPair& server_key) {
  const Bytes part = signed_part(*this);
  signature = server_key.sign(crypto::labelled_hash(kLabel, {part}));
}

Result<void> Checkpoint::verify(const crypto::SignPublicKey& server_key) const {
  const Bytes part = signed_part(*this);
  return crypto::verify_signature(server_key, crypto::labelled_hash(kLabel, {part}), signature);
}

}  // namespace varn::registry
