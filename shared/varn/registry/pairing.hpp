#pragma once
//! Enrolment verified both ways. The new device shows a one-time pairing
//! secret (text and QR) that never reaches the server; the admin enters or
//! scans it and the enrol entry carries a MAC under it. The new device pins
//! the unit's admin key only from an entry that proves the secret, so
//! neither the operator nor another unit's admin, holding the pending
//! request's code and bundle, can enrol it elsewhere. Both devices then show
//! the same unit safety code, derived from the pinned admin key.

#include <optional>
#include <string>
#include <vector>

#include "varn/registry/chain.hpp"

namespace varn::registry {

//! 80 random bits: far beyond offline guessing of a MAC the server sees.
inline constexpr std::size_t kPairingSecretBytes = 10;
using PairingSecret = ByteArray<kPairingSecretBytes>;

[[nodiscard]] PairingSecret new_pairing_secret();
//! Crockford base32 in four groups of four and two check symbols:
//! "7K2M-QX9D-A4PR-VT3N-8C".
[[nodiscard]] std::string pairing_text(const PairingSecret& secret);
//! Reads what a person typed or a QR code held: case, spaces and dashes do
//! not matter, and I/L read as 1, O as 0. Errc::invalid_argument otherwise,
//! also when the check symbols show a character typed wrong.
[[nodiscard]] Result<PairingSecret> parse_pairing(std::string_view text);

//! The MAC an approving admin puts in an enrol entry: keyed BLAKE2b over the
//! entry's signed part with the MAC field zeroed.
[[nodiscard]] crypto::Hash32 pairing_mac(const PairingSecret& secret, const Entry& entry);

//! What a pending device learns from a unit's registry: the verified state
//! (whose root is the admin key to pin) when the chain verifies from its
//! own entry 0 and holds an enrol entry for `me` (this very bundle) whose
//! MAC proves `secret`. Errc::forbidden when a valid chain enrols `me`
//! without the proof (someone holding only the code and bundle tried);
//! Errc::not_found when it does not enrol `me` (yet).
[[nodiscard]] Result<RegistryState> admin_proven_by_pairing(const std::vector<Entry>& chain,
                                                            const crypto::DevicePublicBundle& me,
                                                            const PairingSecret& secret);

//! Four groups of five digits from the unit id and its pinned admin key: the
//! same on every device of a unit, different for any other unit.
[[nodiscard]] std::string unit_safety_code(const wire::UnitId& unit, const crypto::SignPublicKey& root);

}  // namespace varn::registry
