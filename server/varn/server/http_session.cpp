#include "varn/server/http_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include "varn/server/connection_registry.hpp"
#include "varn/server/handler_util.hpp"

namespace varn::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

namespace {
// The request head (line + headers) is small in this protocol.
constexpr std::uint32_t kMaxHeaderBytes = 16 * 1024;
constexpr std::chrono::seconds kShutdownTimeout{5};
}  // namespace

HttpSession::HttpSession(net::ip::tcp::socket socket, net::ssl::context& tls, Context& ctx,
                         ConnectionRegistry& registry)
    : stream_(std::move(socket), tls), timeout_(stream_.get_executor()), ctx_(ctx), registry_(registry) {}

HttpSession::~HttpSession() { registry_.remove(this); }

void HttpSession::start() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    if (!self->registry_.add(self.get(), self, self->ctx_.limits.max_connections)) {
      self->stream_.close();
      return;
    }
    self->arm_timeout(self->ctx_.limits.idle_timeout);
    self->stream_.async_handshake(beast::bind_front_handler(&HttpSession::on_handshake, self));
  });
}

void HttpSession::stop() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    self->stopping_ = true;
    if (!self->busy_) self->close();
  });
}

void HttpSession::on_handshake(beast::error_code ec) {
  if (ec) return;  // failed handshakes are common noise (scanners, wrong pins)
  read_next();
}

void HttpSession::read_next() {
  if (stopping_) return close();
  parser_.emplace();
  parser_->body_limit(ctx_.limits.max_body_bytes);
  parser_->header_limit(kMaxHeaderBytes);
  arm_timeout(ctx_.limits.idle_timeout);
  http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
}

void HttpSession::on_read(beast::error_code ec, std::size_t) {
  if (ec == http::error::body_limit || ec == http::error::header_limit) {
    return write(error_response(413, "too_large", "the request is larger than the server takes"), true);
  }
  if (ec == http::error::end_of_stream || ec == http::error::partial_message) return close();
  if (ec && ec.category() == beast::http::make_error_code(http::error::bad_target).category()) {
    return write(error_response(400, "malformed", "malformed HTTP request"), true);
  }
  if (ec) return close();
  busy_ = true;
  const bool keep_alive = parser_->get().keep_alive();
  Request request = parser_->release();
  parser_.reset();
  if (buffer_.size() == 0) buffer_.shrink_to_fit();  // idle connections keep no buffer
  disarm_timeout();  // a push waits for its commit, a pull may long-poll
  // The tracked executor keeps the io_context running while the answer is
  // pending (a commit in the writer thread), so shutdown waits for it.
  auto tracked = net::prefer(stream_.get_executor(), net::execution::outstanding_work.tracked);
  handle_request(std::move(request), ctx_, [self = shared_from_this(), tracked, keep_alive](Response response) {
    net::post(tracked, [self, keep_alive, response = std::move(response)]() mutable {
      self->write(std::move(response), !keep_alive);
    });
  });
}

void HttpSession::write(Response response, bool close_after) {
  busy_ = true;
  close_after = close_after || stopping_;
  response.keep_alive(!close_after);
  response.prepare_payload();
  writing_ = std::make_shared<Response>(std::move(response));
  arm_timeout(ctx_.limits.idle_timeout);
  http::async_write(stream_, *writing_,
                    beast::bind_front_handler(&HttpSession::on_write, shared_from_this(), close_after));
}

void HttpSession::on_write(bool close_after, beast::error_code ec, std::size_t) {
  writing_.reset();
  busy_ = false;
  if (ec) return;
  if (close_after || stopping_) return close();
  read_next();
}

void HttpSession::close() {
  if (closed_) return;
  closed_ = true;
  if (stopping_) {  // server shutdown: no close_notify, close now
    disarm_timeout();
    return stream_.close();
  }
  arm_timeout(kShutdownTimeout);
  stream_.async_shutdown([self = shared_from_this()](beast::error_code) {
    self->disarm_timeout();
    self->stream_.close();
  });
}

void HttpSession::arm_timeout(std::chrono::steady_clock::duration limit) {
  const std::uint64_t armed = ++timeout_generation_;
  timeout_.expires_after(limit);
  timeout_.async_wait([weak = weak_from_this(), armed](beast::error_code ec) {
    auto self = weak.lock();
    // Cancelled, or re-armed or disarmed after this wait had already fired.
    if (ec || !self || self->timeout_generation_ != armed) return;
    self->stream_.close();  // the pending read or write ends with operation_aborted
  });
}

void HttpSession::disarm_timeout() {
  ++timeout_generation_;
  timeout_.cancel();
}

}  // namespace varn::server
