#pragma once
//! The real varn-server as a child process on 127.0.0.1 port 0, with its
//! data directory, unit code and stderr log, for process-level tests.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "subprocess.hpp"
#include "tls_client.hpp"

namespace varn::test {

class ServerProcess {
 public:
  //! Makes a data directory and a unit with `varn-server init`, passing it
  //! `init_args` too (e.g. `--storage postgresql://...`).
  explicit ServerProcess(const std::vector<std::string>& init_args = {});
  //! Another process of the same deployment: a copy of `source`'s data
  //! directory (keys, certificate, config; not its lock), its unit code and
  //! server key. Give it the same --storage postgresql://... to share units.
  struct CopyOf {
    const ServerProcess& source;
  };
  explicit ServerProcess(CopyOf copy);
  ~ServerProcess();

  //! Starts `serve` (again, after a stop) and waits for the listening line.
  void start();
  //! SIGTERM; returns the exit code.
  int stop();
  //! SIGKILL, as a crash would.
  void kill();
  //! The child's pid while it runs (the bench reads its memory).
  [[nodiscard]] pid_t pid() const { return child_ ? child_->pid() : -1; }

  std::vector<std::string> extra_args;  //!< added to `serve` by start()
  //! What start() passes to --listen; a restart on the same port sets "127.0.0.1:<port>".
  std::string listen = "127.0.0.1:0";
  std::size_t address_space_limit = 0;  //!< RLIMIT_AS of the server, bytes; 0: none
  std::size_t open_files_limit = 0;     //!< RLIMIT_NOFILE of the server; 0: as inherited
  std::string dir;       //!< holds data/ and server.log
  std::string data_dir;
  std::string log_path;
  std::string unit_code;
  std::string server_key;  //!< hex, as `init` printed it
  unsigned short port = 0;
  std::string cert_sha256;  //!< hex, as the listening line printed it

 private:
  std::optional<ChildProcess> child_;
  int starts_ = 0;
};

}  // namespace varn::test
