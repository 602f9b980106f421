#pragma once
//! The hostile-load section of varn-server-bench: 20 real devices push and
//! pull, first alone and then while strangers hold 1,000 unauthenticated
//! connections, flood the challenge route, announce 31 MiB bodies without a
//! token and trickle a request head, each from its own loopback addresses.

namespace varn::bench {

//! Starts its own server, prints the figures; false when the server did not
//! stop cleanly afterwards.
bool hostile_load();

}  // namespace varn::bench
