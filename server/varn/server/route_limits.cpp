#include "varn/server/route_limits.hpp"

#include <array>

namespace varn::server {
namespace {

namespace http = boost::beast::http;

enum class Body { control, key_copies, push };

struct Route {
  http::verb method;
  std::string_view label;
  Body body;
  bool needs_token;
};

// The calls of docs/PROTOCOL.md. Labels are the handler's templates.
constexpr std::array kRoutes{
    Route{http::verb::post, "/v1/enrol", Body::control, false},
    Route{http::verb::post, "/v1/session/challenge", Body::control, false},
    Route{http::verb::post, "/v1/session", Body::control, false},
    Route{http::verb::post, "/v1/wipe", Body::control, false},
    Route{http::verb::get, "/healthz", Body::control, false},
    Route{http::verb::get, "/metrics", Body::control, false},
    Route{http::verb::get, "/v1/me", Body::control, true},
    Route{http::verb::post, "/v1/units/{u}/changesets", Body::push, true},
    Route{http::verb::get, "/v1/units/{u}/changesets", Body::control, true},
    Route{http::verb::get, "/v1/units/{u}/devices", Body::control, true},
    Route{http::verb::get, "/v1/units/{u}/keys", Body::control, true},
    Route{http::verb::put, "/v1/units/{u}/keys", Body::key_copies, true},
    Route{http::verb::get, "/v1/units/{u}/registry", Body::control, true},
    Route{http::verb::post, "/v1/units/{u}/registry", Body::key_copies, true},
    Route{http::verb::get, "/v1/units/{u}/keys/{epoch}/copies", Body::control, true},
    Route{http::verb::get, "/v1/units/{u}/checkpoint", Body::control, true},
    Route{http::verb::post, "/v1/units/{u}/recovery", Body::control, true},
    Route{http::verb::get, "/v1/units/{u}/enrolments", Body::control, true},
    Route{http::verb::get, "/v1/units/{u}/enrolments/{code}", Body::control, true},
    Route{http::verb::post, "/v1/units/{u}/enrolments/{code}/approve", Body::key_copies, true},
};

constexpr std::string_view kOther = "other";
// The handler's label for a path under /v1/units/ it does not serve.
constexpr std::string_view kUnitOther = "/v1/units/other";

//! Whether `path` matches `pattern`, where a "{...}" segment matches any
//! one non-empty segment.
bool matches(std::string_view pattern, std::string_view path) {
  while (!pattern.empty() && !path.empty()) {
    if (pattern.front() != '/' || path.front() != '/') return false;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
    const auto pattern_end = std::min(pattern.find('/'), pattern.size());
    const auto path_end = std::min(path.find('/'), path.size());
    const auto want = pattern.substr(0, pattern_end);
    const auto got = path.substr(0, path_end);
    const bool any = want.size() >= 2 && want.front() == '{' && want.back() == '}';
    if (any ? got.empty() : want != got) return false;
    pattern.remove_prefix(pattern_end);
    path.remove_prefix(path_end);
  }
  return pattern.empty() && path.empty();
}

std::size_t limit_of(Body body, const Limits& limits) {
  switch (body) {
    case Body::push: return limits.max_body_bytes;
    case Body::key_copies: return limits.max_key_copies_body_bytes;
    case Body::control: break;
  }
  return limits.max_control_body_bytes;
}

}  // namespace

RoutePolicy route_policy(http::verb method, std::string_view target, const Limits& limits) {
  const auto path = target.substr(0, target.find('?'));
  for (const auto& route : kRoutes) {
    if (route.method == method && matches(route.label, path)) {
      return RoutePolicy{route.label, limit_of(route.body, limits), route.needs_token};
    }
  }
  return RoutePolicy{kOther, limits.max_control_body_bytes, false};
}

bool is_route_label(std::string_view label) {
  if (label == kOther || label == kUnitOther) return true;
  for (const auto& route : kRoutes) {
    if (route.label == label) return true;
  }
  return false;
}

}  // namespace varn::server
