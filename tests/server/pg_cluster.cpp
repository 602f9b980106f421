#include "pg_cluster.hpp"

#include <libpq-fe.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace varn::test {
namespace {

std::string pg_bin() {
  if (const char* b = std::getenv("VARN_PG_BIN")) return b;
  return "/usr/lib/postgresql/15/bin";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The watcher: a shell that makes and starts the cluster, then waits for its
// stdin to close (this process closing it, or dying) and stops and removes
// it. As root, the server runs as `postgres` (it refuses to run as root).
std::string watcher_script(const std::string& dir, bool as_postgres) {
  const std::string bin = pg_bin();
  const std::string as = as_postgres ? "setpriv --reuid=postgres --regid=postgres --init-groups -- " : "";
  std::ostringstream s;
  s << "D='" << dir << "'\n"
    << as << "'" << bin << "/initdb' -D \"$D/data\" -A trust -U varn --no-locale -E UTF8 >\"$D/initdb.log\" 2>&1"
    << " || exit 3\n"
    << as << "'" << bin << "/postgres' -D \"$D/data\" -k \"$D\" -c listen_addresses= -c fsync=on"
    << " -c max_connections=200 >\"$D/server.log\" 2>&1 &\n"
    << "PG=$!\n"
    << "while read -r _; do :; done\n"
    << "kill -INT $PG 2>/dev/null; wait $PG; rm -rf \"$D\"\n";
  return s.str();
}

}  // namespace

PgCluster& PgCluster::shared() {
  static PgCluster cluster;
  return cluster;
}

PgCluster::PgCluster() {
  if (::access((pg_bin() + "/initdb").c_str(), X_OK) != 0 || ::access((pg_bin() + "/postgres").c_str(), X_OK) != 0) {
    throw std::runtime_error("PostgreSQL 15 is not installed in " + pg_bin() + " (scripts/deps.sh installs it)");
  }
  std::string templ = (std::filesystem::temp_directory_path() / "varn-pg-XXXXXX").string();
  if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
  dir_ = templ;
  const bool root = ::geteuid() == 0;
  if (root) {
    const passwd* pw = ::getpwnam("postgres");
    if (!pw) throw std::runtime_error("tests run as root but there is no `postgres` user to run PostgreSQL as");
    if (::chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) throw std::runtime_error("chown of the cluster dir failed");
  }
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  const std::string script = watcher_script(dir_, root);
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::dup2(fds[0], 0);
    ::close(fds[0]);
    ::close(fds[1]);
    // Its own process group: a Ctrl-C at the test is still cleaned up by the watcher.
    ::setpgid(0, 0);
    ::execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[0]);
  watcher_stdin_ = fds[1];
  watcher_pid_ = pid;
  const std::string ping = "host=" + dir_ + " dbname=postgres user=varn connect_timeout=2";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    if (PQping(ping.c_str()) == PQPING_OK) return;
    int status = 0;
    if (::waitpid(watcher_pid_, &status, WNOHANG) == watcher_pid_) {
      watcher_pid_ = -1;
      throw std::runtime_error("the PostgreSQL cluster did not start: " + read_file(dir_ + "/initdb.log") +
                               read_file(dir_ + "/server.log"));
    }
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error("the PostgreSQL cluster did not answer within 60 s: " + read_file(dir_ + "/server.log"));
    }
    // Polling a condition with a deadline: the server has no readiness signal to wait on.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

PgCluster::~PgCluster() {
  if (watcher_stdin_ >= 0) ::close(watcher_stdin_);
  if (watcher_pid_ > 0) {
    int status = 0;
    ::waitpid(watcher_pid_, &status, 0);
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string PgCluster::uri(const std::string& database) const {
  return "postgresql:///" + database + "?host=" + dir_ + "&user=varn";
}

std::string PgCluster::new_database() {
  const std::string name = "t" + std::to_string(++databases_);
  PGconn* c = PQconnectdb(("host=" + dir_ + " dbname=postgres user=varn").c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    const std::string e = PQerrorMessage(c);
    PQfinish(c);
    throw std::runtime_error("cannot reach the test cluster: " + e);
  }
  PGresult* r = PQexec(c, ("CREATE DATABASE " + name).c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  const std::string e = PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
  if (!ok) throw std::runtime_error("CREATE DATABASE failed: " + e);
  return uri(name);
}

}  // namespace varn::test
