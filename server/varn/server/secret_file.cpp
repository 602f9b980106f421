#include "varn/server/secret_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace varn::server {
namespace {

Result<void> write_all(int fd, ByteView bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return make_error(Errc::io_error, "cannot write");
    done += static_cast<std::size_t>(n);
  }
  return {};
}

Result<crypto::SecretBuffer> read_secret(const std::filesystem::path& path, std::size_t bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return make_error(Errc::io_error, "cannot open " + path.filename().string());
  struct stat st {};
  if (::fstat(fd, &st) != 0 || (st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    ::close(fd);
    return make_error(Errc::forbidden, path.filename().string() + " may be read by other users (make it 0600)");
  }
  crypto::SecretBuffer secret(bytes);
  std::size_t got = 0;
  while (got < secret.size()) {
    const auto n = ::read(fd, secret.data() + got, secret.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  std::uint8_t extra = 0;
  const bool longer = ::read(fd, &extra, 1) > 0;
  ::close(fd);
  if (got != secret.size() || longer) {
    return make_error(Errc::corrupt, path.filename().string() + " has the wrong size");
  }
  return secret;
}

}  // namespace

Result<crypto::SecretBuffer> load_or_create_secret_file(const std::filesystem::path& path, std::size_t bytes) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return read_secret(path, bytes);
  // O_EXCL so two starts cannot race: the loser reads the winner's.
  auto secret = crypto::SecretBuffer::random(bytes);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return read_secret(path, bytes);
    return make_error(Errc::io_error, "cannot create " + path.filename().string());
  }
  auto written = write_all(fd, secret.view());
  const bool synced = written && ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) {
    std::filesystem::remove(path, ec);
    return make_error(Errc::io_error, "cannot write " + path.filename().string());
  }
  return secret;
}

}  // namespace varn::server
