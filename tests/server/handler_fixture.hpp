#pragma once
//! The server's handler with a real SQLite store in a temporary directory
//! and no sockets: requests go straight into handle_request.

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

#include "protocol_driver.hpp"
#include "varn/server/handler.hpp"
#include "varn/server/sqlite_storage.hpp"

namespace varn::test {

class HandlerFixture {
 public:
  //! `adjust` changes the limits before the handler's context is made.
  explicit HandlerFixture(const std::function<void(server::Limits&)>& adjust = {});
  ~HandlerFixture();

  //! Sends one request through handle_request and waits (bounded) for the answer.
  TestResponse send(server::Request request);
  //! A transport for ProtocolDriver over send().
  Transport transport();

  std::filesystem::path dir;
  std::unique_ptr<server::SqliteStorage> storage;
  std::unique_ptr<server::Membership> membership;
  server::Metrics metrics;
  server::MemoryChallengeLedger challenges;
  server::Sessions sessions{crypto::SecretBuffer::random(server::Sessions::kSecretBytes), std::chrono::seconds(60),
                            std::chrono::seconds(900), challenges};
  server::PullWaiters waiters{metrics};
  crypto::SigningKeyPair server_key = crypto::SigningKeyPair::generate();
  boost::asio::io_context ioc;
  server::Limits limits;  //!< as the fixture set them; quotas took a copy
  std::unique_ptr<server::Quotas> quotas;
  //! Free bytes the disk reports, moved by tests (the reserve is 128 MiB).
  std::uint64_t free_disk = std::uint64_t{1} << 40;
  std::unique_ptr<server::DiskReserve> disk;
  std::unique_ptr<server::Context> ctx;
  ProtocolDriver driver{transport()};
  std::string unit_code = "TEST-CODE-0001";
  std::int64_t now = 1700000000;  //!< the handler's wall clock, moved by tests
  std::string peer = "192.0.2.1";  //!< the address requests come from, as HttpSession would set it

 private:
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_{ioc.get_executor()};
  std::thread io_thread_;
};

//! Counts the change sets stored for a unit, straight from the database.
std::uint64_t stored_changesets(HandlerFixture& f);

}  // namespace varn::test
