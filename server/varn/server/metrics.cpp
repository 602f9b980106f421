#include "varn/server/metrics.hpp"

#include <sstream>

#include "varn/server/route_limits.hpp"

namespace varn::server {
namespace {
const std::string kOtherLabel = "other";
}  // namespace

void Metrics::count_request(const std::string& route, unsigned status) {
  const std::string& label = is_route_label(route) ? route : kOtherLabel;
  // A status outside HTTP's range is one series too: the handler never makes one.
  const unsigned code = status >= 100 && status <= 599 ? status : 0;
  const std::lock_guard lock(mutex_);
  ++requests_[{label, code}];
}

std::string Metrics::render(std::uint64_t fsyncs) const {
  std::ostringstream out;
  out << "# HELP varn_requests_total HTTP requests answered, by route and status.\n"
      << "# TYPE varn_requests_total counter\n";
  {
    const std::lock_guard lock(mutex_);
    for (const auto& [key, count] : requests_) {
      out << "varn_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << count << "\n";
    }
  }
  const auto line = [&out](const char* name, const char* type, const char* help, auto value) {
    out << "# HELP " << name << " " << help << "\n# TYPE " << name << " " << type << "\n"
        << name << " " << value << "\n";
  };
  line("varn_push_batches_total", "counter", "Push batches stored durably.", push_batches.load());
  line("varn_changesets_stored_total", "counter", "Change sets stored durably.", changesets_stored.load());
  line("varn_changesets_duplicate_total", "counter", "Change sets answered as idempotent retries.",
       changesets_duplicate.load());
  line("varn_fsyncs_total", "counter", "Durable commits of the store (one fsync each).", fsyncs);
  line("varn_connections_open", "gauge", "TLS connections open.", connections_open.load());
  line("varn_connections_refused_total", "counter", "Connections refused at a connection cap.",
       connections_refused.load());
  line("varn_connections_evicted_total", "counter", "Unauthenticated connections closed to make room.",
       connections_evicted.load());
  line("varn_bodies_refused_total", "counter", "Requests answered 503: the body memory budget was spent.",
       bodies_refused.load());
  line("varn_rate_limited_total", "counter", "Requests answered 429: a device asked more than its rate.",
       rate_limited.load());
  line("varn_allocation_failures_total", "counter", "Requests answered 503 because memory ran out.",
       allocation_failures.load());
  line("varn_body_bytes_reserved", "gauge", "Bytes of request bodies being read or handled.",
       body_bytes_reserved.load());
  line("varn_long_polls_waiting", "gauge", "Pulls held open waiting for a commit.", long_polls_waiting.load());
  return out.str();
}

}  // namespace varn::server
