#include "progress_executor.hpp"

#include <nlohmann/json.hpp>

namespace varn::cli {
namespace {

bool is_push(const sync::HttpRequest& request) {
  constexpr std::string_view kSuffix = "/changesets";
  return request.method == "POST" && request.target.size() >= kSuffix.size() &&
         request.target.compare(request.target.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0;
}

}  // namespace

Result<sync::HttpResponse> ProgressExecutor::execute(const sync::HttpRequest& request) {
  auto response = inner_.execute(request);
  if (!response || response->status != 200 || !is_push(request)) return response;
  const auto body = nlohmann::json::parse(response->body.begin(), response->body.end(), nullptr, false);
  if (body.is_object() && body.contains("results") && body["results"].is_array()) {
    out_ << "acked: " << body["results"].size() << std::endl;  // flushed: the reader acts on it now
  }
  return response;
}

}  // namespace varn::cli
