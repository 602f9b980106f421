#include "varn/server/http_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <algorithm>
#include <atomic>
#include <new>

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

net::ip::address peer_of(const net::ip::tcp::socket& socket) {
  boost::system::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  return ec ? net::ip::address() : endpoint.address();
}

Response out_of_memory() { return error_response(503, "busy", "the server is short of memory; try again shortly"); }

}  // namespace

HttpSession::HttpSession(net::ip::tcp::socket socket, net::ssl::context& tls, Context& ctx,
                         ConnectionRegistry& registry, BodyBudget& budget)
    : peer_(peer_of(socket)),
      stream_(std::move(socket), tls),
      timeout_(stream_.get_executor()),
      ctx_(ctx),
      registry_(registry),
      budget_(budget) {}

HttpSession::~HttpSession() { registry_.remove(this); }

void HttpSession::start() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    auto admission = self->registry_.add(self.get(), self, self->peer_);
    if (admission.evicted) admission.evicted->drop();
    if (!admission.admitted) {
      self->ctx_.metrics.connections_refused.fetch_add(1);
      self->closed_ = true;
      self->stream_.close();
      return;
    }
    // A socket that never starts TLS holds its place only this long.
    self->arm_timeout(self->ctx_.limits.handshake_timeout);
    self->stream_.async_handshake(beast::bind_front_handler(&HttpSession::on_handshake, self));
  });
}

void HttpSession::stop() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    self->stopping_ = true;
    if (!self->busy_) self->close();
  });
}

void HttpSession::drop() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    self->stopping_ = true;
    if (self->closed_) return;
    self->closed_ = true;
    self->disarm_timeout();
    self->stream_.close();
  });
}

void HttpSession::on_handshake(beast::error_code ec) {
  if (ec) return;  // failed handshakes are common noise (scanners, wrong pins)
  read_next();
}

void HttpSession::read_next() {
  if (stopping_) return close();
  try {
    parser_.emplace();
  } catch (const std::bad_alloc&) {
    return close();
  }
  // Beast checks a Content-Length against this limit while it parses the
  // head, before the route is known: the largest any route takes. The
  // route's own limit is applied in on_header.
  parser_->body_limit(std::max({ctx_.limits.max_body_bytes, ctx_.limits.max_key_copies_body_bytes,
                                ctx_.limits.max_control_body_bytes}));
  parser_->header_limit(kMaxHeaderBytes);
  arm_timeout(ctx_.limits.idle_timeout);
  http::async_read_header(stream_, buffer_, *parser_,
                          beast::bind_front_handler(&HttpSession::on_header, shared_from_this()));
}

void HttpSession::on_read_error(beast::error_code ec) {
  if (ec == http::error::body_limit || ec == http::error::header_limit) {
    return write(error_response(413, "too_large", "the request is larger than the server takes"), true);
  }
  if (ec == http::error::end_of_stream || ec == http::error::partial_message) return close();
  if (ec && ec.category() == beast::http::make_error_code(http::error::bad_target).category()) {
    return write(error_response(400, "malformed", "malformed HTTP request"), true);
  }
  close();
}

std::optional<Response> HttpSession::refuse_token(std::optional<wire::DeviceId>& caller) {
  const auto raw = parser_->get()[http::field::authorization];
  const std::string_view header(raw.data(), raw.size());
  constexpr std::string_view prefix = "Bearer ";
  if (header.size() <= prefix.size() || header.substr(0, prefix.size()) != prefix) {
    return error_response(401, "unauthorized", "a bearer token is required");
  }
  auto owner = ctx_.sessions.owner_of(std::string(header.substr(prefix.size())));
  if (!owner) return error_response(401, "unauthorized", "unknown or expired token");
  // Every owner's requests spend its rate, a revoked one's too.
  caller = owner->device;
  // A revoked device's token is answered by the route, which sends the
  // registry with the signed revoke the device checks before it wipes.
  if (owner->revoked) return std::nullopt;
  // Only an active member's connection is kept over strangers' at the caps:
  // anyone may file an enrolment request and hold a pending device's token.
  if (owner->member) registry_.mark_authenticated(this);
  return std::nullopt;
}

void HttpSession::on_header(beast::error_code ec, std::size_t) {
  if (ec) return on_read_error(ec);
  try {
    const auto& head = parser_->get();
    const std::string_view target(head.target().data(), head.target().size());
    policy_ = route_policy(head.method(), target, ctx_.limits);
    std::optional<wire::DeviceId> caller;
    if (policy_.needs_token) {
      if (auto refused = refuse_token(caller)) return answer_early(std::move(*refused));
    }
    const auto length = parser_->content_length();
    if (length && *length > policy_.max_body_bytes) {
      return answer_early(error_response(413, "too_large", "the request body is larger than this call takes"));
    }
    // A chunked body may grow to the route's limit: reserve all of it.
    const std::size_t bytes = length ? static_cast<std::size_t>(*length) : parser_->chunked() ? policy_.max_body_bytes : 0;
    // A device over its rate is answered from the head, its body unread.
    if (caller) {
      if (auto wait = ctx_.quotas.admit(*caller, bytes)) {
        ctx_.metrics.rate_limited.fetch_add(1);
        return answer_early(rate_limited(*wait));
      }
    }
    if (bytes > 0) {
      lease_ = budget_.reserve(bytes);
      if (!lease_) {
        ctx_.metrics.bodies_refused.fetch_add(1);
        return answer_early(error_response(503, "busy", "the server is receiving too much at once; try again shortly"));
      }
      // Here rather than inside Beast's read, where a failure could not be answered.
      if (length) parser_->get().body().reserve(bytes);
    }
    parser_->body_limit(policy_.max_body_bytes);
  } catch (const std::bad_alloc&) {
    lease_.reset();
    ctx_.metrics.allocation_failures.fetch_add(1);
    return answer_early(out_of_memory());
  }
  if (parser_->is_done()) return on_body({}, 0);
  arm_timeout(ctx_.limits.idle_timeout);
  http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&HttpSession::on_body, shared_from_this()));
}

void HttpSession::on_body(beast::error_code ec, std::size_t) {
  if (ec) {
    lease_.reset();
    return on_read_error(ec);
  }
  dispatch();
}

void HttpSession::dispatch() {
  busy_ = true;
  const bool keep_alive = parser_->get().keep_alive();
  const bool opens_session = policy_.label == "/v1/session";
  disarm_timeout();  // a push waits for its commit, a pull may long-poll
  // The tracked executor keeps the io_context running while the answer is
  // pending (a commit in the writer thread), so shutdown waits for it.
  auto tracked = net::prefer(stream_.get_executor(), net::execution::outstanding_work.tracked);
  // Whoever answers first wins: the handler, or the catch below when an
  // allocation failed inside it.
  auto answered = std::make_shared<std::atomic<bool>>(false);
  try {
    Request request = parser_->release();
    parser_.reset();
    // The peer the routes may count by comes from the socket, never from the client.
    request.set(kPeerField, peer_.to_string());
    if (buffer_.size() == 0) buffer_.shrink_to_fit();  // idle connections keep no buffer
    handle_request(std::move(request), ctx_,
                   [self = shared_from_this(), tracked, keep_alive, opens_session, answered,
                    lease = std::move(lease_)](Response response) mutable {
                     if (answered->exchange(true)) return;
                     lease.reset();  // the body is gone with the request by now
                     if (opens_session && response.count(kMemberField) != 0) self->registry_.mark_authenticated(self.get());
                     response.erase(kMemberField);
                     net::post(tracked, [self, keep_alive, response = std::move(response)]() mutable {
                       self->write(std::move(response), !keep_alive);
                     });
                   });
  } catch (const std::bad_alloc&) {
    lease_.reset();
    ctx_.metrics.allocation_failures.fetch_add(1);
    if (answered->exchange(true)) return;
    net::post(tracked, [self = shared_from_this()] {
      try {
        self->write(out_of_memory(), true);
      } catch (const std::bad_alloc&) {
        self->close();
      }
    });
  }
}

void HttpSession::answer_early(Response response) {
  ctx_.metrics.count_request(std::string(policy_.label), response.result_int());
  parser_.reset();
  write(std::move(response), true);
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
