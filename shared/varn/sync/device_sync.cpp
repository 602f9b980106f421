#include "varn/sync/device_sync.hpp"

#include "varn/sync/lease.hpp"

#include "varn/registry/checkpoint.hpp"
#include "varn/sync/alarm.hpp"
#include "varn/sync/enrolment.hpp"
#include "varn/sync/registry_keeper.hpp"
#include "varn/sync/vault_keys.hpp"

namespace varn::sync {
namespace {

constexpr std::string_view kVerifiedRevocation = "the unit's signed registry revokes this device";

Result<crypto::SignPublicKey> pinned_server_key(DeviceVault& vault) {
  auto pinned = vault.setting(settings::kServerKey);
  if (!pinned) return pinned.error();
  auto key = *pinned ? array_from_hex<32>(**pinned) : std::nullopt;
  if (!key) return make_error(Errc::corrupt, "no pinned server key: enrol again");
  return *key;
}

Result<registry::Checkpoint> verified_checkpoint(DeviceVault& vault, ByteView bytes, const wire::UnitId& unit,
                                                 const crypto::SignPublicKey& server_key) {
  auto cp = registry::Checkpoint::decode(bytes);
  if (!cp || !cp->verify(server_key) || cp->unit != unit) {
    (void)raise_alarm(vault, "the server's checkpoint is not signed by the pinned server key");
    return make_error(Errc::corrupt, "checkpoint does not verify");
  }
  return cp;
}

//! The server's signed checkpoint, at its head or at change set `at`.
Result<registry::Checkpoint> fetch_checkpoint(ApiClient& api, DeviceVault& vault, const wire::UnitId& unit,
                                              const crypto::SignPublicKey& key, std::optional<std::uint64_t> at) {
  auto bytes = api.checkpoint(unit, at);
  if (!bytes) return bytes.error();
  auto cp = verified_checkpoint(vault, *bytes, unit, key);
  if (!cp) return cp;
  if (at && cp->log_seq != *at) return make_error(Errc::corrupt, "the server answered a checkpoint at another number");
  return cp;
}

//! The latest point of this device's log that the server's history still
//! shares. Sharing is prefix-closed (the log hash chains), so a binary
//! search over the marks, each probe one signed checkpoint, finds it.
Result<LogPosition> find_agreement(ApiClient& api, DeviceVault& vault, SyncStore& store, const wire::UnitId& unit,
                                   const crypto::SignPublicKey& key, std::uint64_t server_head) {
  auto marks = store.log_marks();
  if (!marks) return marks.error();
  std::vector<LogPosition> candidates{LogPosition{}};
  for (const auto& m : *marks) {
    if (m.cursor > 0 && m.cursor <= server_head) candidates.push_back(m);
  }
  std::size_t lo = 0, hi = candidates.size() - 1;
  while (lo < hi) {
    const std::size_t mid = (lo + hi + 1) / 2;
    auto cp = fetch_checkpoint(api, vault, unit, key, candidates[mid].cursor);
    if (!cp && cp.error().code != Errc::not_found) return cp.error();
    if (cp && cp->log_hash == candidates[mid].log_hash) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return candidates[lo];
}

}  // namespace

Error DeviceSync::judge_revocation(const ApiClient& api, const wire::UnitId& unit, const Error& answer) {
  if (answer.message.find(kVerifiedRevocation) != std::string::npos) return answer;
  auto me = device_.identity();
  const auto& claim = api.revocation_claim();
  if (me && claim.unit == unit && !claim.registry.empty()) {
    auto state = RegistryKeeper(device_.vault()).verify_offered(claim.registry);
    if (state && state->status((*me)->device_id()) == registry::DeviceStatus::revoked) {
      return make_error(Errc::revoked, std::string(kVerifiedRevocation));
    }
  }
  const std::string message =
      "the server says this device is revoked but shows no signed revocation of it: nothing was wiped";
  (void)raise_alarm(device_.vault(), message);
  return make_error(Errc::forbidden, message);
}

Result<SyncReport> DeviceSync::sync(HttpExecutor& http, SyncLimits limits) {
  auto me = device_.identity();
  if (!me) return me.error();
  ApiClient api(http, **me);
  const auto status = device_.status();
  if (!status) return make_error(Errc::locked, "this device is not enrolled: run enrol first");
  auto unit_before = device_.unit();
  if (*status == registry::DeviceStatus::pending) {
    auto done = Enrolment(device_).finish(api);
    if (!done) return done.error();
    if (!*done) return make_error(Errc::locked, "waiting for the admin to approve this device");
  }
  auto unit = device_.unit();
  if (!unit) return unit.error();
  auto report = run(api, *unit, limits);
  if (!report && report.error().code == Errc::revoked) return judge_revocation(api, *unit, report.error());
  if (!report && report.error().code == Errc::corrupt) (void)raise_alarm(device_.vault(), report.error().message);
  (void)unit_before;
  return report;
}

Result<SyncReport> DeviceSync::run(ApiClient& api, const wire::UnitId& unit, SyncLimits limits) {
  auto me_result = device_.identity();
  if (!me_result) return me_result.error();
  const crypto::DeviceIdentity& me = **me_result;
  DeviceVault& vault = device_.vault();
  SyncStore& store = device_.store();
  VaultKeys keys(vault, api, me, unit);
  if (auto r = keys.refresh(); !r) return r.error();
  auto state = keys.state();
  if (!state) return state.error();
  if (state->status(me.device_id()) == registry::DeviceStatus::revoked) {
    return make_error(Errc::revoked, std::string(kVerifiedRevocation));
  }
  const auto* mine = state->active(me.device_id());
  if (mine == nullptr) return make_error(Errc::locked, "the unit's registry does not hold this device");
  if (auto r = vault.put_setting(settings::kRole, registry::to_string(mine->role)); !r) return r.error();

  auto server_key = pinned_server_key(vault);
  if (!server_key) return server_key.error();
  SyncEngine engine(store, me, unit, keys, limits);
  SyncReport report;
  auto cp = fetch_checkpoint(api, vault, unit, *server_key, std::nullopt);
  if (!cp) return cp.error();
  if (cp->registry_length == state->length && cp->registry_head != state->head) {
    (void)raise_alarm(vault, "the server's checkpoint names another registry than the one it serves");
  }

  // Heal before anything new: the server's history must still hold what
  // this device pulled from it.
  auto position = store.log_position();
  if (!position) return position.error();
  bool diverged = cp->log_seq < position->cursor;
  if (!diverged && position->cursor > 0 && position->cursor != cp->log_seq) {
    auto at = fetch_checkpoint(api, vault, unit, *server_key, position->cursor);
    if (!at) return at.error();
    diverged = at->log_hash != position->log_hash;
  } else if (!diverged && position->cursor > 0) {
    diverged = cp->log_hash != position->log_hash;
  }
  if (diverged) {
    auto agree = find_agreement(api, vault, store, unit, *server_key, cp->log_seq);
    if (!agree) return agree.error();
    auto held = store.held_envelopes_after(agree->cursor);
    if (!held) return held.error();
    if (auto healed = engine.heal(api, *held, report); !healed) return healed.error();
    if (auto r = store.rewind(*agree); !r) return r.error();
    report.alarms.push_back("the server's history differs from what this device pulled after change set " +
                            std::to_string(agree->cursor) + " (restored from a backup?); this device pushed back " +
                            std::to_string(report.healed) + " change set(s) it held and pulled again");
  }

  if (auto r = engine.retry_pending(report); !r) return r.error();
  auto pulled = engine.pull_all(api, report);
  if (!pulled) return pulled.error();
  report.pulled += *pulled;
  if (!report.checkpoint.empty()) {
    auto last = verified_checkpoint(vault, report.checkpoint, unit, *server_key);
    if (!last) return last.error();
    auto now_at = store.log_position();
    if (!now_at) return now_at.error();
    if (last->log_seq == now_at->cursor && last->log_hash != now_at->log_hash) {
      return make_error(Errc::corrupt, "the server's signed checkpoint does not match the change sets it served");
    }
  }
  // The device has reached its server, seen its registry (not revoked) and
  // verified what it served: the lease starts again, whatever the push does.
  if (auto r = record_contact(vault, device_.now()); !r) return r.error();
  // Own change sets the server acknowledged and then lost.
  auto lost = store.unechoed();
  if (!lost) return lost.error();
  if (!lost->empty()) {
    std::vector<Bytes> envelopes;
    for (const auto& s : *lost) envelopes.push_back(s.envelope);
    if (auto healed = engine.heal(api, envelopes, report); !healed) return healed.error();
    report.alarms.push_back("the server had lost " + std::to_string(lost->size()) +
                            " change set(s) it acknowledged from this device; they were pushed again");
    auto again = engine.pull_all(api, report);
    if (!again) return again.error();
  }
  if (auto r = engine.retry_pending(report); !r) return r.error();

  if (auto tended = store.tend_restricted(*state); !tended) return tended.error();
  auto sealed = engine.seal_pending();
  if (!sealed) return sealed.error();
  report.sealed = *sealed;
  auto pushed = engine.push_pending(api, report);
  if (!pushed) return pushed.error();
  report.pushed = *pushed;
  if (*pushed > 0) {
    auto echoes = engine.pull_all(api, report);
    if (!echoes) return echoes.error();
    report.pulled += *echoes;
  }

  auto pending = store.pending_received();
  if (!pending) return pending.error();
  std::size_t held = 0;
  for (const auto& p : *pending) held += p.disposition == Disposition::hold ? 1 : 0;
  if (held > 0) {
    report.alarms.push_back(std::to_string(held) +
                            " change set(s) wait behind others of their author that the server does not serve");
  }
  for (const auto& a : report.alarms) (void)raise_alarm(vault, a);
  if (auto r = vault.put_setting(settings::kLastSync, std::to_string(device_.now())); !r) return r.error();
  return report;
}

Result<bool> DeviceSync::wait_for_news(HttpExecutor& http, int seconds) {
  auto me = device_.identity();
  if (!me) return me.error();
  auto unit = device_.unit();
  if (!unit) return unit.error();
  auto position = device_.store().log_position();
  if (!position) return position.error();
  ApiClient api(http, **me);
  auto page = api.pull(*unit, position->cursor, 1, seconds);
  if (!page) return page.error();
  return !page->items.empty();
}

Result<void> DeviceSync::confirm_wipe(HttpExecutor& http) {
  auto me = device_.identity();
  if (!me) return me.error();
  ApiClient api(http, **me);
  return api.confirm_wipe(device_.now());
}

}  // namespace varn::sync
