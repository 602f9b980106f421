#pragma once
//! The seam between the socket-free sync logic and a real transport: the
//! core builds requests and reads responses; client/net (Qt Network) or a
//! test fake carries them.

#include <map>
#include <string>

#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

namespace varn::sync {

struct HttpRequest {
  std::string method;        //!< "GET", "POST", "PUT"
  std::string target;        //!< path and query, e.g. "/v1/me"
  std::string content_type;  //!< empty when there is no body
  Bytes body;
  std::string bearer_token;  //!< empty for unauthenticated calls
};

struct HttpResponse {
  int status = 0;
  Bytes body;
  std::map<std::string, std::string> headers;  //!< names in lowercase
};

//! Executes one request. A transport failure (no network, TLS pin mismatch,
//! timeout) is an Error with Errc::unavailable or Errc::forbidden (pin); an
//! HTTP error status is a normal HttpResponse.
class HttpExecutor {
 public:
  virtual ~HttpExecutor() = default;
  [[nodiscard]] virtual Result<HttpResponse> execute(const HttpRequest& request) = 0;
};

}  // namespace varn::sync
