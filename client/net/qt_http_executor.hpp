#pragma once
//! HttpExecutor over Qt Network: HTTPS with the server's certificate pinned
//! (SHA-256 of its DER, learned at enrolment), retries with jittered backoff
//! on transport failures, blocking for the caller (a local event loop), so
//! the sync engine stays free of Qt and of callbacks. Each request's answer
//! cap and deadline (sync/http.hpp) abort the reply when passed.

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QString>
#include <optional>

#include "varn/sync/backoff.hpp"
#include "varn/sync/http.hpp"

namespace varn::net {

struct TransportOptions {
  QString base_url;                       //!< e.g. "https://127.0.0.1:8443"
  std::optional<QByteArray> pinned_sha256; //!< nullopt only while enrolling (trust on first use)
  int timeout_ms = 30'000;                //!< inactivity, per attempt; long-polls add their wait
  sync::BackoffPolicy backoff;
};

class QtHttpExecutor : public sync::HttpExecutor {
 public:
  explicit QtHttpExecutor(TransportOptions options);
  [[nodiscard]] Result<sync::HttpResponse> execute(const sync::HttpRequest& request) override;
  //! The certificate digest the server presented (to pin after enrolment).
  [[nodiscard]] std::optional<QByteArray> seen_sha256() const { return seen_sha256_; }
  //! Attempts made by the last execute() (1 when the first one answered).
  [[nodiscard]] int last_attempts() const { return last_attempts_; }

 private:
  enum class Outcome { answered, retryable, fatal };
  [[nodiscard]] Outcome attempt(const sync::HttpRequest& request, Result<sync::HttpResponse>& out);
  TransportOptions options_;
  QNetworkAccessManager manager_;
  std::optional<QByteArray> seen_sha256_;
  int last_attempts_ = 0;
};

}  // namespace varn::net
