#include "server_link.hpp"

#include "qt_std.hpp"

namespace varn::ui {

Result<ServerTarget> server_target(sync::DeviceVault& vault, const std::string& url) {
  ServerTarget target{url, std::nullopt};
  if (target.url.empty()) {
    auto stored = vault.setting(sync::settings::kServerUrl);
    if (!stored) return stored.error();
    if (*stored) target.url = **stored;
  }
  if (target.url.empty()) return make_error(Errc::invalid_argument, "no server is set");
  if (target.url.rfind("https://", 0) != 0) return make_error(Errc::invalid_argument, "the server URL must start with https://");
  auto pin = vault.setting(sync::settings::kServerPin);
  if (!pin) return pin.error();
  if (*pin) target.pin_hex = **pin;
  return target;
}

std::unique_ptr<net::QtHttpExecutor> make_transport(const ServerTarget& target) {
  net::TransportOptions options;
  std::string base = target.url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  options.base_url = qt::to_qstring(base);
  if (target.pin_hex) {
    if (auto digest = from_hex(*target.pin_hex)) options.pinned_sha256 = qt::to_qbytes(*digest);
  }
  return std::make_unique<net::QtHttpExecutor>(std::move(options));
}

Result<void> pin_server(sync::DeviceVault& vault, const std::string& url, const net::QtHttpExecutor& http) {
  if (auto r = vault.put_setting(sync::settings::kServerUrl, url); !r) return r;
  auto seen = http.seen_sha256();
  if (!seen) return {};
  return vault.put_setting(sync::settings::kServerPin, to_hex(qt::to_bytes(*seen)));
}

}  // namespace varn::ui
