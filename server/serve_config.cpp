#include "serve_config.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fstream>

namespace varn::server {

Result<std::vector<std::string>> config_file_args(const std::filesystem::path& file,
                                                  const std::function<bool(const std::string&)>& known,
                                                  const std::function<bool(const std::string&)>& given) {
  std::ifstream in(file);
  if (!in) return make_error(Errc::io_error, "cannot read the config file " + file.string());
  std::vector<CLI::ConfigItem> items;
  try {
    items = CLI::ConfigTOML().from_config(in);
  } catch (const CLI::Error& e) {
    return make_error(Errc::invalid_argument, file.string() + ": " + e.what());
  }
  std::vector<std::string> args;
  for (const auto& item : items) {
    if (item.name == "++" || item.name == "--") continue;  // CLI11's marks around a section
    if (!item.parents.empty()) {
      return make_error(Errc::invalid_argument, file.string() + ": sections are not used; write 'option = value'");
    }
    if (item.name == "data" || item.name == "config" || !known(item.name)) {
      return make_error(Errc::invalid_argument, file.string() + ": unknown setting '" + item.name + "'");
    }
    if (given(item.name)) continue;
    args.push_back("--" + item.name);
    args.insert(args.end(), item.inputs.begin(), item.inputs.end());
  }
  return args;
}

bool write_storage_setting(const std::filesystem::path& data_dir, const std::string& uri) {
  if (uri.find_first_of("'\n\r") != std::string::npos) return false;
  const auto path = data_dir / kConfigFileName;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  const std::string text = "# Written by varn-server init: every serve on this directory (or a copy) uses it.\n"
                           "storage = '" + uri + "'\n";
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) std::filesystem::remove(path);
  return ok;
}

}  // namespace varn::server
