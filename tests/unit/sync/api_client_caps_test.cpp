// The answer caps and deadlines ApiClient gives each call kind (every
// transport enforces them), and its own check behind a transport that
// does not.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <vector>

#include "varn/sync/api_client.hpp"

namespace varn::test {
namespace {

using nlohmann::json;

//! Answers sessions, records every request, and answers the rest with `body`.
class RecordingExecutor : public sync::HttpExecutor {
 public:
  Result<sync::HttpResponse> execute(const sync::HttpRequest& request) override {
    requests.push_back(request);
    sync::HttpResponse r;
    r.status = 200;
    std::string text;
    if (request.target == "/v1/session/challenge") {
      text = json{{"challenge", to_base64(Bytes(32, 7))}}.dump();
    } else if (request.target == "/v1/session") {
      text = json{{"token", "t"}, {"expires_in", 900}, {"status", "pending"}, {"unit", nullptr}, {"role", nullptr}}.dump();
    } else {
      r.body = body;
      return r;
    }
    r.body.assign(text.begin(), text.end());
    return r;
  }
  std::vector<sync::HttpRequest> requests;
  Bytes body;
};

}  // namespace

TEST_CASE("each call kind carries its answer cap and deadline: pulls a page's worth, control calls 4 MiB",
          "[sync][limits]") {
  auto me = crypto::DeviceIdentity::generate();
  RecordingExecutor http;
  sync::ApiClient api(http, me);
  const wire::UnitId unit{};
  http.body = Bytes(4, 0);  // an empty page
  (void)api.pull(unit, 0, 10, 25);
  const auto json_text = std::string(R"({"device":"00112233445566778899aabbccddeeff","status":"pending","unit":null,"role":null})");
  http.body.assign(json_text.begin(), json_text.end());
  REQUIRE(api.me());
  (void)api.push(unit, {Bytes(10, 1)});
  for (const auto& r : http.requests) {
    INFO(r.method << " " << r.target);
    if (r.target.find("/changesets?") != std::string::npos) {
      CHECK(r.max_answer_bytes == sync::kMaxPullAnswerBytes);
      CHECK(r.deadline == sync::kTransferDeadline + std::chrono::seconds(25));
    } else if (r.method == "POST" && r.target.find("/changesets") != std::string::npos) {
      CHECK(r.max_answer_bytes == sync::kMaxControlAnswerBytes);
      CHECK(r.deadline == sync::kTransferDeadline);
    } else {
      CHECK(r.max_answer_bytes == sync::kMaxControlAnswerBytes);
      CHECK(r.deadline == sync::kControlDeadline);
    }
  }
  CHECK(sync::kMaxControlAnswerBytes == 4u * 1024 * 1024);
  CHECK(sync::kMaxPullAnswerBytes > (8u + 16u) * 1024 * 1024);  // the server's page bytes plus one envelope
}

TEST_CASE("an answer over its cap from a transport that did not stop it is refused before it is parsed",
          "[sync][limits]") {
  auto me = crypto::DeviceIdentity::generate();
  RecordingExecutor http;
  sync::ApiClient api(http, me);
  http.body = Bytes(sync::kMaxControlAnswerBytes + 1, ' ');
  auto answer = api.me();
  REQUIRE_FALSE(answer);
  CHECK(answer.error().code == Errc::malformed);
  CHECK_THAT(answer.error().message, Catch::Contains("larger than this call takes"));
}

}  // namespace varn::test
