#pragma once
//! Every limit and setting of the server, each with a default that the flags
//! and the config file may override (docs/PROTOCOL.md, "Limits").

#include <chrono>
#include <cstddef>
#include <cstdint>
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

  // What one valid device, or one unit, may take of what all share. A
  // device enrolled later must be able to catch up with what was stored.
  //! Change-set bytes stored per author device and per unit (507 quota).
  std::uint64_t max_device_bytes = 256ull * 1024u * 1024u;
  std::uint64_t max_unit_bytes = 4ull * 1024u * 1024u * 1024u;
  //! Requests a device may make: a burst, refilled at a steady rate (429 rate_limited).
  std::size_t device_request_burst = 300;
  std::size_t device_requests_per_second = 20;
  //! Body bytes a device may send: a burst, refilled at a steady rate (429 rate_limited).
  std::uint64_t device_byte_burst = 64ull * 1024u * 1024u;
  std::uint64_t device_bytes_per_second = 1024u * 1024u;
  //! Change-set bytes a unit's devices may push together: a burst, refilled
  //! at a steady rate (429 rate_limited).
  std::uint64_t unit_byte_burst = 512ull * 1024u * 1024u;
  std::uint64_t unit_bytes_per_second = 16ull * 1024u * 1024u;
  //! Long-polls held open at once, per device and per unit (429 too_many).
  std::size_t max_polls_per_device = 4;
  std::size_t max_polls_per_unit = 512;
  //! Free space the data directory's disk keeps: below it the server
  //! refuses new writes (507 disk_full) instead of failing mid-write.
  std::uint64_t min_free_disk_bytes = 128ull * 1024u * 1024u;
};

//! What `varn-server serve` needs to run.
struct ServerConfig {
  std::filesystem::path data_dir;
  //! Empty: the SQLite file in data_dir (one process); postgresql://...: PostgreSQL.
  std::string storage;
  std::string listen = "127.0.0.1:8443";  //!< host:port; port 0 picks a free one
  std::filesystem::path cert_file;        //!< empty: self-signed cert.pem in data_dir
  std::filesystem::path key_file;
  int threads = 2;
  //! PostgreSQL connections lent to requests at once (the push writers and
  //! the listener have their own); a request beyond them waits for one.
  std::size_t pg_pool = 8;
  Limits limits;
};

}  // namespace varn::server
