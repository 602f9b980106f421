#include "varn/sync/alarm.hpp"

namespace varn::sync {
namespace {
// Enough for several messages; an alarm that grows without bound says no more.
constexpr std::size_t kMaxAlarmBytes = 4096;
}

Result<void> raise_alarm(DeviceVault& vault, const std::string& message) {
  std::string text = current_alarm(vault);
  if (text.find(message) != std::string::npos) return {};
  if (!text.empty()) text += " | ";
  text += message;
  if (text.size() > kMaxAlarmBytes) text.resize(kMaxAlarmBytes);
  return vault.put_setting(settings::kAlarm, text);
}

std::string current_alarm(DeviceVault& vault) {
  auto a = vault.setting(settings::kAlarm);
  return a && *a ? **a : std::string();
}

Result<std::string> acknowledge_alarm(DeviceVault& vault, std::int64_t now_unix) {
  const std::string text = current_alarm(vault);
  if (text.empty()) return make_error(Errc::not_found, "there is no alarm to acknowledge");
  if (auto r = vault.put_setting(settings::kAlarmAcknowledged, std::to_string(now_unix) + " " + text); !r) {
    return r.error();
  }
  if (auto r = vault.put_setting(settings::kAlarm, ""); !r) return r.error();
  return text;
}

}  // namespace varn::sync
