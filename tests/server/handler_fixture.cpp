#include "handler_fixture.hpp"

#include <catch2/catch.hpp>
#include <future>

#include "varn/crypto/random.hpp"
#include "varn/server/codes.hpp"

namespace varn::test {

namespace http = boost::beast::http;

HandlerFixture::HandlerFixture(const std::function<void(server::Limits&)>& adjust) {
  dir = std::filesystem::temp_directory_path() / ("varn-handler-" + to_hex(crypto::random_array<8>()));
  std::filesystem::create_directories(dir);
  auto opened = server::SqliteStorage::open(dir / "varn.db");
  REQUIRE(opened.ok());
  storage = std::move(opened).value();
  membership = std::make_unique<server::Membership>(*storage);
  limits.max_push_envelopes = 8;
  limits.max_long_poll = std::chrono::seconds(5);
  if (adjust) adjust(limits);
  quotas = std::make_unique<server::Quotas>(limits);
  disk = std::make_unique<server::DiskReserve>(dir, limits.min_free_disk_bytes,
                                               [this] { return std::optional<std::uint64_t>(free_disk); });
  ctx = std::make_unique<server::Context>(server::Context{*storage, *membership, sessions, waiters, metrics, *quotas,
                                                          *disk, limits,
                                                          ioc.get_executor(), [this] { return now; },
                                                          server_key});
  storage->set_commit_listener([this](const wire::UnitId& u, std::uint64_t head) { waiters.notify(u, head); });
  REQUIRE(storage->create_unit(crypto::random_array<16>(), "Test unit", server::unit_code_hash(unit_code)).ok());
  io_thread_ = std::thread([this] { ioc.run(); });
}

HandlerFixture::~HandlerFixture() {
  waiters.wake_all();
  work_.reset();
  io_thread_.join();
  storage->close();
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

TestResponse HandlerFixture::send(server::Request request) {
  auto promise = std::make_shared<std::promise<server::Response>>();
  auto future = promise->get_future();
  server::handle_request(std::move(request), *ctx, [promise](server::Response r) { promise->set_value(std::move(r)); });
  REQUIRE(future.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
  auto r = future.get();
  TestResponse out;
  out.status = r.result_int();
  out.body = r.body();
  for (const auto& field : r) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(field.value());
  }
  return out;
}

Transport HandlerFixture::transport() {
  return [this](const std::string& method, const std::string& target, const Bytes& body, const std::string& token) {
    server::Request r{http::string_to_verb(method), target, 11};
    if (!token.empty()) r.set(http::field::authorization, "Bearer " + token);
    r.set(server::kPeerField, peer);
    r.body() = body;
    r.prepare_payload();
    return send(std::move(r));
  };
}

std::uint64_t stored_changesets(HandlerFixture& f) {
  auto db = server::SqliteDb::open(f.dir / "varn.db", true);
  REQUIRE(db.ok());
  auto stmt = (*db)->prepare("SELECT COUNT(*) FROM changesets");
  REQUIRE(stmt.ok());
  REQUIRE(*stmt->step());
  return static_cast<std::uint64_t>(stmt->int64(0));
}

}  // namespace varn::test
