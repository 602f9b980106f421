#include "server_process.hpp"

#include <filesystem>

#include "test_check.hpp"

namespace varn::test {

ServerProcess::ServerProcess(const std::vector<std::string>& init_args) {
  dir = make_temp_dir("varn-server-test");
  data_dir = dir + "/data";
  log_path = dir + "/server.log";
  std::vector<std::string> argv{VARN_SERVER_BINARY, "init", "--data", data_dir, "--unit", "Team Nord"};
  argv.insert(argv.end(), init_args.begin(), init_args.end());
  auto init = run_process(argv);
  REQUIRE(init.exit_code == 0);
  const auto at = init.out.find("code: ");
  REQUIRE(at != std::string::npos);
  unit_code = init.out.substr(at + 6, init.out.find('\n', at) - at - 6);
  const auto key_at = init.out.find("server-key: ");
  REQUIRE(key_at != std::string::npos);
  server_key = init.out.substr(key_at + 12, init.out.find('\n', key_at) - key_at - 12);
}

ServerProcess::ServerProcess(CopyOf copy) {
  dir = make_temp_dir("varn-server-test");
  data_dir = dir + "/data";
  log_path = dir + "/server.log";
  std::filesystem::copy(copy.source.data_dir, data_dir);
  std::filesystem::remove(data_dir + "/lock");
  std::filesystem::permissions(data_dir, std::filesystem::perms::owner_all);
  unit_code = copy.source.unit_code;
  server_key = copy.source.server_key;
}

ServerProcess::~ServerProcess() {
  if (child_) child_->kill_hard();
  remove_tree(dir);
}

void ServerProcess::start() {
  ++starts_;
  std::vector<std::string> args{VARN_SERVER_BINARY, "serve", "--data", data_dir, "--listen", listen,
                                "--max-long-poll", "5", "--shutdown-grace", "10"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  child_ = ChildProcess::start(args, log_path + "." + std::to_string(starts_), address_space_limit, open_files_limit);
  REQUIRE(child_.has_value());
  auto line = child_->read_line(std::chrono::seconds(20));
  REQUIRE(line.has_value());
  auto info = parse_listening_line(*line);
  REQUIRE(info.has_value());
  CHECK(info->cert_sha256.size() == 64);
  cert_sha256 = info->cert_sha256;
  port = port_of(info->url);
  REQUIRE(port != 0);
}

int ServerProcess::stop() {
  REQUIRE(child_.has_value());
  const int code = child_->terminate(std::chrono::seconds(20));
  child_.reset();
  return code;
}

void ServerProcess::kill() {
  REQUIRE(child_.has_value());
  child_->kill_hard();
  child_.reset();
}

}  // namespace varn::test
