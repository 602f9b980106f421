// QtHttpExecutor against a lying server: every answer has a size cap for
// its call kind and the whole exchange a deadline, so neither a huge answer
// nor one trickling in a byte at a time can exhaust or hold a client.
#include "qt_http_executor.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "fake_http_server.hpp"
#include "varn/sync/api_client.hpp"

namespace varn::test {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kMiB = 1024 * 1024;

net::TransportOptions options_for(const FakeHttpServer& server) {
  net::TransportOptions options;
  options.base_url = QString::fromStdString(server.url());
  options.backoff.max_attempts = 1;
  return options;
}

sync::HttpRequest get(std::size_t cap = sync::kMaxControlAnswerBytes) {
  sync::HttpRequest r;
  r.method = "GET";
  r.target = "/v1/me";
  r.max_answer_bytes = cap;
  return r;
}

//! Streams zeros until the client lets go (or 1 GiB, to stay bounded).
void stream_zeros(FakeHttpServer& server, int fd) {
  const std::string chunk(64 * 1024, '\0');
  for (std::size_t sent = 0; sent < 1024 * kMiB; sent += chunk.size()) {
    if (!server.send(fd, chunk)) return;
  }
}

}  // namespace

TEST_CASE("an answer announcing more than its cap is refused before its body is read", "[net][limits]") {
  FakeHttpServer server([](FakeHttpServer& s, int fd) {
    if (!s.send(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n")) return;
    stream_zeros(s, fd);
  });
  net::QtHttpExecutor http(options_for(server));
  auto answer = http.execute(get(kMiB));
  REQUIRE_FALSE(answer);
  CHECK(answer.error().code == Errc::malformed);
  CHECK_THAT(answer.error().message, Catch::Contains("larger than this call takes"));
  CHECK(server.sent() < 64 * kMiB);  // the client stopped reading long before a GiB
}

TEST_CASE("a chunked answer growing past its cap is cut off with a clear error", "[net][limits]") {
  FakeHttpServer server([](FakeHttpServer& s, int fd) {
    if (!s.send(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")) return;
    const std::string chunk = "10000\r\n" + std::string(0x10000, ' ') + "\r\n";
    // Paced like a fast network (64 MiB/s), not loopback: see the limit
    // noted in qt_http_executor.cpp.
    for (int i = 0; i < 16384; ++i) {
      if (!s.send(fd, chunk)) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  net::QtHttpExecutor http(options_for(server));
  auto answer = http.execute(get(4 * kMiB));
  REQUIRE_FALSE(answer);
  CHECK_THAT(answer.error().message, Catch::Contains("larger than this call takes"));
  CHECK(server.sent() < 32 * kMiB);
}

TEST_CASE("an answer trickling in a byte at a time ends at the request's deadline", "[net][limits]") {
  FakeHttpServer server([](FakeHttpServer& s, int fd) {
    if (!s.send(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")) return;
    // The pace of a lying server, not a wait for anything: well inside the
    // client's inactivity timeout, so only the deadline can end it.
    while (!s.stopping() && s.send(fd, " ")) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  });
  net::QtHttpExecutor http(options_for(server));
  auto request = get();
  request.deadline = std::chrono::milliseconds(1500);
  const auto start = Clock::now();
  auto answer = http.execute(request);
  const auto took = Clock::now() - start;
  REQUIRE_FALSE(answer);
  CHECK(answer.error().code == Errc::unavailable);
  CHECK_THAT(answer.error().message, Catch::Contains("did not finish its answer"));
  CHECK(took >= std::chrono::milliseconds(1000));
  CHECK(took < std::chrono::seconds(20));
}

TEST_CASE("an answer within its cap and deadline is read whole", "[net][limits]") {
  FakeHttpServer server([](FakeHttpServer& s, int fd) {
    const std::string body = "{\"status\":\"active\"}";
    (void)s.send(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                         std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
  });
  net::QtHttpExecutor http(options_for(server));
  auto answer = http.execute(get(19));
  REQUIRE(answer);
  CHECK(answer->status == 200);
  CHECK(std::string(answer->body.begin(), answer->body.end()) == "{\"status\":\"active\"}");
}

}  // namespace varn::test
