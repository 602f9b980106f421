#pragma once
//! Every limit and setting of the server, each with a default that the flags
//! and the config file may override (docs/PROTOCOL.md, "Limits").

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>

namespace varn::server {

//! The bounds on what one client may ask of the server.
struct Limits {
  std::size_t max_body_bytes = 32u * 1024u * 1024u;
  std::size_t max_push_envelopes = 256;
  std::size_t max_pull_limit = 1000;
  //! A pull page stops once its envelopes reach this size (always at least
  //! one): envelopes go up to 16 MiB, and 1000 of them must not be one answer.
  std::size_t max_pull_bytes = 8u * 1024u * 1024u;
  std::chrono::seconds max_long_poll{30};
  std::size_t max_connections = 1024;
  std::chrono::seconds idle_timeout{30};
  std::chrono::seconds session_lifetime{15 * 60};
  std::chrono::seconds challenge_lifetime{60};
  std::chrono::hours enrolment_lifetime{24};
  std::chrono::seconds shutdown_grace{10};
};

//! What `varn-server serve` needs to run.
struct ServerConfig {
  std::filesystem::path data_dir;
  std::string listen = "127.0.0.1:8443";  //!< host:port; port 0 picks a free one
  std::filesystem::path cert_file;        //!< empty: self-signed cert.pem in data_dir
  std::filesystem::path key_file;
  int threads = 2;
  Limits limits;
};

}  // namespace varn::server
