#include "passphrase_prompt.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <utility>

namespace varn::cli {
namespace {

// Restores the terminal's echo however the read ends.
class EchoOff {
 public:
  explicit EchoOff(int fd) : fd_(fd) {
    if (tcgetattr(fd_, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = tcsetattr(fd_, TCSAFLUSH, &quiet) == 0;
  }
  ~EchoOff() {
    if (active_) (void)tcsetattr(fd_, TCSAFLUSH, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  int fd_;
  termios saved_{};
  bool active_ = false;
};

class Tty {
 public:
  Tty() : fd_(::open("/dev/tty", O_RDWR | O_CLOEXEC)) {}
  ~Tty() {
    if (fd_ >= 0) ::close(fd_);
  }
  Tty(const Tty&) = delete;
  Tty& operator=(const Tty&) = delete;
  [[nodiscard]] int fd() const { return fd_; }

 private:
  int fd_;
};

void write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n <= 0) return;
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

Result<Passphrase> prompt_once(const Tty& tty, std::string_view prompt) {
  write_all(tty.fd(), prompt);
  std::string text;
  text.reserve(1024);  // no reallocation: no stray copies left unwiped
  {
    const EchoOff quiet(tty.fd());
    char c = 0;
    while (::read(tty.fd(), &c, 1) == 1 && c != '\n' && c != '\r') {
      if (text.size() + 1 < text.capacity()) text.push_back(c);
    }
  }
  write_all(tty.fd(), "\n");
  return Passphrase(std::move(text));
}

Result<Passphrase> from_env(const char* env_var) {
  const char* value = std::getenv(env_var);
  if (value == nullptr) return make_error(Errc::not_found, "not set");
  if (*value == '\0') return make_error(Errc::invalid_argument, std::string(env_var) + " is empty");
  return Passphrase(std::string(value));
}

Error no_terminal(const char* env_var) {
  return make_error(Errc::invalid_argument,
                    std::string("no passphrase: set ") + env_var + " or run varn-cli in a terminal");
}

}  // namespace

Passphrase::~Passphrase() { wipe(); }

Passphrase::Passphrase(Passphrase&& other) noexcept : text_(std::move(other.text_)) { other.wipe(); }

Passphrase& Passphrase::operator=(Passphrase&& other) noexcept {
  if (this != &other) {
    wipe();
    text_ = std::move(other.text_);
    other.wipe();
  }
  return *this;
}

void Passphrase::wipe() {
  text_.resize(text_.capacity());
  sodium_memzero(text_.data(), text_.size());
  text_.clear();
}

Result<Passphrase> read_passphrase(const char* env_var, std::string_view prompt) {
  auto env = from_env(env_var);
  if (env || env.error().code != Errc::not_found) return env;
  const Tty tty;
  if (tty.fd() < 0) return no_terminal(env_var);
  auto entered = prompt_once(tty, prompt);
  if (entered && entered->empty()) return make_error(Errc::invalid_argument, "empty passphrase");
  return entered;
}

Result<Passphrase> read_new_passphrase(const char* env_var, std::string_view prompt) {
  auto env = from_env(env_var);
  if (env || env.error().code != Errc::not_found) return env;
  const Tty tty;
  if (tty.fd() < 0) return no_terminal(env_var);
  auto first = prompt_once(tty, prompt);
  if (!first) return first;
  if (first->empty()) return make_error(Errc::invalid_argument, "empty passphrase");
  auto second = prompt_once(tty, "Repeat it: ");
  if (!second) return second;
  if (first->view() != second->view()) return make_error(Errc::invalid_argument, "the two passphrases differ");
  return first;
}

}  // namespace varn::cli
