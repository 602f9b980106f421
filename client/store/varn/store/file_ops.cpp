#include "varn/store/file_ops.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

namespace varn::store {
namespace {

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

bool file_exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

Result<Bytes> read_whole_file(const std::string& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
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

Result<void> sync_parent_folder(const std::string& path) {
  Fd dir(::open(parent_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir.ok()) return io_error("open folder");
  if (::fsync(dir.get()) != 0) return io_error("fsync folder");
  return {};
}

Result<void> write_file_atomically(const std::string& path, ByteView bytes) {
  const std::string temp = path + ".tmp";
  {
    Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    if (!fd.ok()) return io_error("create");
    if (auto w = write_all(fd.get(), bytes); !w) return w;
    if (::fsync(fd.get()) != 0) return io_error("fsync");
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const auto failure = io_error("rename");
    ::unlink(temp.c_str());
    return failure;
  }
  return sync_parent_folder(path);
}

Result<void> overwrite_and_unlink(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};  // nothing there
  {
    Fd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
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

}  // namespace varn::store
