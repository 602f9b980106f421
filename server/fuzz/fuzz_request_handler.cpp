// libFuzzer target: raw bytes through Beast's HTTP parser into
// handle_request with a real (non-durable) store. "{U}" in the input becomes
// the test unit's id and "{T}" a live admin token, so the fuzzer reaches the
// authenticated calls too.
#include <boost/asio/io_context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <future>
#include <string>

#include "varn/crypto/random.hpp"
#include "varn/server/codes.hpp"
#include "varn/server/handler.hpp"
#include "varn/server/sqlite_storage.hpp"

namespace {

namespace http = boost::beast::http;
using namespace varn;

struct World {
  World() {
    dir = std::filesystem::temp_directory_path() / ("varn-fuzz-" + to_hex(crypto::random_array<8>()));
    std::filesystem::create_directories(dir);
    storage = std::move(server::SqliteStorage::open(dir / "varn.db", /*durable=*/false)).value();
    limits.max_long_poll = std::chrono::seconds(0);
    membership = std::make_unique<server::Membership>(*storage);
    quotas = std::make_unique<server::Quotas>(limits);
    disk = std::make_unique<server::DiskReserve>(dir, 0);
    ctx = std::make_unique<server::Context>(server::Context{*storage, *membership, sessions, waiters, metrics, *quotas,
                                                            *disk, limits,
                                                            ioc.get_executor(), [] { return std::int64_t{0}; },
                                                            server_key});
    unit = crypto::random_array<16>();
    if (!storage->create_unit(unit, "fuzz", server::unit_code_hash("FUZZ")).ok()) __builtin_trap();
    const auto admin = crypto::DeviceIdentity::generate();
    if (!storage->spend_unit_code(server::unit_code_hash("FUZZ"), admin.device_id(), admin.public_bundle().encode()).ok()) {
      __builtin_trap();
    }
    // Entry 0, so the admin is a member by the registry and the fuzzer
    // reaches the calls behind it.
    registry::Entry genesis;
    genesis.unit = unit;
    genesis.subject = admin.device_id();
    genesis.bundle = admin.public_bundle();
    genesis.role = registry::Role::admin;
    genesis.sign_with(admin.signing());
    auto posted = membership->post(unit, genesis, genesis.encode(), {});
    if (!posted.ok() || posted->has_value()) __builtin_trap();
    token = sessions.issue_token(admin.device_id());
  }
  std::filesystem::path dir;
  std::unique_ptr<server::SqliteStorage> storage;
  std::unique_ptr<server::Membership> membership;
  server::Metrics metrics;
  server::MemoryChallengeLedger challenges;
  server::Sessions sessions{crypto::SecretBuffer::random(server::Sessions::kSecretBytes), std::chrono::seconds(60),
                            std::chrono::seconds(3600), challenges};
  server::PullWaiters waiters{metrics};
  server::Limits limits;
  std::unique_ptr<server::Quotas> quotas;
  std::unique_ptr<server::DiskReserve> disk;
  crypto::SigningKeyPair server_key = crypto::SigningKeyPair::generate();
  boost::asio::io_context ioc;
  std::unique_ptr<server::Context> ctx;
  wire::UnitId unit{};
  std::string token;
};

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static World world;
  std::string text(reinterpret_cast<const char*>(data), size);
  replace_all(text, "{U}", to_hex(world.unit));
  replace_all(text, "{T}", world.token);
  http::request_parser<http::vector_body<std::uint8_t>> parser;
  parser.eager(true);
  parser.body_limit(1024 * 1024);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(text), ec);
  if (ec || !parser.is_done()) return 0;
  std::promise<server::Response> answer;
  auto future = answer.get_future();
  server::handle_request(parser.release(), *world.ctx, [&answer](server::Response r) { answer.set_value(std::move(r)); });
  const auto response = future.get();
  if (response.result_int() < 200 || response.result_int() >= 600) __builtin_trap();
  return 0;
}
