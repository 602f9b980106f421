// The settings file of `serve` on a SQLite data directory: DIR/varn-server.conf
// is read when present (here the operator's certificate), the command line
// wins over it, and a setting the server does not know is refused.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <string>

#include "server_process.hpp"

namespace varn::test {
namespace {

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::trunc);
  out << text;
  REQUIRE(out.good());
  out.close();
  REQUIRE(::chmod(path.c_str(), 0600) == 0);
}

//! SHA-256 over the certificate's DER, lowercase hex, as openssl computes it.
std::string fingerprint(const std::string& cert) {
  auto r = run_process({"/usr/bin/openssl", "x509", "-in", cert, "-noout", "-fingerprint", "-sha256"});
  REQUIRE(r.exit_code == 0);
  std::string hex;
  for (char c : r.out.substr(r.out.find('=') + 1)) {
    if (std::isxdigit(static_cast<unsigned char>(c))) hex.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return hex;
}

}  // namespace

TEST_CASE("serve reads DIR/varn-server.conf: the operator's certificate is served, the command line wins, an unknown setting is refused",
          "[server][process][config]") {
  ServerProcess p;
  const std::string cert = p.dir + "/operator-cert.pem";
  const std::string key = p.dir + "/operator-key.pem";
  auto made = run_process({"/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                           "-nodes", "-subj", "/CN=varn.example", "-days", "2", "-keyout", key, "-out", cert});
  REQUIRE(made.exit_code == 0);
  const std::string config = p.data_dir + "/varn-server.conf";
  write_text(config, "# the unit's own server\ncert = \"" + cert + "\"\nkey = \"" + key + "\"\nthreads = 1\n");

  p.start();
  CHECK(p.cert_sha256 == fingerprint(cert));
  const std::string own = p.cert_sha256;
  CHECK(p.stop() == 0);

  // The command line's certificate wins over the file's.
  p.extra_args = {"--cert", p.data_dir + "/cert.pem", "--key", p.data_dir + "/key.pem"};
  p.start();
  CHECK(p.cert_sha256 == fingerprint(p.data_dir + "/cert.pem"));
  CHECK(p.cert_sha256 != own);
  CHECK(p.stop() == 0);

  write_text(config, "listne = \"127.0.0.1:9\"\n");
  auto refused = run_process({VARN_SERVER_BINARY, "serve", "--data", p.data_dir, "--listen", "127.0.0.1:0"}, {},
                             std::chrono::seconds(20));
  CHECK(refused.exit_code == 2);
  CHECK(refused.out.find("listening") == std::string::npos);
  CHECK(refused.err.find("unknown setting 'listne'") != std::string::npos);
  write_text(config, "[serve]\nthreads = 1\n");
  auto sections = run_process({VARN_SERVER_BINARY, "serve", "--data", p.data_dir, "--listen", "127.0.0.1:0"}, {},
                              std::chrono::seconds(20));
  CHECK(sections.exit_code == 2);
  CHECK(sections.err.find("sections are not used") != std::string::npos);
}

}  // namespace varn::test
