#pragma once
//! HAProxy (Debian's) as a child process in TCP mode in front of several
//! varn-server processes on 127.0.0.1: TLS passes through untouched, each
//! connection goes to the backend with the fewest, and a connection that a
//! dead backend refuses is redispatched to another. The listening socket is
//! made here on a free port and handed to HAProxy (`bind fd@N`), so the
//! proxy takes connections the moment it runs, with no port race. A missing
//! haproxy binary fails the test.

#include <optional>
#include <string>
#include <vector>

#include "subprocess.hpp"

namespace varn::test {

class HaproxyProcess {
 public:
  //! Writes the configuration into `dir` and starts HAProxy before `backends`.
  HaproxyProcess(const std::string& dir, const std::vector<unsigned short>& backends);
  ~HaproxyProcess();
  HaproxyProcess(const HaproxyProcess&) = delete;
  HaproxyProcess& operator=(const HaproxyProcess&) = delete;

  //! The configuration for `backends`, its frontend bound to `bind` (an
  //! address HAProxy understands: "fd@3", "127.0.0.1:8443").
  static std::string config(const std::string& bind, const std::vector<unsigned short>& backends);

  unsigned short port = 0;  //!< where clients connect
  std::string config_path;
  std::string log_path;  //!< HAProxy's stderr

 private:
  int listen_fd_ = -1;
  std::optional<ChildProcess> child_;
};

}  // namespace varn::test
