#pragma once
//! The change-set envelope: the only thing that leaves a device. Byte layout
//! in docs/ENVELOPE.md. The server can parse and verify it (who wrote it, in
//! which unit and epoch, in which order) but never decrypt it.

#include <cstdint>

#include "varn/crypto/device_identity.hpp"
#include "varn/crypto/hash.hpp"
#include "varn/crypto/secret_buffer.hpp"
#include "varn/crypto/sign.hpp"
#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

namespace varn::wire {

using UnitId = ByteArray<16>;
using ChangeSetId = ByteArray<16>;
using crypto::DeviceId;
using crypto::Hash32;

inline constexpr std::uint8_t kEnvelopeVersion = 2;
inline constexpr std::size_t kEnvelopeHeaderBytes = 132;
inline constexpr std::size_t kEnvelopeNonceBytes = 24;
//! Smallest legal envelope: header, 4 KiB bucket + tag, signature.
inline constexpr std::size_t kEnvelopeMinBytes = kEnvelopeHeaderBytes + 4096 + 16 + 64;

//! What kind of writing a change set holds, signed in the header so the
//! server can enforce roles without plaintext; clients check that the
//! operations inside match it.
enum class ChangeSetClass : std::uint8_t {
  field_work = 0,  //!< visits, notes, own signatures, tasks: workers and admins
  review = 1,      //!< sign-offs and reviewers' addenda: reviewers and admins
};

//! Everything the server may know about a change set.
struct EnvelopeHeader {
  ChangeSetClass change_class = ChangeSetClass::field_work;
  UnitId unit{};
  std::uint32_t epoch = 0;
  DeviceId author{};
  std::uint64_t seq = 0;     //!< author's own counter, 1, 2, 3, ...
  Hash32 prev_hash{};        //!< envelope_hash of the author's seq-1 envelope; zeros for seq 1
  ChangeSetId id{};
  //! How many registry entries the author had verified when it sealed this
  //! change set: every replica judges the author's role at that point of
  //! the registry, never by its role today (docs/REGISTRY.md).
  std::uint64_t registry_seen = 0;
  ByteArray<kEnvelopeNonceBytes> nonce{};
  std::uint32_t ciphertext_bytes = 0;

  [[nodiscard]] Bytes encode() const;
};

struct Envelope {
  EnvelopeHeader header;
  Bytes ciphertext;  //!< padded plaintext || Poly1305 tag
  crypto::Signature signature{};

  [[nodiscard]] Bytes encode() const;
};

//! What a device fills in to seal a change set; the nonce is drawn inside.
struct SealParams {
  ChangeSetClass change_class = ChangeSetClass::field_work;
  UnitId unit{};
  std::uint32_t epoch = 0;
  std::uint64_t seq = 0;
  Hash32 prev_hash{};
  ChangeSetId id{};
  std::uint64_t registry_seen = 0;
};

//! Structural parse only: magic, version, flags, exact lengths, bucket sizes.
//! Errc::truncated for short input, Errc::malformed for anything else off.
[[nodiscard]] Result<Envelope> decode_envelope(ByteView bytes);

//! Pads, encrypts under the epoch key (header as AD) and signs.
[[nodiscard]] Result<Bytes> seal_envelope(const SealParams& params, const crypto::SecretBuffer& epoch_key,
                                          const crypto::SigningKeyPair& author, ByteView plaintext);

//! Checks the author's signature: all the server needs, and the first thing a client does.
[[nodiscard]] Result<void> verify_envelope(const Envelope& envelope, const crypto::SignPublicKey& author_key);

//! Verifies, decrypts and unpads.
[[nodiscard]] Result<Bytes> open_envelope(const Envelope& envelope, const crypto::SignPublicKey& author_key,
                                          const crypto::SecretBuffer& epoch_key);
//! Decrypts and unpads an envelope the caller has just verified with
//! verify_envelope (the page opener verifies first to tell a forged change
//! set from one it cannot open); one Ed25519 verify per change set, not two.
[[nodiscard]] Result<Bytes> open_verified_envelope(const Envelope& envelope, const crypto::SecretBuffer& epoch_key);

//! BLAKE2b-256 over the whole encoded envelope: the link in the author's hash chain.
[[nodiscard]] Hash32 envelope_hash(ByteView encoded_envelope);

}  // namespace varn::wire
