#include "varn/server/log.hpp"

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

namespace varn::server {

void log_event(std::string_view name, nlohmann::json fields) {
  static std::mutex mutex;
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  fields["ts"] = std::chrono::duration_cast<std::chrono::milliseconds>(now).count();
  fields["event"] = std::string(name);
  const std::string line = fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  const std::lock_guard lock(mutex);
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

}  // namespace varn::server
