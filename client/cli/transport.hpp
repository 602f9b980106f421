#pragma once
//! The server a device talks to: its URL and pinned certificate digest,
//! kept in the store's settings at enrolment so later commands need neither.

#include <memory>
#include <optional>
#include <string>

#include "qt_http_executor.hpp"
#include "varn/sync/device_vault.hpp"

namespace varn::cli {

struct ServerTarget {
  std::string url;
  std::optional<std::string> pin_hex;  //!< SHA-256 of the certificate's DER; nullopt: trust on first use
};

//! The URL from `url_override` or the store; the pin from the store.
//! Errc::invalid_argument when neither names a server.
[[nodiscard]] Result<ServerTarget> stored_target(sync::DeviceVault& vault, const std::optional<std::string>& url_override);
//! Refuses a URL that is not https:// and a pin that is not 64 hex characters.
[[nodiscard]] Result<void> check_target(const ServerTarget& target);
[[nodiscard]] std::unique_ptr<net::QtHttpExecutor> make_executor(const ServerTarget& target);
[[nodiscard]] Result<void> remember_target(sync::DeviceVault& vault, const ServerTarget& target);

}  // namespace varn::cli
