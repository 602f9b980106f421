#pragma once
// Runs the project's real executables from tests: a command to completion
// with bounded time, or a long-running server whose "listening" line is read
// from its stdout with a deadline (never a sleep).

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace varn::test {

struct ProcessResult {
  int exit_code = -1;  //!< -1 when killed by a signal or timed out
  std::string out;
  std::string err;
};

//! Runs argv[0] with extra environment variables; kills it after `timeout`.
ProcessResult run_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
                          std::chrono::seconds timeout = std::chrono::seconds(60));

//! A started child whose stdout is read line by line.
class ChildProcess {
 public:
  ChildProcess() = default;
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&& other) noexcept;
  ~ChildProcess();

  //! stderr goes to `stderr_path` (a file the test may read afterwards).
  //! A non-zero `address_space_limit` (bytes) is set as the child's
  //! RLIMIT_AS, so allocation failures can be tested; a non-zero
  //! `open_files_limit` as its RLIMIT_NOFILE (soft and hard).
  static std::optional<ChildProcess> start(const std::vector<std::string>& argv, const std::string& stderr_path,
                                           std::size_t address_space_limit = 0, std::size_t open_files_limit = 0);
  //! The next stdout line, or nullopt at EOF or when the deadline passes.
  std::optional<std::string> read_line(std::chrono::milliseconds deadline);
  //! SIGTERM, then wait up to `grace`; returns the exit code (-1 if it had to be killed).
  int terminate(std::chrono::seconds grace = std::chrono::seconds(20));
  //! SIGKILL and reap.
  void kill_hard();
  [[nodiscard]] pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  std::string buffer_;
};

//! A varn-server child on 127.0.0.1 with an ephemeral port.
struct ServerInfo {
  std::string url;           //!< https://127.0.0.1:PORT
  std::string cert_sha256;   //!< hex, as printed by the server
};

//! Parses "listening https://127.0.0.1:PORT cert-sha256=HEX".
std::optional<ServerInfo> parse_listening_line(const std::string& line);

//! A field of /proc/PID/status in KiB ("VmRSS", "VmSize"); -1 when unreadable.
long proc_status_kib(pid_t pid, const std::string& field);

//! A fresh temporary directory (removed by the caller with remove_tree).
std::string make_temp_dir(const std::string& prefix);
void remove_tree(const std::string& path);
//! Whole file as bytes-in-a-string; empty when unreadable.
std::string read_file(const std::string& path);

}  // namespace varn::test
