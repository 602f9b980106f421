#include "varn/server/server_key.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "varn/crypto/random.hpp"

namespace varn::server {
namespace {

constexpr const char* kFileName = "server_key.bin";

Result<void> write_all(int fd, ByteView bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return make_error(Errc::io_error, "cannot write the server key");
    done += static_cast<std::size_t>(n);
  }
  return {};
}

Result<crypto::SigningKeyPair> read_key(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return make_error(Errc::io_error, "cannot open the server key");
  crypto::SecretBuffer seed(crypto::kSignSeedBytes);
  std::size_t got = 0;
  while (got < seed.size()) {
    const auto n = ::read(fd, seed.data() + got, seed.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  std::uint8_t extra = 0;
  const bool longer = ::read(fd, &extra, 1) > 0;
  ::close(fd);
  if (got != seed.size() || longer) return make_error(Errc::corrupt, "the server key file has the wrong size");
  return crypto::SigningKeyPair::from_seed(seed.view());
}

}  // namespace

Result<crypto::SigningKeyPair> load_or_create_server_key(const std::filesystem::path& data_dir) {
  const auto path = data_dir / kFileName;
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return read_key(path);
  // The file holds only the 32-byte seed; O_EXCL so two starts cannot race.
  auto seed = crypto::SecretBuffer::random(crypto::kSignSeedBytes);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return read_key(path);
    return make_error(Errc::io_error, "cannot create the server key");
  }
  auto written = write_all(fd, seed.view());
  const bool synced = written && ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) {
    std::filesystem::remove(path, ec);
    return make_error(Errc::io_error, "cannot write the server key");
  }
  return crypto::SigningKeyPair::from_seed(seed.view());
}

}  // namespace varn::server
