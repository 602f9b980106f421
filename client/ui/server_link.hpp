#pragma once
//! The server this device talks to (URL and pinned certificate digest, kept
//! in the store's settings at enrolment) and a transport to it. Made on the
//! network thread: the transport's QNetworkAccessManager belongs there.
//! (varn-cli has the same rules in client/cli/transport.cpp.)

#include <memory>
#include <optional>
#include <string>

#include "qt_http_executor.hpp"
#include "varn/sync/device_vault.hpp"

namespace varn::ui {

struct ServerTarget {
  std::string url;
  std::optional<std::string> pin_hex;  //!< nullopt only while enrolling (trust on first use)
};

//! `url` if given, else the stored URL; the stored pin. Errc::invalid_argument
//! when no server is known or the URL is not https://.
[[nodiscard]] Result<ServerTarget> server_target(sync::DeviceVault& vault, const std::string& url = {});
[[nodiscard]] std::unique_ptr<net::QtHttpExecutor> make_transport(const ServerTarget& target);
//! After enrolment: keep the URL and the certificate digest the server showed.
[[nodiscard]] Result<void> pin_server(sync::DeviceVault& vault, const std::string& url, const net::QtHttpExecutor& http);

}  // namespace varn::ui
