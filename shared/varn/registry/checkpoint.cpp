#include "varn/registry/checkpoint.hpp"

#include <algorithm>

#include "varn/crypto/hash.hpp"

namespace varn::registry {
namespace {

constexpr std::string_view kLabel = "varn/checkpoint/v1";

Bytes signed_part(const Checkpoint& c) {
  Bytes out;
  put_bytes(out, c.unit);
  put_u64(out, c.log_seq);
  put_u64(out, c.registry_length);
  put_u64(out, static_cast<std::uint64_t>(c.time));
  return out;
}

}  // namespace

Bytes Checkpoint::encode() const {
  Bytes out = signed_part(*this);
  put_bytes(out, signature);
  return out;
}

Result<Checkpoint> Checkpoint::decode(ByteView bytes) {
  if (bytes.size() != kCheckpointBytes) return make_error(Errc::malformed, "checkpoint has the wrong size");
  Checkpoint c;
  std::copy_n(bytes.begin(), 16, c.unit.begin());
  c.log_seq = get_u64(bytes.data() + 16);
  c.registry_length = get_u64(bytes.data() + 24);
  c.time = static_cast<std::int64_t>(get_u64(bytes.data() + 32));
  std::copy_n(bytes.begin() + 40, 64, c.signature.begin());
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

CheckpointVerdict compare_checkpoint(const Checkpoint& fresh, std::uint64_t highest_log_seq,
                                     std::uint64_t highest_registry_length) {
  if (fresh.log_seq < highest_log_seq || fresh.registry_length < highest_registry_length) {
    return CheckpointVerdict::rolled_back;
  }
  if (fresh.log_seq == highest_log_seq && fresh.registry_length == highest_registry_length) {
    return CheckpointVerdict::same;
  }
  return CheckpointVerdict::advanced;
}

}  // namespace varn::registry
