#pragma once
//! Accepts TCP connections and starts one HttpSession each, on its own strand.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>

#include "varn/server/body_budget.hpp"
#include "varn/server/connection_registry.hpp"
#include "varn/server/handler.hpp"

namespace varn::server {

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  //! Binds and listens; the error names what failed.
  static Result<std::shared_ptr<Listener>> open(boost::asio::io_context& ioc, boost::asio::ssl::context& tls,
                                                const boost::asio::ip::tcp::endpoint& endpoint, Context& ctx,
                                                ConnectionRegistry& registry, BodyBudget& budget);
  void start();
  //! Stops accepting (shutdown); open connections are left to the registry.
  void stop();
  [[nodiscard]] boost::asio::ip::tcp::endpoint local_endpoint() const;

 private:
  Listener(boost::asio::io_context& ioc, boost::asio::ssl::context& tls, Context& ctx, ConnectionRegistry& registry,
           BodyBudget& budget);
  void accept_next();

  boost::asio::io_context& ioc_;
  boost::asio::ssl::context& tls_;
  boost::asio::ip::tcp::acceptor acceptor_;
  Context& ctx_;
  ConnectionRegistry& registry_;
  BodyBudget& budget_;
  //! After a failed accept (out of descriptors), the next waits a moment
  //! instead of failing again at once and filling the log.
  boost::asio::steady_timer retry_;
};

}  // namespace varn::server
