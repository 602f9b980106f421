#include "e2e_fixture.hpp"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <stdexcept>
#include <sstream>

namespace varn::test {

std::string server_binary() { return VARN_SERVER_BINARY; }
std::string cli_binary() { return VARN_CLI_BINARY; }

ProcessResult CliDevice::run(const std::vector<std::string>& args) const {
  std::vector<std::string> argv{cli_binary(), "--store", store};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, {{"VARN_PASSPHRASE", passphrase}}, std::chrono::seconds(90));
}

std::string CliDevice::ok(const std::vector<std::string>& args) const {
  auto r = run(args);
  INFO("varn-cli " << (args.empty() ? "" : args[0]) << " " << (args.size() > 1 ? args[1] : "") << " stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  while (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
  return r.out;
}

E2eServer::E2eServer(const std::string& unit_name) {
  dir = make_temp_dir("varn-e2e");
  REQUIRE_FALSE(dir.empty());
  data_dir = dir + "/data";
  log_path = dir + "/server.log";
  auto init = run_process({server_binary(), "init", "--data", data_dir, "--unit", unit_name});
  INFO("varn-server init: " << init.err);
  REQUIRE(init.exit_code == 0);
  unit_code = field(init.out, "code");
  REQUIRE_FALSE(unit_code.empty());
  start();
}

E2eServer::~E2eServer() {
  if (running_) child_.kill_hard();
  remove_tree(dir);
}

void E2eServer::start() {
  std::vector<std::string> args = {server_binary(), "serve", "--data", data_dir, "--listen", "127.0.0.1:0"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  auto child = ChildProcess::start(args, log_path);
  REQUIRE(child.has_value());
  child_ = std::move(*child);
  auto line = child_.read_line(std::chrono::seconds(30));
  INFO("server log: " << read_file(log_path));
  REQUIRE(line.has_value());
  auto info = parse_listening_line(*line);
  REQUIRE(info.has_value());
  url = info->url;
  cert_sha256 = info->cert_sha256;
  running_ = true;
}

void E2eServer::stop() {
  REQUIRE(running_);
  running_ = false;
  const int status = child_.terminate();
  INFO("server log: " << read_file(log_path));
  CHECK(status == 0);
}

void E2eServer::kill9() {
  running_ = false;
  child_.kill_hard();
}

CliDevice E2eServer::new_device(const std::string& name) {
  CliDevice d{dir + "/" + name + ".varn", "lösenord för " + name};
  d.ok({"init", "--kdf-floor"});  // the lowest allowed Argon2id cost: tests open stores often
  return d;
}

CliDevice E2eServer::enrol_admin(bool with_casework) {
  auto admin = new_device("admin");
  auto out = admin.ok({"enrol", "--server", url, "--pin", cert_sha256, "--code", unit_code});
  CHECK(field(out, "status") == "active");
  if (with_casework) {
    // `admin devices` prints "<device id>  <role>  <status> ...", one a line.
    const auto listed = admin.ok({"admin", "devices"});
    const auto device = listed.substr(0, listed.find(' '));
    REQUIRE(device.size() == 32);
    admin.ok({"admin", "staff-add", device, "--person", "Enhetens chef", "--casework", "worker,reviewer"});
  }
  return admin;
}

CliDevice E2eServer::enrol_device(const CliDevice& admin, const std::string& name, const std::string& role,
                                  const std::vector<std::string>& approve_args) {
  auto device = new_device(name);
  auto out = device.ok({"enrol", "--server", url, "--pin", cert_sha256});
  const auto code = field(out, "code");
  const auto fingerprint = field(out, "fingerprint");
  REQUIRE_FALSE(code.empty());
  REQUIRE_FALSE(fingerprint.empty());
  const auto pairing = field(out, "pairing");
  REQUIRE_FALSE(pairing.empty());
  std::vector<std::string> approve = {"admin", "approve", code, "--fingerprint", fingerprint, "--pairing", pairing, "--role", role};
  approve.insert(approve.end(), approve_args.begin(), approve_args.end());
  admin.ok(approve);
  device.ok({"sync"});
  return device;
}

std::string staff_id(const CliDevice& admin, const std::string& name) {
  for (const auto& s : nlohmann::json::parse(admin.ok({"admin", "staff", "--json"}))) {
    if (s["name"] == name) return s["id"].get<std::string>();
  }
  return {};
}

std::string all_bytes_under(const std::string& root) {
  std::string all;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) all += read_file(entry.path().string());
  }
  return all;
}

std::string field(const std::string& text, const std::string& key) {
  std::istringstream in(text);
  std::string line;
  const std::string prefix = key + ": ";
  while (std::getline(in, line)) {
    if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  }
  return {};
}

NoonTimeZone::NoonTimeZone() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  if (gmtime_r(&now, &utc) == nullptr) throw std::runtime_error("gmtime_r failed");
  const int hours_east = 12 - utc.tm_hour;                        // -11 .. 12
  const std::string zone = "VARN" + std::to_string(-hours_east);  // POSIX TZ counts hours west
  if (setenv("TZ", zone.c_str(), 1) != 0) throw std::runtime_error("setenv TZ failed");
  tzset();
}

NoonTimeZone::~NoonTimeZone() {
  unsetenv("TZ");
  tzset();
}

std::string NoonTimeZone::month() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  if (localtime_r(&now, &local) == nullptr) throw std::runtime_error("localtime_r failed");
  char text[8];
  if (std::strftime(text, sizeof text, "%Y-%m", &local) != 7) throw std::runtime_error("strftime failed");
  return text;
}

}  // namespace varn::test
