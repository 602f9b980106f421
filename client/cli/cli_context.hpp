#pragma once
//! What every varn-cli command shares: the store path from the command line,
//! the opened device session (opened once, on first use, with the
//! passphrase), and the mapping of errors to exit codes.

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "server_target.hpp"
#include "varn/device/device_session.hpp"
#include "varn/util/result.hpp"

namespace varn::cli {

//! Exit codes, stable for scripts (listed in --help).
enum class Exit : int {
  ok = 0,
  failure = 1,
  usage = 2,
  wrong_passphrase = 3,
  not_found = 4,
  refused = 5,      //!< the store or server refused: signed note, wrong role, conflict
  unavailable = 6,  //!< the server could not be reached or answered with an error
  revoked = 7,      //!< this device was revoked; its store has been wiped
};

[[nodiscard]] Exit exit_for(Errc code);

//! An opened device: the session both clients share.
using Session = device::DeviceSession;

//! Opens the store at `path` with the passphrase from the environment or a prompt.
[[nodiscard]] Result<std::unique_ptr<Session>> open_session(const std::string& path);

//! The command line's shared state and the one action the parse selected.
struct Context {
  std::string store_path;
  std::function<Result<void>()> action;

  //! The store, opened on first call (reads the passphrase).
  [[nodiscard]] Result<Session*> session();
  //! The session, for commands that show or change case content: refused
  //! once the device lease has run out (sync/lease.hpp).
  [[nodiscard]] Result<Session*> content_session();
  void set_session(std::unique_ptr<Session> s) { session_ = std::move(s); }
  //! Drops the session (after a wipe).
  void forget_session() { session_.reset(); }

 private:
  std::unique_ptr<Session> session_;
};

//! Parses a 32-hex-char id given on the command line; `what` names it in the error.
[[nodiscard]] Result<model::EntityId> parse_id(const std::string& text, const std::string& what);

//! The store's server (or `url_override`) for an enrolled device; a usage
//! error naming --server when none is known.
[[nodiscard]] Result<net::ServerTarget> known_server(sync::DeviceVault& vault,
                                                     const std::optional<std::string>& url_override);

//! Refuses a write whose change-set class this device's role may not send,
//! from the registry it verified at its last sync (the server would refuse
//! it, and a refused change set blocks every later push).
[[nodiscard]] Result<void> check_role(Session& session, wire::ChangeSetClass change_class);

}  // namespace varn::cli
