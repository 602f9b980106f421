#pragma once
//! A one-connection-at-a-time HTTP server on 127.0.0.1 port 0, on its own
//! thread, whose answers a test writes by hand (a lying server). It counts
//! what it managed to send before the client let go.

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <thread>

namespace varn::test {

class FakeHttpServer {
 public:
  //! Writes the answer on `fd`; returns when done or when a write fails.
  using Answer = std::function<void(FakeHttpServer& server, int fd)>;

  explicit FakeHttpServer(Answer answer);
  ~FakeHttpServer();
  FakeHttpServer(const FakeHttpServer&) = delete;
  FakeHttpServer& operator=(const FakeHttpServer&) = delete;

  [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  //! Bytes of answers written so far.
  [[nodiscard]] std::size_t sent() const { return sent_.load(); }
  //! Writes all of `bytes`; false once the client is gone (or the server stops).
  bool send(int fd, const std::string& bytes);
  [[nodiscard]] bool stopping() const { return stopping_.load(); }

 private:
  void serve();
  Answer answer_;
  int listen_fd_ = -1;
  unsigned short port_ = 0;
  std::atomic<std::size_t> sent_{0};
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace varn::test
