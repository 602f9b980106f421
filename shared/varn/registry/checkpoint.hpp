#pragma once
//! The server's signed statement of a unit's log and registry: not only how
//! far they reach but a hash of the whole history, so that after a restore
//! followed by new writes (the head number passing what a device saw while
//! the history differs) every device notices. A device compares it with the
//! running hash it computed over what it pulled itself.

#include <cstdint>

#include "varn/crypto/hash.hpp"
#include "varn/crypto/sign.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::registry {

inline constexpr std::size_t kCheckpointBytes = 16 + 8 + 32 + 8 + 32 + 8 + 64;

//! The running hash of a unit's log after change set `seq` (whose
//! envelope_hash is `envelope`): BLAKE2b-256("varn/log-hash/v1" 0x00 ||
//! previous || u64 seq || envelope). The log hash of an empty log is zeros.
[[nodiscard]] crypto::Hash32 next_log_hash(const crypto::Hash32& previous, std::uint64_t seq,
                                           const crypto::Hash32& envelope);

struct Checkpoint {
  wire::UnitId unit{};
  std::uint64_t log_seq = 0;          //!< the change-set sequence number it speaks of
  crypto::Hash32 log_hash{};          //!< the running log hash at log_seq
  std::uint64_t registry_length = 0;  //!< registry entries stored
  crypto::Hash32 registry_head{};     //!< entry_hash of the last of them (zeros: none)
  std::int64_t time = 0;              //!< unix seconds, server clock
  crypto::Signature signature{};

  [[nodiscard]] Bytes encode() const;
  [[nodiscard]] static Result<Checkpoint> decode(ByteView bytes);
  void sign_with(const crypto::SigningKeyPair& server_key);
  [[nodiscard]] Result<void> verify(const crypto::SignPublicKey& server_key) const;
};

}  // namespace varn::registry
