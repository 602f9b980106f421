#pragma once
//! Restricted cases (skyddade personuppgifter): a case whose content only the
//! staff a reviewer or an admin names may read. The case and everything in
//! it (its person, visits, notes, addenda, sign-offs, tasks, safety plans,
//! placements, children, assessments) travel inside the unit's change sets
//! as ops of kind case_sealed: their own encoding, encrypted under a case
//! key. Each case key is sealed (crypto_box_seal) to every device of the
//! named staff as an op of kind case_key. A device without the key keeps
//! the ciphertext and learns only what docs/RESTRICTED.md lists.
//!
//! - A case key is 32 random bytes; its id is the first 12 bytes of a
//!   labelled BLAKE2b of the key, so a box proves which key it holds: a
//!   box whose key does not hash to the id its field names is ignored.
//! - The restriction is two case_file fields, written by a reviewer or an
//!   admin only (authority.cpp): "restriction", the named staff, and
//!   "restriction_key", the id of the key new content is sealed under.
//!   Every naming writes both with a new key, so staff removed from the list
//!   cannot read what is written after; a device revoked while named gets
//!   the key replaced (the key field only, never the staff) at the next sync
//!   of a reviewer's or an admin's device. A restriction that is present but
//!   does not parse still restricts: nothing is sealed to anyone and the
//!   case opens nowhere until a reviewer names staff again.
//! - A sealed blob's associated data binds the case, the author and the
//!   blob id: a blob cannot be moved to another case or claimed by another
//!   author. Its inner ops are checked like any change set's, alone.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "varn/crypto/box.hpp"
#include "varn/crypto/secret_buffer.hpp"
#include "varn/model/operation.hpp"
#include "varn/registry/entry.hpp"
#include "varn/util/result.hpp"

namespace varn::model {

inline constexpr std::size_t kCaseKeyBytes = 32;
using CaseKeyId = ByteArray<12>;

struct CaseKey {
  CaseKeyId id{};
  crypto::SecretBuffer key{kCaseKeyBytes};
};

[[nodiscard]] CaseKey new_case_key();
[[nodiscard]] CaseKeyId case_key_id_of(ByteView key);

//! The case_file fields that restrict a case.
inline constexpr std::string_view kCaseRestriction = "restriction";        //!< staff ids hex, sorted, comma-separated
inline constexpr std::string_view kCaseRestrictionKey = "restriction_key";  //!< the current key's id, hex

struct Restriction {
  CaseKeyId current{};              //!< the key new content is sealed under
  std::vector<std::string> staff;   //!< named staff ids hex, sorted, unique; empty: broken, names nobody
  [[nodiscard]] bool broken() const { return staff.empty(); }
};
//! The restriction the two fields' values give (nullopt when neither is
//! set): one that does not parse comes back broken, never as "none".
[[nodiscard]] std::optional<Restriction> decode_restriction(const std::optional<std::string>& staff,
                                                            const std::optional<std::string>& key);

//! Whether `role` may restrict a case or change who is named.
[[nodiscard]] bool may_restrict_case(std::optional<registry::Role> role);

//! Ops that carry the restriction itself, its keys and its blobs: never
//! sealed inside a case's vault, never inside a blob.
[[nodiscard]] bool is_vault_envelope_op(const Op& op);

//! One blob: `inner` (all by `author`) encrypted under `key`, as an op on
//! the case stamped `stamp`.
[[nodiscard]] Result<Op> seal_case_ops(const CaseKey& key, const EntityId& case_id, const std::vector<Op>& inner,
                                       Hlc stamp, const crypto::DeviceId& author);
//! The key id a blob names; Errc::malformed for a value that is no blob.
[[nodiscard]] Result<CaseKeyId> blob_key_id(const Op& blob);
//! Opens a blob with its key: Errc::decrypt_failed for a wrong key or any
//! tampering, Errc::malformed when what it holds does not decode.
[[nodiscard]] Result<std::vector<Op>> open_case_ops(const crypto::SecretBuffer& key, const Op& blob);

//! The case_key op that seals `key` to a device.
[[nodiscard]] Result<Op> seal_key_box(const CaseKey& key, const EntityId& case_id, const crypto::DeviceId& device,
                                      const crypto::BoxPublicKey& device_box_key, Hlc stamp,
                                      const crypto::DeviceId& author);
//! The field a box for `device` and key `id` has.
[[nodiscard]] std::string key_box_field(const crypto::DeviceId& device, const CaseKeyId& id);
//! The device and key id a box field names; nullopt when it names none.
[[nodiscard]] std::optional<std::pair<crypto::DeviceId, CaseKeyId>> parse_key_box_field(std::string_view field);
//! Opens a box addressed to `me`; Errc::decrypt_failed when it is not for
//! this device or its key does not hash to the id its field names.
[[nodiscard]] Result<CaseKey> open_key_box(const crypto::BoxKeyPair& me, std::string_view field, std::string_view value);

}  // namespace varn::model
