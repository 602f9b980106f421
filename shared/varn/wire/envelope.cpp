#include "varn/wire/envelope.hpp"

#include <algorithm>

#include "varn/crypto/aead.hpp"
#include "varn/crypto/random.hpp"
#include "varn/wire/padding.hpp"

namespace varn::wire {
namespace {

constexpr std::uint8_t kMagic0 = 'V';
constexpr std::uint8_t kMagic1 = 'E';
constexpr std::string_view kSignatureLabel = "varn/envelope-signature/v1";
constexpr std::string_view kHashLabel = "varn/envelope-hash/v1";

template <std::size_t N>
void read_array(ByteArray<N>& out, const std::uint8_t* p) {
  std::copy_n(p, N, out.begin());
}

bool is_valid_ciphertext_size(std::size_t bytes) {
  return bytes >= crypto::kAeadTagBytes && is_bucket(bytes - crypto::kAeadTagBytes);
}

crypto::Hash32 signed_digest(ByteView header, ByteView ciphertext) {
  return crypto::labelled_hash(kSignatureLabel, {header, ciphertext});
}

}  // namespace

Bytes EnvelopeHeader::encode() const {
  Bytes out;
  out.reserve(kEnvelopeHeaderBytes);
  out.push_back(kMagic0);
  out.push_back(kMagic1);
  out.push_back(kEnvelopeVersion);
  out.push_back(static_cast<std::uint8_t>(change_class));
  put_bytes(out, unit);
  put_u32(out, epoch);
  put_bytes(out, author);
  put_u64(out, seq);
  put_bytes(out, prev_hash);
  put_bytes(out, id);
  put_u64(out, registry_seen);
  put_bytes(out, nonce);
  put_u32(out, ciphertext_bytes);
  return out;
}

Bytes Envelope::encode() const {
  Bytes out = header.encode();
  out.reserve(out.size() + ciphertext.size() + signature.size());
  put_bytes(out, ciphertext);
  put_bytes(out, signature);
  return out;
}

Result<Envelope> decode_envelope(ByteView bytes) {
  if (bytes.size() < kEnvelopeHeaderBytes) return make_error(Errc::truncated, "envelope is shorter than its header");
  const std::uint8_t* p = bytes.data();
  if (p[0] != kMagic0 || p[1] != kMagic1) return make_error(Errc::malformed, "not a Värn envelope (bad magic)");
  if (p[2] != kEnvelopeVersion) return make_error(Errc::unsupported_version, "unsupported envelope version");
  if (p[3] > static_cast<std::uint8_t>(ChangeSetClass::review)) {
    return make_error(Errc::malformed, "envelope names an unknown change-set class");
  }
  Envelope env;
  EnvelopeHeader& h = env.header;
  h.change_class = static_cast<ChangeSetClass>(p[3]);
  read_array(h.unit, p + 4);
  h.epoch = get_u32(p + 20);
  read_array(h.author, p + 24);
  h.seq = get_u64(p + 40);
  read_array(h.prev_hash, p + 48);
  read_array(h.id, p + 80);
  h.registry_seen = get_u64(p + 96);
  read_array(h.nonce, p + 104);
  h.ciphertext_bytes = get_u32(p + 128);
  if (h.seq == 0) return make_error(Errc::malformed, "envelope sequence numbers start at 1");
  if (!is_valid_ciphertext_size(h.ciphertext_bytes)) {
    return make_error(Errc::malformed, "envelope ciphertext is not a valid size bucket");
  }
  const std::size_t expected = kEnvelopeHeaderBytes + h.ciphertext_bytes + crypto::kSignatureBytes;
  if (bytes.size() < expected) return make_error(Errc::truncated, "envelope is truncated");
  if (bytes.size() > expected) return make_error(Errc::malformed, "envelope has trailing bytes");
  env.ciphertext.assign(p + kEnvelopeHeaderBytes, p + kEnvelopeHeaderBytes + h.ciphertext_bytes);
  read_array(env.signature, p + kEnvelopeHeaderBytes + h.ciphertext_bytes);
  return env;
}

Result<Bytes> seal_envelope(const SealParams& params, const crypto::SecretBuffer& epoch_key,
                            const crypto::SigningKeyPair& author, ByteView plaintext) {
  if (params.seq == 0) return make_error(Errc::invalid_argument, "sequence numbers start at 1");
  auto padded = pad(plaintext);
  if (!padded) return padded.error();
  Envelope env;
  EnvelopeHeader& h = env.header;
  h.change_class = params.change_class;
  h.unit = params.unit;
  h.epoch = params.epoch;
  h.author = crypto::device_id_of(author.public_key());
  h.seq = params.seq;
  h.prev_hash = params.prev_hash;
  h.id = params.id;
  h.registry_seen = params.registry_seen;
  h.nonce = crypto::random_array<kEnvelopeNonceBytes>();
  h.ciphertext_bytes = static_cast<std::uint32_t>(padded->size() + crypto::kAeadTagBytes);
  const Bytes header = h.encode();
  auto ct = crypto::aead_encrypt(crypto::AeadKind::xchacha20poly1305, epoch_key.view(), h.nonce, *padded, header);
  if (!ct) return ct.error();
  env.ciphertext = std::move(ct).value();
  env.signature = author.sign(signed_digest(header, env.ciphertext));
  return env.encode();
}

Result<void> verify_envelope(const Envelope& envelope, const crypto::SignPublicKey& author_key) {
  if (crypto::device_id_of(author_key) != envelope.header.author) {
    return make_error(Errc::bad_signature, "envelope author does not match the signing key");
  }
  const Bytes header = envelope.header.encode();
  return crypto::verify_signature(author_key, signed_digest(header, envelope.ciphertext), envelope.signature);
}

Result<Bytes> open_envelope(const Envelope& envelope, const crypto::SignPublicKey& author_key,
                            const crypto::SecretBuffer& epoch_key) {
  if (auto verified = verify_envelope(envelope, author_key); !verified) return verified.error();
  return open_verified_envelope(envelope, epoch_key);
}

Result<Bytes> open_verified_envelope(const Envelope& envelope, const crypto::SecretBuffer& epoch_key) {
  const Bytes header = envelope.header.encode();
  auto padded = crypto::aead_decrypt(crypto::AeadKind::xchacha20poly1305, epoch_key.view(),
                                     envelope.header.nonce, envelope.ciphertext, header);
  if (!padded) return padded.error();
  return unpad(*padded);
}

Hash32 envelope_hash(ByteView encoded_envelope) { return crypto::labelled_hash(kHashLabel, {encoded_envelope}); }

}  // namespace varn::wire
