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
  //! The push route's body; every other route has its own, smaller limit.
  std::size_t max_body_bytes = 32u * 1024u * 1024u;
  //! JSON control calls (enrol, challenge, session, wipe, and the reads):
  //! a few hundred bytes in this protocol; also what an unknown path may send.
  std::size_t max_control_body_bytes = 16u * 1024u;
  //! Calls that carry a sealed key copy per device (registry entries, key
  //! uploads, approvals): ~170 bytes a device.
  std::size_t max_key_copies_body_bytes = 1024u * 1024u;
  //! All request bodies being read or handled at once, across connections.
  std::size_t max_body_memory = 256u * 1024u * 1024u;
  std::size_t max_push_envelopes = 256;
  std::size_t max_pull_limit = 1000;
  //! A pull page stops once its envelopes reach this size (always at least
  //! one): envelopes go up to 16 MiB, and 1000 of them must not be one answer.
  std::size_t max_pull_bytes = 8u * 1024u * 1024u;
  std::chrono::seconds max_long_poll{30};
  std::size_t max_connections = 1024;
  //! Connections from one peer address that have not authenticated yet
  //! (authenticated ones are not capped per address: an office behind one
  //! NAT shares it).
  std::size_t max_unauthenticated_per_peer = 64;
  //! From accept to a finished TLS handshake.
  std::chrono::seconds handshake_timeout{5};
  std::chrono::seconds idle_timeout{30};
  std::chrono::seconds session_lifetime{15 * 60};
  std::chrono::seconds challenge_lifetime{60};
  std::chrono::hours enrolment_lifetime{24};
  //! Enrolment requests waiting for an admin, on the whole server and from
  //! one peer address: each is a row a stranger makes without an account.
  std::size_t max_pending_enrolments = 1000;
  std::size_t max_pending_per_peer = 16;
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
