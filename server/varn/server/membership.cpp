#include "varn/server/membership.hpp"

#include <set>

#include "varn/server/log.hpp"

namespace varn::server {
namespace {

using registry::EntryKind;
using Refused = std::optional<RegistryRefusal>;

Refused refuse(unsigned status, std::string code, std::string message) {
  return RegistryRefusal{status, std::move(code), std::move(message)};
}

//! The server's own rules on what an entry brings, beyond the signature.
Refused check_copies(const registry::RegistryState& s, const registry::Entry& e, std::vector<KeyCopyRecord>& copies) {
  if (e.kind == EntryKind::enrol || e.kind == EntryKind::recover || e.kind == EntryKind::set_recovery) {
    // None (another device re-posting it after a restore), or one per
    // existing epoch, all for the subject (set_recovery: the recovery key).
    const DeviceId holder = e.kind == EntryKind::set_recovery ? e.bundle.device_id() : e.subject;
    std::set<std::uint32_t> epochs;
    for (std::size_t i = 0; i < copies.size(); ++i) {
      auto& c = copies[i];
      if (c.epoch == 0) c.epoch = static_cast<std::uint32_t>(i + 1);
      if (c.device != holder || c.epoch > s.epoch || !epochs.insert(c.epoch).second) {
        return refuse(400, "malformed", "enrol copies must be the subject's, one for each existing epoch");
      }
    }
    if (!copies.empty() && copies.size() != s.epoch) {
      return refuse(400, "malformed", "an enrol entry carries one key copy per existing epoch, or none");
    }
    return {};
  }
  if (e.kind == EntryKind::rotate) {
    std::set<DeviceId> named;
    std::vector<registry::KeyCopy> hashed;
    for (auto& c : copies) {
      c.epoch = e.epoch;
      named.insert(c.device);
      hashed.push_back({c.device, c.wrapped});
    }
    std::set<DeviceId> active;
    for (const auto& [id, d] : s.devices) {
      if (!d.revoked) active.insert(id);
    }
    if (s.recovery) active.insert(s.recovery->device_id());
    if (named.size() != copies.size() || named != active) {
      return refuse(400, "key_set", "the copies must name exactly the active devices (and the recovery key), once each");
    }
    if (registry::key_set_hash(e.epoch, hashed) != e.key_set) {
      return refuse(400, "key_set", "the copies differ from the key set the entry signs");
    }
    return {};
  }
  if (!copies.empty()) return refuse(400, "malformed", "only enrol, recovery and rotate entries carry key copies");
  return {};
}

//! Checks the entry the way RegistryState::append will, to answer the
//! protocol's error codes; append itself then decides.
Refused precheck(const registry::RegistryState& s, const registry::Entry& e) {
  if (e.unit != s.unit && s.length > 0) return refuse(400, "wrong_unit", "the entry names another unit");
  if (e.index != s.length || (s.length > 0 && e.prev != s.head)) {
    return refuse(409, "registry_head", "the entry does not follow the registry's last entry");
  }
  crypto::SignPublicKey signer_key = s.root;
  if (e.index > 0 && e.kind == EntryKind::recover) {
    if (!s.recovery || e.signer != s.recovery->device_id()) {
      return refuse(403, "forbidden", "a recovery is signed by the recovery key the unit's registry holds");
    }
    signer_key = s.recovery->sign_key;
  } else if (e.index > 0) {
    const auto* signer = s.active(e.signer);
    if (signer == nullptr || signer->role != registry::Role::admin) {
      return refuse(403, "forbidden", "the entry is not signed by an active admin of this unit");
    }
    signer_key = signer->bundle.sign_key;
  } else if (e.signer != crypto::device_id_of(s.root)) {
    return refuse(403, "forbidden", "entry 0 is the device that used the unit code, enrolling itself as admin");
  }
  if (!crypto::verify_signature(signer_key, registry::entry_signature_digest(e), e.signature)) {
    return refuse(400, "bad_signature", "the entry's signature does not verify");
  }
  return {};
}

}  // namespace

Result<Membership::State> Membership::load(const UnitId& unit, const UnitRecord& record, const State& cached) {
  registry::RegistryState next;
  std::uint64_t from = 0;
  if (cached && cached->length <= record.registry_length && cached->length > 0) {
    next = *cached;
    from = cached->length;
  } else {
    auto owner = storage_.code_owner(unit);
    if (!owner) return owner.error();
    next.unit = unit;
    if (*owner) {
      auto bundle = crypto::DevicePublicBundle::decode((*owner)->bundle);
      if (!bundle) return make_error(Errc::corrupt, "the unit code's device has an invalid bundle");
      next.root = bundle->sign_key;
    }
  }
  auto page = storage_.registry_entries(unit, from);
  if (!page) return page.error();
  auto entries = registry::decode_entries(page->entries);
  if (!entries) return entries.error();
  for (const auto& e : *entries) {
    if (auto r = next.append(e); !r) {
      log_event("registry_corrupt", {{"unit", to_hex(unit)}, {"index", e.index}});
      return make_error(Errc::corrupt, "the stored registry does not verify: " + r.error().message);
    }
  }
  if (next.length > 0 && next.unit != unit) return make_error(Errc::corrupt, "the stored registry names another unit");
  return std::make_shared<const registry::RegistryState>(std::move(next));
}

Result<Membership::State> Membership::state(const UnitId& unit) {
  auto record = storage_.find_unit(unit);
  if (!record) return record.error();
  if (!*record) return make_error(Errc::not_found, "no such unit");
  State cached;
  {
    const std::lock_guard lock(mutex_);
    if (auto it = cache_.find(unit); it != cache_.end()) cached = it->second;
  }
  if (cached && cached->length == (*record)->registry_length && (cached->length == 0 || cached->head == (*record)->registry_head)) {
    if (cached->length > 0 || cached->root != crypto::SignPublicKey{}) return cached;
  }
  // A registry that changed behind this cache (another process appended, or
  // a restore put an older one back) is caught up or verified afresh.
  const bool extends = cached && cached->length > 0 && cached->length < (*record)->registry_length;
  auto fresh = load(unit, **record, extends ? cached : State{});
  if (!fresh) return fresh.error();
  const std::lock_guard lock(mutex_);
  cache_[unit] = *fresh;
  return *fresh;
}

Result<std::optional<RegistryRefusal>> Membership::post(const UnitId& unit, const registry::Entry& entry,
                                                        const Bytes& encoded, std::vector<KeyCopyRecord> copies) {
  auto current = state(unit);
  if (!current) return current.error();
  const auto& s = **current;
  if (entry.unit != unit) return refuse(400, "wrong_unit", "the entry names another unit");
  if (entry.index < s.length) {
    auto held = storage_.registry_entries(unit, entry.index);
    if (!held) return held.error();
    if (held->entries.empty() || held->entries.front() != encoded) {
      return refuse(409, "registry_head", "another entry is stored at that index");
    }
    // Already held: a re-post. Copies a restore lost with the entry come back.
    if ((entry.kind == EntryKind::enrol || entry.kind == EntryKind::recover) && !copies.empty()) {
      for (std::size_t i = 0; i < copies.size(); ++i) {
        if (copies[i].epoch == 0) copies[i].epoch = static_cast<std::uint32_t>(i + 1);
        if (copies[i].device != entry.subject || copies[i].epoch > s.epoch) {
          return refuse(400, "malformed", "enrol copies must be the subject's");
        }
      }
      if (auto r = storage_.add_missing_copies(unit, copies); !r) return r.error();
    }
    return Refused{};
  }
  if (s.length == 0 && s.root == crypto::SignPublicKey{}) {
    return refuse(403, "forbidden", "the unit's code has not been used: entry 0 comes from its device");
  }
  if (auto refused = precheck(s, entry)) return refused;
  registry::RegistryState next = s;
  if (auto r = next.append(entry); !r) {
    if (entry.index == 0) return refuse(403, "forbidden", r.error().message);
    if (entry.kind == EntryKind::rotate) return refuse(409, "epoch", r.error().message);
    return refuse(409, "conflict", r.error().message);
  }
  if (auto refused = check_copies(s, entry, copies)) return refused;
  RegistryAppend append{entry, encoded, registry::entry_hash(entry), {}, {}};
  if (entry.kind == EntryKind::rotate) {
    append.rotation_copies = std::move(copies);
  } else {
    append.device_copies = std::move(copies);
  }
  if (auto stored = storage_.append_registry(unit, append); !stored) {
    if (stored.error().code == Errc::conflict) {
      return refuse(409, "registry_head", "another entry was stored at that index first");
    }
    return stored.error();
  }
  const std::lock_guard lock(mutex_);
  auto& slot = cache_[unit];
  if (!slot || slot->length == s.length) slot = std::make_shared<const registry::RegistryState>(std::move(next));
  return Refused{};
}

Result<Standing> Membership::standing(const UnitId& unit, const DeviceId& device) {
  auto s = state(unit);
  if (!s) return s.error();
  Standing out;
  out.unit = unit;
  if (const auto* d = (*s)->find(device)) {
    out.status = d->revoked ? registry::DeviceStatus::revoked : registry::DeviceStatus::active;
    out.role = d->role;
    out.bundle = d->bundle;
    return out;
  }
  // Before entry 0 the device that spent the unit code is the admin to be:
  // it may post entry 0 and the first rotation, and nothing else exists yet.
  if ((*s)->length == 0 && (*s)->root != crypto::SignPublicKey{} && crypto::device_id_of((*s)->root) == device) {
    auto owner = storage_.code_owner(unit);
    if (!owner) return owner.error();
    if (*owner) {
      auto bundle = crypto::DevicePublicBundle::decode((*owner)->bundle);
      if (bundle) {
        out.status = registry::DeviceStatus::active;
        out.role = registry::Role::admin;
        out.bundle = *bundle;
      }
    }
  }
  return out;
}

Result<std::vector<Standing>> Membership::standings(const DeviceId& device) {
  auto units = storage_.units_of(device);
  if (!units) return units.error();
  std::vector<Standing> out;
  for (const auto& unit : *units) {
    auto s = standing(unit, device);
    if (!s) {
      if (s.error().code == Errc::corrupt || s.error().code == Errc::not_found) continue;
      return s.error();
    }
    if (s->status != registry::DeviceStatus::pending) out.push_back(*s);
  }
  return out;
}

}  // namespace varn::server
