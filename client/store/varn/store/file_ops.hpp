#pragma once
//! Small POSIX file helpers for the key file and the wipe: atomic replace
//! (temp + fsync + rename + fsync of the folder) and overwrite-then-unlink.

#include <string>

#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

namespace varn::store {

//! Errc::not_found when the file does not exist, Errc::io_error otherwise.
[[nodiscard]] Result<Bytes> read_whole_file(const std::string& path);
//! After a crash the file holds either the old or the new bytes, never a mix.
[[nodiscard]] Result<void> write_file_atomically(const std::string& path, ByteView bytes);
//! Overwrites the file with zeros, syncs and unlinks it; a missing file is fine.
//! (Flash storage may keep old blocks: what really destroys the data is that
//! the wrapped store key, the only way in, goes first.)
[[nodiscard]] Result<void> overwrite_and_unlink(const std::string& path);
//! fsync of the folder holding `path`, so renames and unlinks are durable.
[[nodiscard]] Result<void> sync_parent_folder(const std::string& path);
[[nodiscard]] bool file_exists(const std::string& path);

}  // namespace varn::store
