// The route policy the socket layer applies from a request's head alone.
#include "varn/server/route_limits.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "varn/server/metrics.hpp"

namespace varn::test {
namespace {
namespace http = boost::beast::http;
using server::route_policy;
const server::Limits kLimits;
const std::string kUnit = "/v1/units/00112233445566778899aabbccddeeff";
}  // namespace

TEST_CASE("only the enrol, challenge, session, wipe, health and metrics calls are served without a token",
          "[server][limits]") {
  for (const auto& [method, target] : std::vector<std::pair<http::verb, std::string>>{
           {http::verb::post, "/v1/enrol"},
           {http::verb::post, "/v1/session/challenge"},
           {http::verb::post, "/v1/session"},
           {http::verb::post, "/v1/wipe"},
           {http::verb::get, "/healthz"},
           {http::verb::get, "/metrics"}}) {
    INFO(target);
    CHECK_FALSE(route_policy(method, target, kLimits).needs_token);
    CHECK(route_policy(method, target, kLimits).max_body_bytes == kLimits.max_control_body_bytes);
  }
  for (const auto& [method, target] : std::vector<std::pair<http::verb, std::string>>{
           {http::verb::get, "/v1/me"},
           {http::verb::post, kUnit + "/changesets"},
           {http::verb::get, kUnit + "/changesets?after=0&limit=5&wait=30"},
           {http::verb::get, kUnit + "/devices"},
           {http::verb::get, kUnit + "/keys"},
           {http::verb::put, kUnit + "/keys"},
           {http::verb::get, kUnit + "/registry?after=3"},
           {http::verb::post, kUnit + "/registry"},
           {http::verb::get, kUnit + "/keys/3/copies"},
           {http::verb::get, kUnit + "/checkpoint"},
           {http::verb::get, kUnit + "/enrolments/ABCD-EFGH"},
           {http::verb::post, kUnit + "/enrolments/ABCD-EFGH/approve"}}) {
    INFO(target);
    CHECK(route_policy(method, target, kLimits).needs_token);
  }
}

TEST_CASE("each route has its own body limit: the push its large one, key copies 1 MiB, control calls 16 KiB",
          "[server][limits]") {
  CHECK(route_policy(http::verb::post, kUnit + "/changesets", kLimits).max_body_bytes == 32u * 1024 * 1024);
  CHECK(route_policy(http::verb::post, kUnit + "/registry", kLimits).max_body_bytes == 1024u * 1024);
  CHECK(route_policy(http::verb::put, kUnit + "/keys", kLimits).max_body_bytes == 1024u * 1024);
  CHECK(route_policy(http::verb::post, kUnit + "/enrolments/X/approve", kLimits).max_body_bytes == 1024u * 1024);
  CHECK(route_policy(http::verb::get, kUnit + "/changesets", kLimits).max_body_bytes == 16u * 1024);
  CHECK(route_policy(http::verb::post, "/v1/enrol", kLimits).max_body_bytes == 16u * 1024);
  server::Limits tight;
  tight.max_control_body_bytes = 100;
  CHECK(route_policy(http::verb::post, "/v1/session", tight).max_body_bytes == 100);
}

TEST_CASE("unknown paths and methods are one label, take the control limit and need no token", "[server][limits]") {
  for (const auto& [method, target] : std::vector<std::pair<http::verb, std::string>>{
           {http::verb::post, "/inj\",status=\"200\"}_999999"},
           {http::verb::get, "/v1/units"},
           {http::verb::get, "/v1/units//changesets"},
           {http::verb::get, kUnit + "/changesets/extra"},
           {http::verb::delete_, kUnit + "/changesets"},
           {http::verb::get, "/healthz/"},
           {http::verb::post, "/healthz"},
           {http::verb::get, ""}}) {
    INFO(target);
    const auto p = route_policy(method, target, kLimits);
    CHECK(p.label == "other");
    CHECK_FALSE(p.needs_token);
    CHECK(p.max_body_bytes == kLimits.max_control_body_bytes);
  }
  CHECK(route_policy(http::verb::post, kUnit + "/changesets", kLimits).label == "/v1/units/{u}/changesets");
  CHECK(server::is_route_label("/v1/units/{u}/keys/{epoch}/copies"));
  CHECK(server::is_route_label("other"));
  CHECK_FALSE(server::is_route_label("/inj"));
}

TEST_CASE("a metrics label that is not a route is counted as other", "[server][metrics]") {
  server::Metrics metrics;
  metrics.count_request("/inj\",status=\"200\"}_999999", 200);
  metrics.count_request("/v1/enrol", 200);
  const auto text = metrics.render(0);
  CHECK(text.find("inj") == std::string::npos);
  CHECK(text.find("varn_requests_total{route=\"other\",status=\"200\"} 1\n") != std::string::npos);
  CHECK(text.find("varn_requests_total{route=\"/v1/enrol\",status=\"200\"} 1\n") != std::string::npos);
}

}  // namespace varn::test
