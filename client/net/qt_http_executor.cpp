#include "qt_http_executor.hpp"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>
#include <algorithm>
#include <cstdint>

#include "qt_std.hpp"
#include "varn/crypto/random.hpp"
#include "varn/sync/api_client.hpp"

namespace varn::net {
namespace {

QByteArray certificate_sha256(const QSslCertificate& cert) {
  return QCryptographicHash::hash(cert.toDer(), QCryptographicHash::Sha256);
}

// Long-polls are held by the server for up to `wait` seconds: allow for it.
int long_poll_seconds(const std::string& target) {
  auto pos = target.find("wait=");
  if (pos == std::string::npos) return 0;
  return std::atoi(target.c_str() + pos + 5);
}

bool is_retryable(QNetworkReply::NetworkError e) {
  switch (e) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:  // our transfer timeout
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::InternalServerError:
    case QNetworkReply::ServiceUnavailableError:
      return true;
    default:
      return false;
  }
}

void wait_ms(std::chrono::milliseconds delay) {
  QEventLoop loop;
  QTimer::singleShot(static_cast<int>(delay.count()), &loop, &QEventLoop::quit);
  loop.exec();
}

}  // namespace

QtHttpExecutor::QtHttpExecutor(TransportOptions options) : options_(std::move(options)) {
  manager_.setAutoDeleteReplies(false);
}

Result<sync::HttpResponse> QtHttpExecutor::execute(const sync::HttpRequest& request) {
  Result<sync::HttpResponse> out = make_error(Errc::unavailable, "no attempt made");
  for (int attempt_no = 1;; ++attempt_no) {
    last_attempts_ = attempt_no;
    const Outcome outcome = attempt(request, out);
    if (outcome != Outcome::retryable || attempt_no >= options_.backoff.max_attempts) return out;
    const double jitter = crypto::random_uniform(1'000'000) / 1'000'000.0;
    wait_ms(sync::backoff_delay(options_.backoff, attempt_no, jitter));
  }
}

QtHttpExecutor::Outcome QtHttpExecutor::attempt(const sync::HttpRequest& request, Result<sync::HttpResponse>& out) {
  QNetworkRequest qreq(QUrl(options_.base_url + qt::to_qstring(request.target)));
  qreq.setTransferTimeout(options_.timeout_ms + long_poll_seconds(request.target) * 1000);
  qreq.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
  if (!request.content_type.empty()) {
    qreq.setHeader(QNetworkRequest::ContentTypeHeader, qt::to_qstring(request.content_type));
  }
  if (!request.bearer_token.empty()) {
    qreq.setRawHeader("Authorization", "Bearer " + qt::to_qbytes(as_bytes(request.bearer_token)));
  }
  QNetworkReply* reply = manager_.sendCustomRequest(qreq, qt::to_qbytes(as_bytes(request.method)),
                                                    qt::to_qbytes(request.body));
  bool pin_mismatch = false;
  auto check_pin = [&](const QSslCertificate& cert) {
    const QByteArray digest = certificate_sha256(cert);
    seen_sha256_ = digest;
    if (options_.pinned_sha256 && *options_.pinned_sha256 != digest) pin_mismatch = true;
    return !pin_mismatch;
  };
  // A self-signed demo certificate fails CA validation: accepted only when
  // it is exactly the pinned one (or, while enrolling, the first one seen).
  QObject::connect(reply, &QNetworkReply::sslErrors, reply, [&, reply](const QList<QSslError>&) {
    if (check_pin(reply->sslConfiguration().peerCertificate())) reply->ignoreSslErrors();
  });
  // A CA-valid certificate must still be the pinned one.
  QObject::connect(reply, &QNetworkReply::encrypted, reply, [&, reply] {
    if (!check_pin(reply->sslConfiguration().peerCertificate())) reply->abort();
  });
  // A lying server must not exhaust the device: the answer is cut off past
  // its cap (announced or received), and the whole exchange has a deadline
  // however slowly the bytes trickle in. Limit: Qt 6.4 ignores
  // setReadBufferSize for HTTP and hands data over in one batch while its
  // HTTP thread outruns this one, so on a link faster than this thread
  // drains (loopback) a chunked answer can run ahead of the cap before the
  // first progress signal; an announced length is refused at the head.
  const auto cap = static_cast<qint64>(std::min<std::size_t>(request.max_answer_bytes, INT64_MAX));
  bool too_large = false;
  bool deadline_passed = false;
  auto over_cap = [&, reply](qint64 received) {
    if (too_large || received <= cap) return;
    too_large = true;
    reply->abort();
  };
  QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [&, reply] {
    const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
    if (announced.isValid()) over_cap(announced.toLongLong());
  });
  QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
                   [&, reply](qint64 received, qint64) { over_cap(std::max(received, reply->bytesAvailable())); });
  QTimer deadline;
  deadline.setSingleShot(true);
  QObject::connect(&deadline, &QTimer::timeout, reply, [&, reply] {
    deadline_passed = true;
    reply->abort();
  });
  deadline.start(static_cast<int>(std::min<std::int64_t>(request.deadline.count(), INT32_MAX)));
  QEventLoop loop;
  QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
  if (!reply->isFinished()) loop.exec();
  deadline.stop();

  const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
  const QNetworkReply::NetworkError error = reply->error();
  const QString error_text = reply->errorString();
  sync::HttpResponse response;
  if (status.isValid() && !too_large && !deadline_passed) {
    response.status = status.toInt();
    response.body = qt::to_bytes(reply->read(cap + 1));
    for (const auto& [name, value] : reply->rawHeaderPairs()) {
      response.headers[qt::to_std(QString::fromLatin1(name).toLower())] = qt::to_std(QString::fromLatin1(value));
    }
    too_large = static_cast<qint64>(response.body.size()) > cap;
  }
  reply->deleteLater();

  if (pin_mismatch) {
    out = make_error(Errc::forbidden, "the server's certificate is not the one pinned at enrolment");
    return Outcome::fatal;
  }
  // Neither is retried: the same server would do the same again.
  if (too_large) {
    out = sync::answer_too_large(request.max_answer_bytes);
    return Outcome::fatal;
  }
  if (deadline_passed) {
    out = make_error(Errc::unavailable, "the server did not finish its answer within " +
                                            std::to_string(request.deadline.count() / 1000) + " s");
    return Outcome::fatal;
  }
  if (response.status != 0) {
    out = response;
    const bool busy = response.status == 502 || response.status == 503 || response.status == 504;
    return busy ? Outcome::retryable : Outcome::answered;
  }
  out = make_error(Errc::unavailable, "cannot reach the server: " + qt::to_std(error_text));
  return is_retryable(error) ? Outcome::retryable : Outcome::fatal;
}

}  // namespace varn::net
