#include "varn/store/file_ops.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <utility>

#include "varn/crypto/random.hpp"

namespace varn::store {
namespace {

constexpr std::string_view kTempInfix = ".tmp-";

// Closes the descriptor on every path out.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  [[nodiscard]] int get() const { return fd_; }
  [[nodiscard]] bool ok() const { return fd_ >= 0; }

 private:
  int fd_;
};

Error io_error(const char* what) { return make_error(Errc::io_error, std::string(what) + " failed (errno " + std::to_string(errno) + ")"); }

Result<void> write_all(int fd, ByteView bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return io_error("write");
    done += static_cast<std::size_t>(n);
  }
  return {};
}

std::string parent_of(const std::string& path) {
  auto parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

}  // namespace

Result<void> check_private_folder(const std::string& path) {
  const std::string folder = parent_of(path);
  struct stat st {};
  if (::stat(folder.c_str(), &st) != 0) {
    if (errno == ENOENT) return make_error(Errc::not_found, "the store's folder does not exist: " + folder);
    return io_error("stat folder");
  }
  if (!S_ISDIR(st.st_mode)) return make_error(Errc::forbidden, "the store's folder is not a folder: " + folder);
  if (st.st_uid != ::geteuid() && st.st_uid != 0) {
    return make_error(Errc::forbidden, "the store's folder belongs to another user: " + folder);
  }
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    return make_error(Errc::forbidden, "the store's folder may be written by other users (make it 0700): " + folder);
  }
  return {};
}

bool file_exists(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

Result<std::uint64_t> file_size(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return make_error(Errc::not_found, "file not found");
    return io_error("stat");
  }
  if (!S_ISREG(st.st_mode)) return make_error(Errc::corrupt, "not a regular file");
  return static_cast<std::uint64_t>(st.st_size);
}

Result<Bytes> read_whole_file(const std::string& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (!fd.ok()) {
    if (errno == ENOENT) return make_error(Errc::not_found, "file not found");
    return io_error("open");
  }
  Bytes out;
  std::uint8_t chunk[4096];
  for (;;) {
    const ssize_t n = ::read(fd.get(), chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return io_error("read");
    if (n == 0) return out;
    out.insert(out.end(), chunk, chunk + n);
  }
}

Result<Bytes> read_file_prefix(const std::string& path, std::size_t n) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (!fd.ok()) {
    if (errno == ENOENT) return make_error(Errc::not_found, "file not found");
    return io_error("open");
  }
  Bytes out(n);
  std::size_t done = 0;
  while (done < n) {
    const ssize_t got = ::read(fd.get(), out.data() + done, n - done);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return io_error("read");
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  out.resize(done);
  return out;
}

Result<void> sync_parent_folder(const std::string& path) {
  Fd dir(::open(parent_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir.ok()) return io_error("open folder");
  if (::fsync(dir.get()) != 0) return io_error("fsync folder");
  return {};
}

Result<void> create_private_file(const std::string& path) {
  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (!fd.ok()) return io_error("create");
  return {};
}

Result<void> write_file_atomically(const std::string& path, ByteView bytes) {
  const std::string temp = path + std::string(kTempInfix) + to_hex(crypto::random_array<8>());
  {
    Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd.ok()) return io_error("create");
    auto written = write_all(fd.get(), bytes);
    if (written && ::fsync(fd.get()) != 0) written = io_error("fsync");
    if (!written) {
      ::unlink(temp.c_str());
      return written;
    }
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const auto failure = io_error("rename");
    ::unlink(temp.c_str());
    return failure;
  }
  return sync_parent_folder(path);
}

std::vector<std::string> leftover_temporaries(const std::string& path) {
  std::vector<std::string> out;
  const std::filesystem::path p(path);
  const std::string prefix = p.filename().string() + std::string(kTempInfix);
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(parent_of(path), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) == 0) out.push_back(entry.path().string());
  }
  return out;
}

Result<void> overwrite_and_unlink(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return {};  // nothing there
  if (S_ISREG(st.st_mode)) {
    Fd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW));
    if (fd.ok()) {
      const Bytes zeros(64 * 1024, 0);
      auto left = static_cast<std::size_t>(st.st_size);
      while (left > 0) {
        const std::size_t n = left < zeros.size() ? left : zeros.size();
        if (auto w = write_all(fd.get(), ByteView(zeros.data(), n)); !w) break;  // still unlink below
        left -= n;
      }
      (void)::fsync(fd.get());
    }
  }
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) return io_error("unlink");
  return {};
}

Result<FileLock> FileLock::acquire(const std::string& lock_path) {
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return io_error("open lock file");
  while (::flock(fd, LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    const auto failure = io_error("flock");
    ::close(fd);
    return failure;
  }
  return FileLock(fd);
}

FileLock::FileLock(FileLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace varn::store
