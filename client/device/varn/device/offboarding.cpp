#include "varn/device/offboarding.hpp"

#include "varn/sync/registry_admin.hpp"

namespace varn::device {

Result<std::size_t> offboard_staff(sync::DeviceContext& admin, sync::HttpExecutor& http,
                                   const std::vector<crypto::DeviceId>& devices,
                                   const std::function<Result<void>(const crypto::DeviceId&)>& unenrol) {
  auto registry = sync::RegistryAdmin(admin).registry(http);
  if (!registry) return registry.error();
  std::size_t revoked = 0;
  for (const auto& d : devices) {
    bool active = false;
    for (const auto& e : *registry) active = e.subject == d ? e.kind != registry::EntryKind::revoke : active;
    if (active) {
      if (auto r = sync::RegistryAdmin(admin).revoke(http, d); !r) return r.error();
      ++revoked;
    }
    if (auto r = unenrol(d); !r) return r.error();
  }
  return revoked;
}

}  // namespace varn::device
