#pragma once
//! The server's signed statement of how far a unit's log and registry
//! reached. A client keeps the highest it has seen: a lower one later means
//! the server was rolled back (an attack, or an honest restore from backup,
//! after which the client re-pushes what the server lost).

#include <cstdint>

#include "varn/crypto/sign.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::registry {

inline constexpr std::size_t kCheckpointBytes = 16 + 8 + 8 + 8 + 64;

struct Checkpoint {
  wire::UnitId unit{};
  std::uint64_t log_seq = 0;          //!< highest change-set sequence number stored
  std::uint64_t registry_length = 0;  //!< registry entries stored
  std::int64_t time = 0;              //!< unix seconds, server clock
  crypto::Signature signature{};

  [[nodiscard]] Bytes encode() const;
  [[nodiscard]] static Result<Checkpoint> decode(ByteView bytes);
  void sign_with(const crypto::SigningKeyPair& server_key);
  [[nodiscard]] Result<void> verify(const crypto::SignPublicKey& server_key) const;
};

//! What a client concludes from a fresh checkpoint and the highest it holds.
enum class CheckpointVerdict { advanced, same, rolled_back };

[[nodiscard]] CheckpointVerdict compare_checkpoint(const Checkpoint& fresh, std::uint64_t highest_log_seq,
                                                   std::uint64_t highest_registry_length);

}  // namespace varn::registry
