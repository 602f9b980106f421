#include "tls_client.hpp"

#include <boost/beast/http.hpp>
#include "test_check.hpp"

namespace varn::test {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

namespace {
constexpr std::chrono::seconds kIoTimeout{60};

TestResponse convert(http::response<http::vector_body<std::uint8_t>>& r) {
  TestResponse out;
  out.status = r.result_int();
  out.body = std::move(r.body());
  for (const auto& field : r) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(field.value());
  }
  return out;
}
}  // namespace

TlsClient::TlsClient(unsigned short port) : port_(port) { tls_.set_verify_mode(net::ssl::verify_none); }

TlsClient::~TlsClient() { reset(); }

void TlsClient::reset() {
  if (stream_) {
    beast::error_code ec;
    beast::get_lowest_layer(*stream_).socket().close(ec);
  }
  stream_.reset();
  buffer_.clear();
}

bool TlsClient::connect() {
  reset();
  stream_ = std::make_unique<beast::ssl_stream<beast::tcp_stream>>(ioc_, tls_);
  beast::error_code ec;
  auto& tcp = beast::get_lowest_layer(*stream_);
  tcp.expires_after(kIoTimeout);
  tcp.socket().connect({net::ip::make_address("127.0.0.1"), port_}, ec);
  if (!ec) tcp.socket().set_option(net::ip::tcp::no_delay(true), ec);
  if (!ec) stream_->handshake(net::ssl::stream_base::client, ec);
  if (ec) {
    reset();
    return false;
  }
  return true;
}

std::optional<TestResponse> TlsClient::request(const std::string& method, const std::string& target, const Bytes& body,
                                               const std::string& token) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!stream_ && !connect()) return std::nullopt;
    http::request<http::vector_body<std::uint8_t>> req{http::string_to_verb(method), target, 11};
    req.set(http::field::host, "127.0.0.1");
    if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
    if (!body.empty()) req.set(http::field::content_type, "application/octet-stream");
    req.body() = body;
    req.keep_alive(true);
    req.prepare_payload();
    beast::error_code ec;
    http::write(*stream_, req, ec);
    http::response_parser<http::vector_body<std::uint8_t>> parser;
    parser.body_limit(64 * 1024 * 1024);
    if (!ec) http::read(*stream_, buffer_, parser, ec);
    if (ec) {  // the server closed an idle keep-alive connection: reopen once
      reset();
      continue;
    }
    auto res = parser.release();
    if (!res.keep_alive()) reset();
    return convert(res);
  }
  return std::nullopt;
}

std::optional<TestResponse> TlsClient::raw(const std::string& bytes) {
  if (!connect()) return std::nullopt;
  beast::error_code ec;
  net::write(*stream_, net::buffer(bytes), ec);
  http::response_parser<http::vector_body<std::uint8_t>> parser;
  if (!ec) http::read(*stream_, buffer_, parser, ec);
  if (ec) {
    reset();
    return std::nullopt;
  }
  auto res = parser.release();
  reset();
  return convert(res);
}

Transport TlsClient::transport() {
  return [this](const std::string& method, const std::string& target, const Bytes& body, const std::string& token) {
    auto r = request(method, target, body, token);
    REQUIRE(r.has_value());
    return *r;
  };
}

unsigned short port_of(const std::string& url) {
  const auto colon = url.rfind(':');
  if (colon == std::string::npos) return 0;
  return static_cast<unsigned short>(std::stoul(url.substr(colon + 1)));
}

}  // namespace varn::test
