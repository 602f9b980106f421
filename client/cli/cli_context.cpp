#include "cli_context.hpp"

#include <string>

#include "passphrase_prompt.hpp"
#include "varn/device/caseload.hpp"
#include "varn/sync/lease.hpp"
#include "varn/sync/registry_keeper.hpp"

namespace varn::cli {
Exit exit_for(Errc code) {
  switch (code) {
    case Errc::wrong_passphrase:
      return Exit::wrong_passphrase;
    case Errc::not_found:
      return Exit::not_found;
    case Errc::conflict:
    case Errc::forbidden:
    case Errc::locked:
      return Exit::refused;
    case Errc::unavailable:
    case Errc::server_full:
      return Exit::unavailable;
    case Errc::revoked:
      return Exit::revoked;
    case Errc::invalid_argument:
      return Exit::usage;
    default:
      return Exit::failure;
  }
}

Result<std::unique_ptr<Session>> open_session(const std::string& path) {
  if (!store::LocalStore::exists(path)) {
    return make_error(Errc::not_found, "no store at " + path + ": run `varn-cli --store " + path + " init` first");
  }
  auto passphrase = read_passphrase(kPassphraseEnv, "Passphrase: ");
  if (!passphrase) return passphrase.error();
  return device::DeviceSession::open(path, passphrase->view());
}

Result<Session*> Context::session() {
  if (!session_) {
    auto opened = open_session(store_path);
    if (!opened) return opened.error();
    session_ = std::move(opened).value();
  }
  return session_.get();
}

Result<Session*> Context::content_session() {
  auto s = session();
  if (!s) return s.error();
  if (auto r = sync::require_lease((*s)->context().vault(), (*s)->context().now()); !r) return r.error();
  // An admin's device opens case content only in the casework its person holds.
  const auto role = device::verified_role((*s)->store(), (*s)->device_id());
  auto casework = device::casework_of_device((*s)->records(), (*s)->device_id());
  if (!casework) return casework.error();
  if (!registry::opens_case_content(role, *casework)) {
    return make_error(Errc::forbidden,
                      "this admin device shows no case content: its person holds no casework role (an admin gives "
                      "one with `admin casework PERSON_ID --roles worker,reviewer`)");
  }
  return s;
}

Result<model::EntityId> parse_id(const std::string& text, const std::string& what) {
  auto id = array_from_hex<16>(text);
  if (!id) return make_error(Errc::invalid_argument, "not a valid " + what + " id (32 hex characters): " + text);
  return *id;
}

Result<net::ServerTarget> known_server(sync::DeviceVault& vault, const std::optional<std::string>& url_override) {
  auto target = net::stored_target(vault, url_override);
  if (!target && target.error().code == Errc::locked && !url_override) {
    return make_error(Errc::invalid_argument, "no server known to this store: pass --server URL");
  }
  if (!target) return target.error();
  if (!target->pin_hex) return make_error(Errc::locked, "this device is not enrolled: run enrol first");
  return target;
}

// The server refuses a change set whose class the author's role may not
// write, and a refused change set would block every later push: so refuse
// the write here, from the registry this device verified at its last sync.
// Before enrolment the role is unknown: field work is allowed, sign-offs not.
Result<void> check_role(Session& session, wire::ChangeSetClass change_class) {
  sync::RegistryKeeper keeper(session.store());
  auto state = keeper.cached_state();
  const registry::DeviceState* me = state ? state->active(session.device_id()) : nullptr;
  if (me == nullptr) {
    if (change_class == wire::ChangeSetClass::field_work) return {};
    return make_error(Errc::forbidden, "only a reviewer or admin device may sign off notes (enrol and sync first)");
  }
  if (registry::role_may_write(me->role, change_class)) return {};
  return make_error(Errc::forbidden, "this device's role (" + registry::to_string(me->role) + ") may not " +
                                         (change_class == wire::ChangeSetClass::review ? "sign off notes"
                                                                                         : "write field work"));
}

}  // namespace varn::cli
