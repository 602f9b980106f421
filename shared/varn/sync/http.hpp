#pragma once
//! The seam between the socket-free sync logic and a real transport: the
//! core builds requests and reads responses; client/net (Qt Network) or a
//! test fake carries them.

#include <chrono>
#include <cstddef>
#include <map>
#include <string>

#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

namespace varn::sync {

//! What a client reads of one answer at most, by call kind: a lying or
//! broken server must not exhaust the device's memory or hold a sync. Every
//! transport enforces the request's caps; ApiClient checks them again.
//! A JSON control answer is a few KiB; the largest (a unit's registry, ~360
//! bytes an entry) stays far below this.
inline constexpr std::size_t kMaxControlAnswerBytes = 4u * 1024 * 1024;
//! A pull page ends once its envelopes reach the server's max pull bytes
//! (8 MiB by default), so it may run over by one envelope of up to 16 MiB
//! (padding's largest bucket, plus header, tag and signature).
inline constexpr std::size_t kMaxPullAnswerBytes = (8u + 16u + 1u) * 1024 * 1024;
//! From sending the request to the whole answer read, whatever the pace
//! (the inactivity timeout alone lets a byte a second go on for ever).
inline constexpr std::chrono::seconds kControlDeadline{60};
//! Pushes and pulls move up to tens of MiB; a long-poll adds its wait.
inline constexpr std::chrono::seconds kTransferDeadline{300};

struct HttpRequest {
  std::string method;        //!< "GET", "POST", "PUT"
  std::string target;        //!< path and query, e.g. "/v1/me"
  std::string content_type;  //!< empty when there is no body
  Bytes body;
  std::string bearer_token;  //!< empty for unauthenticated calls
  //! The answer's body may not be longer; the transport stops reading past it.
  std::size_t max_answer_bytes = kMaxControlAnswerBytes;
  //! The whole exchange, sending to the last byte of the answer.
  std::chrono::milliseconds deadline = kControlDeadline;
};

struct HttpResponse {
  int status = 0;
  Bytes body;
  std::map<std::string, std::string> headers;  //!< names in lowercase
};

//! Executes one request. A transport failure (no network, TLS pin mismatch,
//! timeout, the deadline passed) is an Error with Errc::unavailable or
//! Errc::forbidden (pin); an answer longer than max_answer_bytes is
//! Errc::malformed, read no further; an HTTP error status is a normal
//! HttpResponse.
class HttpExecutor {
 public:
  virtual ~HttpExecutor() = default;
  [[nodiscard]] virtual Result<HttpResponse> execute(const HttpRequest& request) = 0;
};

}  // namespace varn::sync
