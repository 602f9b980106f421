#pragma once
//! The settings file of `varn-server serve`: `option = value` lines
//! (TOML/INI, read by CLI11), one per long option of the command line
//! without its dashes: `storage = "postgresql://..."`, `listen`, `cert`,
//! `key`, `threads`, `pg-pool`, the limits. `--config FILE` names it;
//! without that flag, DIR/varn-server.conf is read when it exists, so every
//! copy of a data directory carries its settings. What the command line
//! gives wins over the file.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "varn/util/result.hpp"

namespace varn::server {

inline constexpr const char* kConfigFileName = "varn-server.conf";

//! The arguments (`--name value ...`) that `file` adds for the settings
//! the command line did not give (`given(name)` false). Errc::invalid_argument
//! for a section, a setting `known(name)` refuses, or `data`/`config`
//! (the file is found through them); Errc::io_error when it cannot be read.
Result<std::vector<std::string>> config_file_args(const std::filesystem::path& file,
                                                  const std::function<bool(const std::string&)>& known,
                                                  const std::function<bool(const std::string&)>& given);

//! Writes `storage = '<uri>'` as a new DIR/varn-server.conf (0600), so that
//! `serve --data DIR` and every copy of DIR use that storage. False, writing
//! nothing, when the file exists or the URI cannot be quoted literally.
bool write_storage_setting(const std::filesystem::path& data_dir, const std::string& uri);

}  // namespace varn::server
