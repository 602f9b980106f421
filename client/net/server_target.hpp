#pragma once
//! The server a device talks to: its URL and the pinned digest of its
//! certificate, kept in the store's settings at enrolment so that later
//! syncs need neither. One set of rules for varn-cli and the app.

#include <memory>
#include <optional>
#include <string>

#include "qt_http_executor.hpp"
#include "varn/sync/device_vault.hpp"

namespace varn::net {

struct ServerTarget {
  std::string url;
  std::optional<std::string> pin_hex;  //!< SHA-256 of the certificate's DER; nullopt only while enrolling
};

//! `url_override` if given, else the stored URL; the stored pin. Checked as
//! check_target does; Errc::locked (not enrolled) when no server is known.
[[nodiscard]] Result<ServerTarget> stored_target(sync::DeviceVault& vault,
                                                 const std::optional<std::string>& url_override = std::nullopt);
//! Refuses a URL that is not https:// and a pin that is not 64 hex characters.
[[nodiscard]] Result<void> check_target(const ServerTarget& target);
//! A transport to the target: trailing slashes dropped, the pin set when known.
[[nodiscard]] std::unique_ptr<QtHttpExecutor> make_executor(const ServerTarget& target);
//! Keeps the URL and, if known, the pin (lower-case hex).
[[nodiscard]] Result<void> remember_target(sync::DeviceVault& vault, const ServerTarget& target);
//! After a first-use enrolment: the target with the digest the server showed.
[[nodiscard]] ServerTarget pinned_on_first_use(ServerTarget target, const QtHttpExecutor& http);

}  // namespace varn::net
