// Where `serve` finds its storage: `init --storage postgresql://...` keeps it
// in the data directory's varn-server.conf (and makes no SQLite file), a
// --config file names one, and --storage on the command line wins.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "pg_cluster.hpp"
#include "server_process.hpp"
#include "varn/server/pg_db.hpp"

namespace varn::test {
namespace {

std::int64_t count(const std::string& uri, const char* sql) {
  auto conn = server::PgConn::connect(uri);
  REQUIRE(conn.ok());
  auto r = (*conn)->exec(sql);
  REQUIRE(r.ok());
  return r->int64(0, 0);
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::trunc);
  out << text;
  REQUIRE(out.good());
  out.close();
  REQUIRE(::chmod(path.c_str(), 0600) == 0);
}

//! The answer to `device` spending the unit code at `port`: 200 where the
//! code is unspent or was spent by this device, 403 elsewhere.
unsigned enrol_admin_status(unsigned short port, const std::string& code, const TestDevice& device = TestDevice()) {
  TlsClient client(port);
  ProtocolDriver driver(client.transport());
  return driver.enrol(device, code).status;
}

}  // namespace

TEST_CASE("init --storage postgresql:// makes no SQLite file and keeps the storage in DIR's config, so serve --data DIR uses it",
          "[server][process][postgresql][config]") {
  const std::string uri = PgCluster::shared().new_database();
  ServerProcess p({"--storage", uri});
  CHECK_FALSE(std::filesystem::exists(p.data_dir + "/varn.db"));
  const std::string config = p.data_dir + "/varn-server.conf";
  struct stat st {};
  REQUIRE(::stat(config.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(read_file(config).find("storage = '" + uri + "'") != std::string::npos);

  p.start();  // no --storage
  CHECK(enrol_admin_status(p.port, p.unit_code) == 200);
  // The code was spent in PostgreSQL, and no SQLite file appeared.
  CHECK(count(uri, "SELECT count(*)::int8 FROM unit_codes WHERE used_by IS NOT NULL") == 1);
  CHECK_FALSE(std::filesystem::exists(p.data_dir + "/varn.db"));
  CHECK(p.stop() == 0);
}

TEST_CASE("serve takes its storage from the config file when the command line names none, and --storage wins over it",
          "[server][process][postgresql][config]") {
  const std::string ours = PgCluster::shared().new_database();   // init put the unit here
  const std::string other = PgCluster::shared().new_database();  // empty
  ServerProcess p({"--storage", ours});
  const std::string config = p.data_dir + "/varn-server.conf";
  write_text(config, "# the operator moved it\nstorage = \"" + other + "\"\n");

  // The file alone: the other database, which holds no unit (and now has the schema).
  p.start();
  CHECK(enrol_admin_status(p.port, p.unit_code) == 403);
  CHECK(count(other, "SELECT count(*)::int8 FROM schema_version") == 1);
  CHECK(p.stop() == 0);

  // --storage on the command line wins over the file.
  TestDevice admin;
  p.extra_args = {"--storage", ours};
  p.start();
  CHECK(enrol_admin_status(p.port, p.unit_code, admin) == 200);
  CHECK(p.stop() == 0);

  // --config names another file, read instead of DIR's.
  const std::string elsewhere = p.dir + "/elsewhere.conf";
  write_text(elsewhere, "storage = '" + ours + "'\n");
  p.extra_args = {"--config", elsewhere};
  p.start();
  CHECK(enrol_admin_status(p.port, p.unit_code, admin) == 200);  // its own spent code: the same unit again
  CHECK(enrol_admin_status(p.port, p.unit_code) == 403);         // and spent for anyone else
  CHECK(p.stop() == 0);
}

}  // namespace varn::test
