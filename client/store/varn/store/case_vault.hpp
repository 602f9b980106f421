#pragma once
//! The store's side of restricted cases (model/case_vault.hpp): which ops
//! belong to one, sealing them into blobs on the way out, keeping blobs
//! this device cannot open yet, and opening them once a key arrives.
//! Keys and blobs live in two tables of the encrypted store (schema v6):
//! case_key (the case keys this device holds) and vault_blob (every blob
//! received, opened or not, with what its authority is judged by).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "varn/crypto/device_identity.hpp"
#include "varn/model/case_vault.hpp"
#include "varn/registry/chain.hpp"
#include "varn/sync/sync_store.hpp"

namespace varn::store {

class Database;
class Merger;

//! The restriction of a case (nullopt: not restricted).
[[nodiscard]] Result<std::optional<model::Restriction>> restriction_of(Database& db, const model::EntityId& case_id);
//! The restricted case an op belongs to (its case, the case's person, a
//! visit, note, addendum, sign-off, task, safety plan, placement, child or
//! assessment of it); nullopt for every other op and for the ops that carry
//! the restriction itself (model::is_vault_envelope_op) or the access log.
[[nodiscard]] Result<std::optional<model::EntityId>> restricted_case_of(Database& db, const model::Op& op);

[[nodiscard]] Result<std::optional<crypto::SecretBuffer>> held_case_key(Database& db, const model::EntityId& case_id,
                                                                        const model::CaseKeyId& key_id);
[[nodiscard]] Result<void> keep_case_key(Database& db, const model::EntityId& case_id, const model::CaseKey& key);
//! Every key id this device holds for a case.
[[nodiscard]] Result<std::vector<model::CaseKeyId>> held_key_ids(Database& db, const model::EntityId& case_id);
//! Whether any case is restricted here (an indexed look, for the fast path).
[[nodiscard]] Result<bool> any_restricted_case(Database& db);
//! Every restricted case this store knows of.
[[nodiscard]] Result<std::vector<model::EntityId>> restricted_cases(Database& db);

struct VaultRecipient {
  crypto::DeviceId device{};
  crypto::BoxPublicKey box{};
};
//! The devices enrolled now for the named staff and active in `state`.
[[nodiscard]] Result<std::vector<VaultRecipient>> recipients_of(Database& db, const registry::RegistryState& state,
                                                                const std::vector<std::string>& staff);

//! Outgoing: the ops of each restricted case in `ops` become one blob under
//! the case's current key. A device without that key (it wrote before the
//! case was restricted without it) seals them under a key of their own,
//! sealed to the named staff's devices in the same change set and kept
//! nowhere. `registry`: the verified registry, asked only then.
struct SealedOps {
  std::vector<model::Op> ops;         //!< what the change set carries
  //! Ops of a restricted case that could not be sealed to anyone (its named
  //! staff have no enrolled device, or its restriction does not parse), or
  //! too large for a blob: kept on this device and listed, never sent.
  std::vector<model::Op> unsealable;
};
[[nodiscard]] Result<SealedOps> seal_restricted(Database& db, std::vector<model::Op> ops, const crypto::DeviceId& me,
                                                const std::function<Result<registry::RegistryState>()>& registry);

//! Incoming: keeps a blob of a received change set (its author, class and
//! role with it, for when it is opened).
[[nodiscard]] Result<void> keep_blob(Database& db, const sync::ReceivedChangeSet& r, const model::Op& blob);

struct VaultOpening {
  std::size_t keys = 0;     //!< boxes opened
  std::size_t opened = 0;   //!< blobs merged
  std::size_t refused = 0;  //!< blobs refused (listed as conflicts)
  std::uint64_t max_hlc = 0;
};
//! Opens the boxes addressed to `me` not opened yet, then every blob whose
//! key this device holds: its ops are checked as a change set of their own
//! (author, class, limits, no restriction ops inside, model::check_authority
//! with the role kept) and merged through `merger`, or refused and listed.
[[nodiscard]] Result<VaultOpening> open_vault(Database& db, Merger& merger, const crypto::DeviceIdentity& me,
                                              std::uint64_t now_ms);
//! Whether a blob waits for a key this device holds (a cheap check).
[[nodiscard]] Result<bool> vault_has_openable(Database& db);

}  // namespace varn::store
