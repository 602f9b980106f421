#include "raw_tls.hpp"

#include <poll.h>
#include <sys/socket.h>

#include <boost/asio/connect.hpp>

namespace varn::test {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

namespace {
void connect_from(net::ip::tcp::socket& socket, unsigned short port, const std::string& from) {
  socket.open(net::ip::tcp::v4());
  socket.bind({net::ip::make_address(from), 0});
  socket.connect({net::ip::make_address("127.0.0.1"), port});
}
}  // namespace

RawTls::RawTls(unsigned short port, const std::string& from) {
  tls_.set_verify_mode(net::ssl::verify_none);
  connect_from(beast::get_lowest_layer(stream_).socket(), port, from);
  stream_.handshake(net::ssl::stream_base::client);
}

bool RawTls::write(const std::string& bytes) {
  beast::error_code ec;
  net::write(stream_, net::buffer(bytes), ec);
  return !ec;
}

void RawTls::reset() {
  auto& socket = beast::get_lowest_layer(stream_).socket();
  socket.set_option(net::socket_base::linger(true, 0));
  socket.close();
}

std::pair<beast::error_code, http::response<http::string_body>> RawTls::read(std::chrono::seconds guard) {
  http::response<http::string_body> response;
  beast::error_code result;
  beast::get_lowest_layer(stream_).expires_after(guard);
  http::async_read(stream_, buffer_, response, [&](beast::error_code ec, std::size_t) { result = ec; });
  ioc_.restart();
  ioc_.run();
  return {result, std::move(response)};
}

SilentSocket::SilentSocket(unsigned short port, const std::string& from) { connect_from(socket_, port, from); }

bool SilentSocket::closed_by_server(std::chrono::milliseconds within) {
  pollfd fd{socket_.native_handle(), POLLIN, 0};
  if (::poll(&fd, 1, static_cast<int>(within.count())) != 1) return false;
  char byte = 0;
  return ::recv(socket_.native_handle(), &byte, 1, 0) <= 0;
}

std::string request_head(const std::string& method, const std::string& target, const std::string& token,
                         std::size_t content_length) {
  std::string head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  if (!token.empty()) head += "Authorization: Bearer " + token + "\r\n";
  if (content_length != 0) {
    head += "Content-Type: application/octet-stream\r\nContent-Length: " + std::to_string(content_length) + "\r\n";
  }
  return head + "\r\n";
}

long metric_value(const std::string& exposition, const std::string& name) {
  const std::string prefix = "\n" + name + " ";
  const auto at = exposition.find(prefix);
  if (at == std::string::npos) return -1;
  return std::stol(exposition.substr(at + prefix.size()));
}

}  // namespace varn::test
