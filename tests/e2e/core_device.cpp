#include "core_device.hpp"

#include <catch2/catch.hpp>

#include "varn/server/sqlite_db.hpp"
#include "varn/sync/alarm.hpp"
#include "varn/sync/device_sync.hpp"

namespace varn::test {

TlsExecutor::TlsExecutor(const std::string& url) : client_(port_of(url)) {}

Result<sync::HttpResponse> TlsExecutor::execute(const sync::HttpRequest& r) {
  auto answer = client_.request(r.method, r.target, r.body, r.bearer_token);
  if (!answer) return make_error(Errc::unavailable, "server unreachable");
  sync::HttpResponse out;
  out.status = static_cast<int>(answer->status);
  out.body = answer->body;
  out.headers = answer->headers;
  return out;
}

wire::DeviceId CoreDevice::id() {
  auto me = context.identity();
  REQUIRE(me.ok());
  return (*me)->device_id();
}

wire::UnitId CoreDevice::unit() {
  auto unit = context.unit();
  REQUIRE(unit.ok());
  return *unit;
}

Result<sync::SyncReport> CoreDevice::sync(sync::HttpExecutor& http) { return sync::DeviceSync(context).sync(http); }

std::string CoreDevice::alarm() { return sync::current_alarm(vault); }

void approve(sync::HttpExecutor& http, CoreDevice& admin, CoreDevice& device, registry::Role role) {
  auto pending = sync::Enrolment(device.context).enrol(http, std::nullopt);
  REQUIRE(pending.ok());
  REQUIRE(pending->status == registry::DeviceStatus::pending);
  device.enrolled = *pending;
  auto approved = sync::Enrolment(admin.context).approve(http, pending->code, pending->fingerprint, pending->pairing, role);
  INFO((approved.ok() ? std::string() : approved.error().message));
  REQUIRE(approved.ok());
}

void enrol_team(E2eServer& server, sync::HttpExecutor& http, CoreDevice& admin,
                const std::vector<std::pair<CoreDevice*, registry::Role>>& others) {
  auto first = sync::Enrolment(admin.context).enrol(http, server.unit_code);
  INFO((first.ok() ? std::string() : first.error().message));
  REQUIRE(first.ok());
  REQUIRE(first->status == registry::DeviceStatus::active);
  for (const auto& [device, role] : others) approve(http, admin, *device, role);
  for (const auto& [device, role] : others) {
    auto synced = device->sync(http);
    INFO((synced.ok() ? std::string() : synced.error().message));
    REQUIRE(synced.ok());
  }
  REQUIRE(admin.sync(http).ok());
}

namespace {
Result<std::unique_ptr<server::SqliteDb>> open_db(const E2eServer& server) {
  return server::SqliteDb::open(server.data_dir + "/varn.db", true);
}
}  // namespace

void tamper(const E2eServer& server, const std::string& sql, const std::vector<Bytes>& blobs) {
  auto db = open_db(server);
  REQUIRE(db.ok());
  auto stmt = (*db)->prepare(sql);
  REQUIRE(stmt.ok());
  for (std::size_t i = 0; i < blobs.size(); ++i) stmt->bind(static_cast<int>(i + 1), ByteView(blobs[i]));
  REQUIRE(stmt->run().ok());
}

Bytes server_value(const E2eServer& server, const std::string& sql, const std::vector<Bytes>& blobs) {
  auto db = open_db(server);
  REQUIRE(db.ok());
  auto stmt = (*db)->prepare(sql);
  REQUIRE(stmt.ok());
  for (std::size_t i = 0; i < blobs.size(); ++i) stmt->bind(static_cast<int>(i + 1), ByteView(blobs[i]));
  auto row = stmt->step();
  REQUIRE(row.ok());
  REQUIRE(*row);
  return stmt->blob(0);
}

}  // namespace varn::test
