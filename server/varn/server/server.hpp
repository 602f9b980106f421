#pragma once
//! `varn-server serve`: opens the store and the certificate, listens, prints
//! the startup line, serves until SIGTERM/SIGINT, then shuts down cleanly.

#include "varn/server/config.hpp"

namespace varn::server {

//! Returns the process exit code: 0 after a clean shutdown.
int run_server(const ServerConfig& config);

}  // namespace varn::server
