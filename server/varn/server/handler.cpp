#include "varn/server/handler.hpp"

#include <vector>

#include "varn/server/handler_util.hpp"
#include "varn/server/routes.hpp"

namespace varn::server {
namespace {

namespace http = boost::beast::http;

// Control calls carry small JSON; only pushes may use the full body limit.
constexpr std::size_t kMaxJsonBody = 1024 * 1024;

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t pos = 1;
  while (pos <= path.size()) {
    const auto end = std::min(path.find('/', pos), path.size());
    parts.push_back(path.substr(pos, end - pos));
    pos = end + 1;
  }
  return parts;
}

Response method_not_allowed() { return error_response(405, "method_not_allowed", "this method is not served here"); }

//! Routes /v1/units/{u}/...; `route` is set to the template for metrics.
void route_unit(Request&& req, Context& ctx, const std::vector<std::string_view>& parts, std::string_view query,
                std::string& route, const Respond& respond) {
  const auto unit = array_from_hex<16>(parts[2]);
  if (!unit) {
    route = "/v1/units/other";
    return respond(error_response(404, "not_found", "no such unit"));
  }
  const auto method = req.method();
  const std::string what = parts.size() > 3 ? std::string(parts[3]) : std::string();
  if (parts.size() == 4 && what == "changesets") {
    route = "/v1/units/{u}/changesets";
    if (method == http::verb::post) return route_push(std::move(req), ctx, *unit, query, respond);
    if (method == http::verb::get) return route_pull(req, ctx, *unit, query, respond);
    return respond(method_not_allowed());
  }
  if (req.body().size() > kMaxJsonBody) {
    route = "/v1/units/other";
    return respond(error_response(413, "too_large", "control calls take at most 1 MiB"));
  }
  if (parts.size() == 4 && what == "devices") {
    route = "/v1/units/{u}/devices";
    return respond(method == http::verb::get ? route_devices(req, ctx, *unit) : method_not_allowed());
  }
  if (parts.size() == 4 && what == "keys") {
    route = "/v1/units/{u}/keys";
    return respond(method == http::verb::get ? route_keys_get(req, ctx, *unit) : method_not_allowed());
  }
  if (parts.size() == 4 && what == "registry") {
    route = "/v1/units/{u}/registry";
    if (method == http::verb::get) return respond(route_registry_get(req, ctx, *unit, query));
    if (method == http::verb::post) return respond(route_registry_post(req, ctx, *unit));
    return respond(method_not_allowed());
  }
  if (parts.size() == 4 && what == "recovery") {
    route = "/v1/units/{u}/recovery";
    return respond(method == http::verb::post ? route_recovery_read(req, ctx, *unit) : method_not_allowed());
  }
  if (parts.size() == 6 && what == "keys" && parts[5] == "copies") {
    route = "/v1/units/{u}/keys/{epoch}/copies";
    if (method != http::verb::get) return respond(method_not_allowed());
    return respond(route_epoch_copies(req, ctx, *unit, parts[4]));
  }
  if (parts.size() == 4 && what == "checkpoint") {
    route = "/v1/units/{u}/checkpoint";
    return respond(method == http::verb::get ? route_checkpoint(req, ctx, *unit, query) : method_not_allowed());
  }
  if (parts.size() == 4 && what == "enrolments") {
    route = "/v1/units/{u}/enrolments";
    if (method != http::verb::get) return respond(method_not_allowed());
    return respond(route_enrolments_list(req, ctx, *unit));
  }
  if (parts.size() == 5 && what == "enrolments") {
    route = "/v1/units/{u}/enrolments/{code}";
    if (method != http::verb::get) return respond(method_not_allowed());
    return respond(route_enrolment_get(req, ctx, *unit, std::string(parts[4])));
  }
  route = "/v1/units/other";
  respond(error_response(404, "not_found", "no such call"));
}

void route_request(Request&& req, Context& ctx, std::string& route, const Respond& respond) {
  const std::string_view target(req.target().data(), req.target().size());
  const auto qmark = target.find('?');
  const auto path = target.substr(0, qmark);
  const auto query = qmark == std::string_view::npos ? std::string_view{} : target.substr(qmark + 1);
  const auto method = req.method();
  if (path.empty() || path[0] != '/') {
    route = "other";
    return respond(error_response(400, "malformed", "the request target must be a path"));
  }
  const auto parts = split_path(path);
  if (parts.size() >= 3 && parts[0] == "v1" && parts[1] == "units") return route_unit(std::move(req), ctx, parts, query, route, respond);
  route = std::string(path);
  if (path == "/healthz") {
    return respond(method == http::verb::get ? json_response(200, {{"status", "ok"}}) : method_not_allowed());
  }
  if (path == "/metrics") {
    if (method != http::verb::get) return respond(method_not_allowed());
    Response r{http::status::ok, 11};
    r.set(http::field::content_type, "text/plain; version=0.0.4");
    const auto text = ctx.metrics.render(ctx.storage.commits());
    r.body().assign(text.begin(), text.end());
    return respond(std::move(r));
  }
  if (req.body().size() > kMaxJsonBody) return respond(error_response(413, "too_large", "control calls take at most 1 MiB"));
  using Sync = Response (*)(const Request&, Context&);
  struct Entry {
    std::string_view path;
    http::verb method;
    Sync call;
  };
  static constexpr Entry kRoutes[] = {
      {"/v1/enrol", http::verb::post, &route_enrol},
      {"/v1/session/challenge", http::verb::post, &route_challenge},
      {"/v1/session", http::verb::post, &route_session},
      {"/v1/me", http::verb::get, &route_me},
      {"/v1/wipe", http::verb::post, &route_wipe},
  };
  for (const auto& entry : kRoutes) {
    if (entry.path == path) return respond(method == entry.method ? entry.call(req, ctx) : method_not_allowed());
  }
  route = "other";
  respond(error_response(404, "not_found", "no such call"));
}

}  // namespace

void handle_request(Request request, Context& ctx, Respond respond) {
  // The route template is known only once routing picked one; the counting
  // wrapper reads it when the answer comes back.
  auto route = std::make_shared<std::string>("other");
  Metrics& metrics = ctx.metrics;
  Respond counted = [route, &metrics, respond = std::move(respond)](Response r) {
    metrics.count_request(*route, r.result_int());
    r.prepare_payload();
    respond(std::move(r));
  };
  route_request(std::move(request), ctx, *route, counted);
}

}  // namespace varn::server
