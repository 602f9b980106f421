#include "varn/sync/device_context.hpp"

#include <chrono>

namespace varn::sync {

std::int64_t system_unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Result<const crypto::DeviceIdentity*> DeviceContext::identity() {
  if (identity_) return &*identity_;
  auto loaded = vault_.load_identity();
  if (!loaded) return loaded.error();
  if (*loaded) {
    identity_.emplace(std::move(**loaded));
  } else {
    identity_.emplace(crypto::DeviceIdentity::generate());
    if (auto saved = vault_.save_identity(*identity_); !saved) return saved.error();
  }
  return &*identity_;
}

Result<wire::UnitId> DeviceContext::unit() {
  auto hex = vault_.setting(settings::kUnit);
  if (!hex) return hex.error();
  if (!*hex) return make_error(Errc::locked, "this device is not enrolled in a unit yet");
  auto id = array_from_hex<16>(**hex);
  if (!id) return make_error(Errc::corrupt, "stored unit id is not valid");
  return *id;
}

std::optional<registry::DeviceStatus> DeviceContext::status() {
  auto text = vault_.setting(settings::kStatus);
  if (!text || !*text) return std::nullopt;
  auto status = registry::status_from_string(**text);
  if (!status) return std::nullopt;
  return *status;
}

Result<void> DeviceContext::set_status(registry::DeviceStatus status) {
  return vault_.put_setting(settings::kStatus, registry::to_string(status));
}

}  // namespace varn::sync
