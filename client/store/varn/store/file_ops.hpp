#pragma once
//! Small POSIX file helpers for the store's files. Every file is made
//! exclusively (O_EXCL), never through a symlink (O_NOFOLLOW), mode 0600,
//! in a folder only its owner can write: a folder others can write lets
//! them swap the key file or plant a link where the next file goes.

#include <cstdint>
#include <string>
#include <vector>

#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

namespace varn::store {

//! Errc::forbidden unless the folder holding `path` is a directory owned by
//! this user (or root) that neither its group nor others may write.
[[nodiscard]] Result<void> check_private_folder(const std::string& path);
//! Errc::not_found when the file does not exist, Errc::io_error otherwise
//! (a symlink is not followed: io_error).
[[nodiscard]] Result<Bytes> read_whole_file(const std::string& path);
//! The first `n` bytes (fewer if the file is shorter), without reading the rest.
[[nodiscard]] Result<Bytes> read_file_prefix(const std::string& path, std::size_t n);
//! Atomic replace through a fresh temporary (random name, O_EXCL,
//! O_NOFOLLOW, 0600) + fsync + rename + fsync of the folder: after a crash
//! the file holds either the old or the new bytes, never a mix.
[[nodiscard]] Result<void> write_file_atomically(const std::string& path, ByteView bytes);
//! Creates an empty file that did not exist (O_EXCL, O_NOFOLLOW, 0600).
[[nodiscard]] Result<void> create_private_file(const std::string& path);
//! Overwrites the file with zeros, syncs and unlinks it; a missing file is
//! fine, a symlink is only unlinked (never written through).
//! (Flash storage may keep old blocks: what really destroys the data is that
//! the wrapped store key, the only way in, goes first.)
[[nodiscard]] Result<void> overwrite_and_unlink(const std::string& path);
//! Temporaries write_file_atomically left behind for `path` (a crash between create and rename).
[[nodiscard]] std::vector<std::string> leftover_temporaries(const std::string& path);
//! fsync of the folder holding `path`, so renames and unlinks are durable.
[[nodiscard]] Result<void> sync_parent_folder(const std::string& path);
[[nodiscard]] bool file_exists(const std::string& path);
//! The file's size; Errc::not_found when it does not exist.
[[nodiscard]] Result<std::uint64_t> file_size(const std::string& path);

//! An exclusive flock on a lock file (made 0600, never through a symlink)
//! for as long as it lives: the read-modify-write of the key file must not
//! interleave between processes. A separate file, because the key file is
//! replaced by rename and a lock on the old inode would guard nothing.
class FileLock {
 public:
  [[nodiscard]] static Result<FileLock> acquire(const std::string& lock_path);
  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&&) = delete;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock();

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace varn::store
