#pragma once
//! varn-server-bench's CPU readings: the server's, the bench's and the whole
//! machine's, so that a latency figure can be read against contention.

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace varn::bench {

using Clock = std::chrono::steady_clock;

//! CPU seconds so far: the server's, this process's (devices and attackers),
//! and the whole machine's busy and total time, to tell contention apart.
struct CpuSample {
  double server = 0, bench = 0, machine_busy = 0, machine_total = 0;
  Clock::time_point at = Clock::now();
};

inline CpuSample cpu_now(pid_t server) {
  CpuSample s;
  const auto tick = static_cast<double>(::sysconf(_SC_CLK_TCK));
  std::ifstream stat("/proc/" + std::to_string(server) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  const auto paren = text.rfind(')');
  if (paren != std::string::npos) {
    std::istringstream fields(text.substr(paren + 1));
    std::string field;
    double utime = 0, stime = 0;
    // After the name: state is field 3; utime and stime are fields 14 and 15.
    for (int i = 3; i <= 15 && fields >> field; ++i) {
      if (i == 14) utime = std::stod(field);
      if (i == 15) stime = std::stod(field);
    }
    s.server = (utime + stime) / tick;
  }
  rusage self{};
  if (::getrusage(RUSAGE_SELF, &self) == 0) {
    s.bench = static_cast<double>(self.ru_utime.tv_sec + self.ru_stime.tv_sec) +
              static_cast<double>(self.ru_utime.tv_usec + self.ru_stime.tv_usec) / 1e6;
  }
  std::ifstream machine("/proc/stat");
  std::string cpu;
  machine >> cpu;
  double value = 0, idle = 0, total = 0;
  for (int i = 0; i < 8 && machine >> value; ++i) {  // user nice system idle iowait irq softirq steal
    total += value;
    if (i == 3 || i == 4) idle += value;
  }
  s.machine_busy = (total - idle) / tick;
  s.machine_total = total / tick;
  return s;
}

//! "server 0.90 cores, bench 0.60, other processes 0.40, machine 95% busy of
//! 2 cores" between two samples: a miss with the machine full of other work
//! is the machine's as much as the server's.
inline std::string cpu_between(const CpuSample& a, const CpuSample& b) {
  const double wall = std::chrono::duration<double>(b.at - a.at).count();
  const double total = b.machine_total - a.machine_total;
  const double server = (b.server - a.server) / wall, bench = (b.bench - a.bench) / wall;
  const double busy = (b.machine_busy - a.machine_busy) / wall;
  char text[200];
  std::snprintf(text, sizeof text,
                "CPU: server %.2f cores, bench %.2f, other processes %.2f, machine %.0f%% busy of %ld cores", server,
                bench, std::max(0.0, busy - server - bench),
                total > 0 ? 100.0 * (b.machine_busy - a.machine_busy) / total : 0.0, ::sysconf(_SC_NPROCESSORS_ONLN));
  return text;
}

}  // namespace varn::bench
