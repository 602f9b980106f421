#pragma once
// End-to-end fixture: a real varn-server process on 127.0.0.1 (port 0) with
// its own data directory, and varn-cli devices, each with its own store.

#include <memory>
#include <string>
#include <vector>

#include "subprocess.hpp"

namespace varn::test {

//! One varn-cli device: a store file and its passphrase.
struct CliDevice {
  std::string store;
  std::string passphrase;
  ProcessResult run(const std::vector<std::string>& args) const;
  //! Runs and requires exit 0; returns stdout without the trailing newline.
  std::string ok(const std::vector<std::string>& args) const;
};

class E2eServer {
 public:
  explicit E2eServer(const std::string& unit_name = "Demo");
  ~E2eServer();
  E2eServer(const E2eServer&) = delete;
  E2eServer& operator=(const E2eServer&) = delete;

  void start();  //!< (re)starts the server on the same data dir
  void stop();   //!< SIGTERM; requires a clean exit
  void kill9();  //!< SIGKILL, no goodbye

  //! A new device with a fresh store, initialised (not enrolled).
  CliDevice new_device(const std::string& name);
  //! The first device, enrolled as admin with the unit code; with
  //! `with_casework` recorded as a staff member who also works and reviews
  //! cases (an admin device shows case content only then).
  CliDevice enrol_admin(bool with_casework = true);
  //! A device enrolled through the pending-request + admin-approval flow.
  //! `approve_args` go to `admin approve` (--person NAME --title T, --person-id ID).
  CliDevice enrol_device(const CliDevice& admin, const std::string& name, const std::string& role,
                         const std::vector<std::string>& approve_args = {});

  std::vector<std::string> extra_args;  //!< added to `serve` by the next start()
  std::string dir;       //!< temp dir holding data/ and the stores
  std::string data_dir;
  std::string log_path;  //!< the server's stderr
  std::string url;
  std::string cert_sha256;
  std::string unit_code;

 private:
  ChildProcess child_;
  bool running_ = false;
};

//! While it lives, this process and every varn-cli it starts run in a time
//! zone where it is now about noon: the access-log review judges reads by
//! the reader's local hour (at night: 22-06), so a test's own reads are
//! daytime ones whenever it runs.
class NoonTimeZone {
 public:
  NoonTimeZone();
  ~NoonTimeZone();
  NoonTimeZone(const NoonTimeZone&) = delete;
  NoonTimeZone& operator=(const NoonTimeZone&) = delete;
  //! "YYYY-MM" of now in that zone.
  [[nodiscard]] static std::string month();
};

//! Paths of the built executables (from CMake).
std::string server_binary();
std::string cli_binary();

//! Every regular file under `root`, concatenated (for plaintext-leak checks).
std::string all_bytes_under(const std::string& root);
//! The id of the staff member `name` as `admin staff --json` lists it, or "".
std::string staff_id(const CliDevice& admin, const std::string& name);
//! Value after "key: " on some line of `text`, or "".
std::string field(const std::string& text, const std::string& key);

}  // namespace varn::test
