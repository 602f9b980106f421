#include "haproxy_process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

namespace varn::test {
namespace {

std::string haproxy_binary() {
  if (const char* b = std::getenv("VARN_HAPROXY")) return b;
  return "/usr/sbin/haproxy";
}

//! A listening TCP socket on 127.0.0.1 at a port the kernel picks, close-on-exec.
int listen_on_free_port(unsigned short& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, 512) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(fd);
    return -1;
  }
  port = ntohs(addr.sin_port);
  return fd;
}

}  // namespace

std::string HaproxyProcess::config(const std::string& bind, const std::vector<unsigned short>& backends) {
  std::ostringstream c;
  c << "global\n"
    << "  maxconn 4096\n"
    << "\n"
    << "defaults\n"
    << "  mode tcp\n"
    // Longer than the server's longest long-poll (30 s), so no wait is cut.
    << "  timeout connect 2s\n"
    << "  timeout client 90s\n"
    << "  timeout server 90s\n"
    // A backend that refuses the connection (stopped, or killed before its
    // health check noticed) is tried again, then another is taken.
    << "  retries 3\n"
    << "  option redispatch\n"
    << "\n"
    << "frontend varn\n"
    << "  bind " << bind << "\n"
    << "  default_backend varn_servers\n"
    << "\n"
    << "backend varn_servers\n"
    << "  balance leastconn\n"
    << "  default-server check inter 200ms fall 1 rise 1\n";
  for (std::size_t i = 0; i < backends.size(); ++i) {
    c << "  server varn" << i << " 127.0.0.1:" << backends[i] << "\n";
  }
  return c.str();
}

HaproxyProcess::HaproxyProcess(const std::string& dir, const std::vector<unsigned short>& backends) {
  const std::string binary = haproxy_binary();
  if (::access(binary.c_str(), X_OK) != 0) FAIL("HAProxy is not installed at " + binary + " (scripts/deps.sh installs it)");
  listen_fd_ = listen_on_free_port(port);
  REQUIRE(listen_fd_ >= 0);
  config_path = dir + "/haproxy.cfg";
  log_path = dir + "/haproxy.log";
  {
    std::ofstream out(config_path);
    out << config("fd@" + std::to_string(listen_fd_), backends);
    REQUIRE(out.good());
  }
  // Only HAProxy (its check, then itself) inherits the listening socket:
  // close-on-exec again at once (no other process is started meanwhile).
  REQUIRE(::fcntl(listen_fd_, F_SETFD, 0) == 0);
  auto check = run_process({binary, "-c", "-q", "-f", config_path});
  if (check.exit_code == 0) child_ = ChildProcess::start({binary, "-db", "-f", config_path}, log_path);
  REQUIRE(::fcntl(listen_fd_, F_SETFD, FD_CLOEXEC) == 0);
  INFO("haproxy -c: " << check.out << check.err);
  REQUIRE(check.exit_code == 0);
  REQUIRE(child_.has_value());
}

HaproxyProcess::~HaproxyProcess() {
  if (child_) child_->kill_hard();
  if (listen_fd_ >= 0) ::close(listen_fd_);
}

}  // namespace varn::test
