#include "cli_context.hpp"

#include <string>

#include "passphrase_prompt.hpp"

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
      return Exit::unavailable;
    case Errc::revoked:
      return Exit::revoked;
    case Errc::invalid_argument:
      return Exit::usage;
    default:
      return Exit::failure;
  }
}

Session::Session(std::unique_ptr<store::LocalStore> store)
    : store_(std::move(store)), device_(*store_, *store_) {}

Result<std::unique_ptr<Session>> Session::open(const std::string& path) {
  if (!store::LocalStore::exists(path)) {
    return make_error(Errc::not_found, "no store at " + path + ": run `varn-cli --store " + path + " init` first");
  }
  auto passphrase = read_passphrase(kPassphraseEnv, "Passphrase: ");
  if (!passphrase) return passphrase.error();
  auto opened = store::LocalStore::open(path, passphrase->view());
  if (!opened) return opened.error();
  return adopt(std::move(opened).value());
}

Result<std::unique_ptr<Session>> Session::adopt(std::unique_ptr<store::LocalStore> store) {
  std::unique_ptr<Session> session(new Session(std::move(store)));
  if (auto r = session->start(); !r) return r.error();
  return session;
}

Result<void> Session::start() {
  auto me = device_.identity();  // made and saved on the store's first use
  if (!me) return me.error();
  me_ = (*me)->device_id();
  // Timestamps never go back across runs, even when the wall clock does.
  auto last = store_->last_hlc();
  if (!last) return last.error();
  clock_ = model::HybridClock(model::system_wall_clock(), *last);
  records_ = std::make_unique<store::Records>(*store_, clock_, me_);
  return {};
}

Result<Session*> Context::session() {
  if (!session_) {
    auto opened = Session::open(store_path);
    if (!opened) return opened.error();
    session_ = std::move(opened).value();
  }
  return session_.get();
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

}  // namespace varn::cli
