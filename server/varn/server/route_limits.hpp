#pragma once
//! What the socket layer must know about a request from its head alone,
//! before a byte of its body is read: how large a body its route takes,
//! whether it needs a bearer token, and the route's label for /metrics.
//! Pure: no sockets, no state, so tests call it directly.

#include <boost/beast/http/verb.hpp>
#include <cstddef>
#include <string_view>

#include "varn/server/config.hpp"

namespace varn::server {

struct RoutePolicy {
  //! The route template ("/v1/units/{u}/changesets"), or "other": never
  //! anything taken from the request itself.
  std::string_view label;
  std::size_t max_body_bytes = 0;
  bool needs_token = false;
};

//! The policy of the route `method` + `target` (path and query) names.
//! Unknown paths and methods get "other", the small control limit and no
//! token check (the handler answers them 404 or 405).
[[nodiscard]] RoutePolicy route_policy(boost::beast::http::verb method, std::string_view target,
                                       const Limits& limits);

//! Whether `label` is one route_policy or the handler gives out; anything
//! else is counted as "other" (a raw path must never become a label).
[[nodiscard]] bool is_route_label(std::string_view label);

}  // namespace varn::server
