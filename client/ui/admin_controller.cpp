#include "admin_controller.hpp"

#include "error_text.hpp"
#include "ids.hpp"
#include "labels.hpp"
#include "net_thread.hpp"
#include "server_target.hpp"
#include "session_controller.hpp"
#include "varn/registry/entry.hpp"
#include "varn/sync/device_client.hpp"

namespace varn::ui {
namespace {

AdminController* g_instance = nullptr;

QVariantList device_rows(const std::vector<sync::DeviceEntry>& entries, const crypto::DeviceId& me) {
  QVariantList rows;
  for (const auto& d : entries) {
    const QString role = qt::to_qstring(d.role);
    const QString status = qt::to_qstring(d.status);
    rows.push_back(QVariantMap{{QStringLiteral("deviceId"), qt::to_qstring(to_hex(d.device))},
                               {QStringLiteral("role"), role},
                               {QStringLiteral("roleLabel"), label_for(role)},
                               {QStringLiteral("status"), status},
                               {QStringLiteral("statusLabel"), label_for(status)},
                               {QStringLiteral("lastSeen"), d.last_seen > 0 ? QDateTime::fromSecsSinceEpoch(d.last_seen)
                                                                             : QDateTime()},
                               {QStringLiteral("fingerprint"), qt::to_qstring(d.bundle.fingerprint())},
                               {QStringLiteral("isMe"), d.device == me},
                               {QStringLiteral("wipeConfirmed"), d.wiped_at > 0}});
  }
  return rows;
}

}  // namespace

AdminController::AdminController(SessionController& session, NetThread& net, QObject* parent)
    : QObject(parent), session_(session), net_(net) {
  g_instance = this;
  connect(&session_, &SessionController::unlockedChanged, this, [this] {
    if (!session_.unlocked()) setDevices({});  // nothing about the unit stays on screen behind the lock
  });
}

AdminController::~AdminController() {
  if (g_instance == this) g_instance = nullptr;
}

AdminController* AdminController::instance() { return g_instance; }

AdminController* AdminController::create(QQmlEngine*, QJSEngine*) {
  Q_ASSERT(g_instance);
  QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
  return g_instance;
}

QStringList AdminController::roles() const {
  return {QStringLiteral("worker"), QStringLiteral("reviewer"), QStringLiteral("admin")};
}

void AdminController::setDevices(QVariantList rows) {
  devices_ = std::move(rows);
  emit devicesChanged();
}

void AdminController::start(Job job, QString done_text, bool rows_are_devices) {
  auto host = session_.host();
  if (!host || busy_) return;
  busy_ = true;
  last_error_.clear();
  message_.clear();
  emit changed();
  net_.run<Result<QVariantList>>(
      this,
      [host, job = std::move(job)]() -> Result<QVariantList> {
        auto target = net::stored_target(host->locked());
        if (!target) return target.error();
        auto http = net::make_executor(*target);
        sync::DeviceClient client(host->locked(), host->locked());
        return job(client, *http);
      },
      [this, done_text, rows_are_devices](Result<QVariantList>& result) {
        busy_ = false;
        if (result) {
          message_ = done_text;
          if (rows_are_devices) {
            setDevices(*result);
          } else {
            QMetaObject::invokeMethod(this, &AdminController::refreshDevices, Qt::QueuedConnection);
          }
        } else {
          last_error_ = user_message(result.error());
        }
        emit changed();
      });
}

void AdminController::refreshDevices() {
  auto host = session_.host();
  if (!host) return;
  const crypto::DeviceId me = host->device();
  start([me](sync::DeviceClient& c, sync::HttpExecutor& http) -> Result<QVariantList> {
    auto devices = c.devices(http);
    if (!devices) return devices.error();
    return device_rows(*devices, me);
  }, {}, true);
}

void AdminController::approve(const QString& code, const QString& fingerprint, const QString& role) {
  auto parsed_role = registry::role_from_string(qt::to_std(role));
  if (!parsed_role) {
    last_error_ = user_message(parsed_role.error());
    emit changed();
    return;
  }
  const std::string code_text = qt::to_std(code.trimmed());
  const std::string fp_text = qt::to_std(fingerprint.trimmed());
  const registry::Role r = *parsed_role;
  start([code_text, fp_text, r](sync::DeviceClient& c, sync::HttpExecutor& http) -> Result<QVariantList> {
    if (auto ok = c.approve(http, code_text, fp_text, r); !ok) return ok.error();
    return QVariantList{};
  }, tr("Enheten är godkänd."), false);
}

QVariantMap AdminController::parseEnrolmentText(const QString& text) const {
  // "<code> <30 digits in six groups>": the code is the first word.
  const QString trimmed = text.trimmed();
  const qsizetype space = trimmed.indexOf(QLatin1Char(' '));
  if (space < 0) return {{QStringLiteral("code"), trimmed}, {QStringLiteral("fingerprint"), QString()}};
  return {{QStringLiteral("code"), trimmed.left(space)},
          {QStringLiteral("fingerprint"), trimmed.mid(space + 1).trimmed()}};
}

void AdminController::revoke(const QString& deviceId) {
  auto id = array_from_hex<16>(qt::to_std(deviceId));
  if (!id) return;
  const crypto::DeviceId device = *id;
  start([device](sync::DeviceClient& c, sync::HttpExecutor& http) -> Result<QVariantList> {
    if (auto ok = c.revoke(http, device); !ok) return ok.error();
    return QVariantList{};
  }, tr("Enheten är spärrad och enhetens nyckel är bytt."), false);
}

void AdminController::rotate() {
  start([](sync::DeviceClient& c, sync::HttpExecutor& http) -> Result<QVariantList> {
    if (auto ok = c.rotate(http); !ok) return ok.error();
    return QVariantList{};
  }, tr("Enhetens nyckel är bytt."), false);
}

}  // namespace varn::ui
