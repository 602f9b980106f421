#include "varn/server/listener.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/strand.hpp>

#include "varn/server/http_session.hpp"
#include "varn/server/log.hpp"

namespace varn::server {

namespace net = boost::asio;
using net::ip::tcp;

Listener::Listener(net::io_context& ioc, net::ssl::context& tls, Context& ctx, ConnectionRegistry& registry,
                   BodyBudget& budget)
    : ioc_(ioc),
      tls_(tls),
      acceptor_(net::make_strand(ioc)),
      ctx_(ctx),
      registry_(registry),
      budget_(budget),
      retry_(acceptor_.get_executor()) {}

Result<std::shared_ptr<Listener>> Listener::open(net::io_context& ioc, net::ssl::context& tls,
                                                 const tcp::endpoint& endpoint, Context& ctx,
                                                 ConnectionRegistry& registry, BodyBudget& budget) {
  std::shared_ptr<Listener> l(new Listener(ioc, tls, ctx, registry, budget));
  boost::system::error_code ec;
  l->acceptor_.open(endpoint.protocol(), ec);
  if (!ec) l->acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) l->acceptor_.bind(endpoint, ec);
  if (!ec) l->acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return make_error(Errc::io_error, "listen: " + ec.message());
  return l;
}

tcp::endpoint Listener::local_endpoint() const {
  boost::system::error_code ec;
  return acceptor_.local_endpoint(ec);
}

void Listener::start() {
  net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] { self->accept_next(); });
}

void Listener::stop() {
  net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] {
    boost::system::error_code ignored;
    self->acceptor_.close(ignored);
  });
}

void Listener::accept_next() {
  acceptor_.async_accept(net::make_strand(ioc_), [self = shared_from_this()](boost::system::error_code ec,
                                                                              tcp::socket socket) {
    if (ec == net::error::operation_aborted || !self->acceptor_.is_open()) return;
    if (!ec) {
      // Answers go out as soon as they are written, not after the client's
      // delayed ACK of the previous segment.
      boost::system::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      std::make_shared<HttpSession>(std::move(socket), self->tls_, self->ctx_, self->registry_, self->budget_)
          ->start();
    } else {
      log_event("accept_failed", {{"error", ec.message()}});
      self->retry_.expires_after(std::chrono::milliseconds(100));
      self->retry_.async_wait([self](boost::system::error_code wait_ec) {
        if (!wait_ec && self->acceptor_.is_open()) self->accept_next();
      });
      return;
    }
    self->accept_next();
  });
}

}  // namespace varn::server
