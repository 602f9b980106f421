#pragma once
//! What every varn-cli command shares: the store path from the command line,
//! the opened store (opened once, on first use, with the passphrase), the
//! device's identity and clock, and the mapping of errors to exit codes.

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "server_target.hpp"
#include "varn/model/hlc.hpp"
#include "varn/store/local_store.hpp"
#include "varn/store/records.hpp"
#include "varn/sync/device_client.hpp"
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

//! An opened store with the device's identity, clock and records.
class Session {
 public:
  [[nodiscard]] static Result<std::unique_ptr<Session>> open(const std::string& path);
  //! Adopts a store just created (init).
  [[nodiscard]] static Result<std::unique_ptr<Session>> adopt(std::unique_ptr<store::LocalStore> store);

  [[nodiscard]] store::LocalStore& store() { return *store_; }
  [[nodiscard]] sync::DeviceClient& device() { return device_; }
  [[nodiscard]] store::Records& records() { return *records_; }
  [[nodiscard]] const crypto::DeviceId& device_id() const { return me_; }

 private:
  explicit Session(std::unique_ptr<store::LocalStore> store);
  [[nodiscard]] Result<void> start();
  std::unique_ptr<store::LocalStore> store_;
  sync::DeviceClient device_;
  model::HybridClock clock_;
  crypto::DeviceId me_{};
  std::unique_ptr<store::Records> records_;
};

//! The command line's shared state and the one action the parse selected.
struct Context {
  std::string store_path;
  std::function<Result<void>()> action;

  //! The store, opened on first call (reads the passphrase).
  [[nodiscard]] Result<Session*> session();
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

}  // namespace varn::cli
