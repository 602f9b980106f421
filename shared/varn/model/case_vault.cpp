#include "varn/model/case_vault.hpp"

#include <algorithm>

#include "varn/crypto/aead.hpp"
#include "varn/crypto/hash.hpp"
#include "varn/crypto/random.hpp"
#include "varn/model/caseload.hpp"
#include "varn/model/change_set_codec.hpp"

namespace varn::model {
namespace {

constexpr std::string_view kKeyIdLabel = "varn/case-key-id/v1";
constexpr std::string_view kBlobLabel = "varn/case-vault/v1";

Bytes blob_associated_data(const EntityId& case_id, const crypto::DeviceId& author, const CaseKeyId& key_id,
                           std::string_view blob_id) {
  Bytes ad(kBlobLabel.begin(), kBlobLabel.end());
  ad.push_back(0);
  put_bytes(ad, case_id);
  put_bytes(ad, author);
  put_bytes(ad, key_id);
  put_bytes(ad, as_bytes(blob_id));
  return ad;
}

}  // namespace

CaseKeyId case_key_id_of(ByteView key) {
  const auto h = crypto::labelled_hash(kKeyIdLabel, {key});
  CaseKeyId id{};
  std::copy_n(h.begin(), id.size(), id.begin());
  return id;
}

CaseKey new_case_key() {
  CaseKey k{{}, crypto::SecretBuffer::random(kCaseKeyBytes)};
  k.id = case_key_id_of(k.key.view());
  return k;
}

std::optional<Restriction> decode_restriction(const std::optional<std::string>& staff,
                                              const std::optional<std::string>& key) {
  if (!staff && !key) return std::nullopt;
  Restriction r;
  auto id = key ? array_from_hex<12>(*key) : std::nullopt;
  if (!staff || !id) return r;  // broken
  r.current = *id;
  r.staff = split_responsible(*staff);
  // Each id must be 32 hex digits; one that is not breaks the whole list.
  for (const auto& s : r.staff) {
    if (!array_from_hex<16>(s)) return Restriction{};
  }
  return r;
}

bool may_restrict_case(std::optional<registry::Role> role) {
  return role == registry::Role::reviewer || role == registry::Role::admin;
}

bool is_vault_envelope_op(const Op& op) {
  return op.kind == EntityKind::case_sealed || op.kind == EntityKind::case_key ||
         (op.kind == EntityKind::case_file && (op.field == kCaseRestriction || op.field == kCaseRestrictionKey));
}

Result<Op> seal_case_ops(const CaseKey& key, const EntityId& case_id, const std::vector<Op>& inner, Hlc stamp,
                         const crypto::DeviceId& author) {
  const std::string blob_id = to_hex(crypto::random_array<16>());
  const auto nonce = crypto::random_array<crypto::kXNonceBytes>();
  const Bytes plaintext = encode_ops(inner);
  auto sealed = crypto::aead_encrypt(crypto::AeadKind::xchacha20poly1305, key.key.view(), nonce, plaintext,
                                     blob_associated_data(case_id, author, key.id, blob_id));
  if (!sealed) return sealed.error();
  Bytes value(key.id.begin(), key.id.end());
  put_bytes(value, nonce);
  put_bytes(value, *sealed);
  Op op{EntityKind::case_sealed, case_id, blob_id, to_base64(value), stamp, author};
  if (auto limits = check_op_limits(op); !limits) return limits.error();
  return op;
}

namespace {

struct BlobParts {
  CaseKeyId key_id{};
  Bytes bytes;  // key id || nonce || ciphertext
};

Result<BlobParts> blob_parts(const Op& blob) {
  if (blob.kind != EntityKind::case_sealed) return make_error(Errc::malformed, "not a sealed case blob");
  auto bytes = from_base64(blob.value);
  constexpr std::size_t kHead = sizeof(CaseKeyId) + crypto::kXNonceBytes;
  if (!bytes || bytes->size() < kHead + crypto::kAeadTagBytes) {
    return make_error(Errc::malformed, "a sealed case blob is too short or not base64");
  }
  BlobParts parts;
  std::copy_n(bytes->begin(), parts.key_id.size(), parts.key_id.begin());
  parts.bytes = std::move(*bytes);
  return parts;
}

}  // namespace

Result<CaseKeyId> blob_key_id(const Op& blob) {
  auto parts = blob_parts(blob);
  if (!parts) return parts.error();
  return parts->key_id;
}

Result<std::vector<Op>> open_case_ops(const crypto::SecretBuffer& key, const Op& blob) {
  auto parts = blob_parts(blob);
  if (!parts) return parts.error();
  const ByteView all = parts->bytes;
  const auto nonce = all.subspan(sizeof(CaseKeyId), crypto::kXNonceBytes);
  const auto ciphertext = all.subspan(sizeof(CaseKeyId) + crypto::kXNonceBytes);
  auto plain = crypto::aead_decrypt(crypto::AeadKind::xchacha20poly1305, key.view(), nonce, ciphertext,
                                    blob_associated_data(blob.id, blob.device, parts->key_id, blob.field));
  if (!plain) return plain.error();
  auto ops = decode_ops(*plain);
  std::fill(plain->begin(), plain->end(), std::uint8_t{0});
  return ops;
}

std::string key_box_field(const crypto::DeviceId& device, const CaseKeyId& id) {
  return to_hex(device) + "." + to_hex(id);
}

std::optional<std::pair<crypto::DeviceId, CaseKeyId>> parse_key_box_field(std::string_view field) {
  const auto dot = field.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  auto device = array_from_hex<16>(field.substr(0, dot));
  auto id = array_from_hex<12>(field.substr(dot + 1));
  if (!device || !id) return std::nullopt;
  return std::pair{*device, *id};
}

Result<Op> seal_key_box(const CaseKey& key, const EntityId& case_id, const crypto::DeviceId& device,
                        const crypto::BoxPublicKey& device_box_key, Hlc stamp, const crypto::DeviceId& author) {
  auto sealed = crypto::seal_to(device_box_key, key.key.view());
  if (!sealed) return sealed.error();
  return Op{EntityKind::case_key, case_id, key_box_field(device, key.id), to_base64(*sealed), stamp, author};
}

Result<CaseKey> open_key_box(const crypto::BoxKeyPair& me, std::string_view field, std::string_view value) {
  auto named = parse_key_box_field(field);
  auto sealed = from_base64(value);
  if (!named || !sealed) return make_error(Errc::malformed, "a case key box does not parse");
  auto key = crypto::open_sealed(me, *sealed);
  if (!key) return key.error();
  if (key->size() != kCaseKeyBytes || case_key_id_of(key->view()) != named->second) {
    return make_error(Errc::decrypt_failed, "a case key box holds another key than the one it names");
  }
  return CaseKey{named->second, std::move(*key)};
}

}  // namespace varn::model
