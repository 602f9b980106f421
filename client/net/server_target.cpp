#include "server_target.hpp"

#include <cctype>

#include "qt_std.hpp"

namespace varn::net {

Result<ServerTarget> stored_target(sync::DeviceVault& vault, const std::optional<std::string>& url_override) {
  ServerTarget target;
  if (url_override && !url_override->empty()) {
    target.url = *url_override;
  } else {
    auto url = vault.setting(sync::settings::kServerUrl);
    if (!url) return url.error();
    if (!*url || (*url)->empty()) return make_error(Errc::locked, "this device is not enrolled with a server yet");
    target.url = **url;
  }
  auto pin = vault.setting(sync::settings::kServerPin);
  if (!pin) return pin.error();
  if (*pin) target.pin_hex = **pin;
  if (auto r = check_target(target); !r) return r.error();
  return target;
}

Result<void> check_target(const ServerTarget& target) {
  if (target.url.rfind("https://", 0) != 0) {
    return make_error(Errc::invalid_argument, "the server URL must start with https://: " + target.url);
  }
  if (target.pin_hex && !array_from_hex<32>(*target.pin_hex)) {
    return make_error(Errc::invalid_argument, "the pin must be the certificate's SHA-256 as 64 hex characters");
  }
  return {};
}

std::unique_ptr<QtHttpExecutor> make_executor(const ServerTarget& target) {
  TransportOptions options;
  std::string base = target.url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  options.base_url = qt::to_qstring(base);
  if (target.pin_hex) {
    if (auto digest = from_hex(*target.pin_hex)) options.pinned_sha256 = qt::to_qbytes(*digest);
  }
  return std::make_unique<QtHttpExecutor>(std::move(options));
}

Result<void> remember_target(sync::DeviceVault& vault, const ServerTarget& target) {
  if (auto r = vault.put_setting(sync::settings::kServerUrl, target.url); !r) return r;
  if (!target.pin_hex) return {};
  std::string lower = *target.pin_hex;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return vault.put_setting(sync::settings::kServerPin, lower);
}

ServerTarget pinned_on_first_use(ServerTarget target, const QtHttpExecutor& http) {
  if (!target.pin_hex && http.seen_sha256()) target.pin_hex = to_hex(qt::to_bytes(*http.seen_sha256()));
  return target;
}

}  // namespace varn::net
