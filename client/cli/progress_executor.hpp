#pragma once
//! Wraps a transport and prints one line per push the server acknowledged
//! (`acked: N`), flushed at once: a script or test watching a long sync
//! knows what is already durable on the server.

#include <ostream>

#include "varn/sync/http.hpp"

namespace varn::cli {

class ProgressExecutor : public sync::HttpExecutor {
 public:
  ProgressExecutor(sync::HttpExecutor& inner, std::ostream& out) : inner_(inner), out_(out) {}
  [[nodiscard]] Result<sync::HttpResponse> execute(const sync::HttpRequest& request) override;

 private:
  sync::HttpExecutor& inner_;
  std::ostream& out_;
};

}  // namespace varn::cli
