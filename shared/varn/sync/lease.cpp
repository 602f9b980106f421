#include "varn/sync/lease.hpp"

#include <algorithm>
#include <charconv>
#include <string>

#include "varn/registry/entry.hpp"

namespace varn::sync {
namespace {

std::optional<std::int64_t> number_setting(DeviceVault& vault, std::string_view key, Error& error) {
  auto text = vault.setting(key);
  if (!text) {
    error = text.error();
    return std::nullopt;
  }
  if (!*text || (*text)->empty()) return std::nullopt;
  std::int64_t value = 0;
  const auto& s = **text;
  if (std::from_chars(s.data(), s.data() + s.size(), value).ec != std::errc{}) return std::nullopt;
  return value;
}

}  // namespace

LeaseStatus lease_status(std::uint32_t days, std::optional<std::int64_t> last_contact, std::int64_t latest_seen) {
  LeaseStatus s;
  s.days = days;
  s.last_contact = last_contact;
  if (days == 0 || !last_contact) return s;
  const std::int64_t ends = *last_contact + static_cast<std::int64_t>(days) * 86400;
  s.seconds_left = std::max<std::int64_t>(0, ends - std::max(latest_seen, *last_contact));
  s.expired = s.seconds_left == 0;
  return s;
}

Result<LeaseStatus> device_lease(DeviceVault& vault, std::int64_t now) {
  Error error{Errc::io_error, {}};
  const auto days = number_setting(vault, settings::kLeaseDays, error);
  // A device that synced before contacts were recorded counts from its last full sync.
  auto last = number_setting(vault, settings::kLastContact, error);
  if (!last) last = number_setting(vault, settings::kLastSync, error);
  const auto latest = number_setting(vault, settings::kLatestSeen, error);
  if (!error.message.empty()) return error;
  const std::int64_t seen = std::max(now, latest.value_or(now));
  if (!latest || seen > *latest) {
    if (auto r = vault.put_setting(settings::kLatestSeen, std::to_string(seen)); !r) return r.error();
  }
  const auto lease_days = days && *days >= 0 ? static_cast<std::uint32_t>(*days) : registry::kDefaultLeaseDays;
  return lease_status(lease_days, last, seen);
}

Result<void> record_contact(DeviceVault& vault, std::int64_t now) {
  if (auto r = vault.put_setting(settings::kLastContact, std::to_string(now)); !r) return r;
  return vault.put_setting(settings::kLatestSeen, std::to_string(now));
}

Result<void> require_lease(DeviceVault& vault, std::int64_t now) {
  auto lease = device_lease(vault, now);
  if (!lease) return lease.error();
  if (!lease->expired) return {};
  return make_error(Errc::locked, "this device has not reached its server for " + std::to_string(lease->days) +
                                      " days (the unit's lease): sync it before case content is shown again");
}

}  // namespace varn::sync
