#include "admin_controller.hpp"

#include "error_text.hpp"
#include "ids.hpp"
#include "labels.hpp"
#include "net_thread.hpp"
#include "server_target.hpp"
#include "session_controller.hpp"
#include "varn/device/offboarding.hpp"
#include "varn/registry/entry.hpp"
#include "note_rows.hpp"
#include "varn/sync/enrolment.hpp"
#include "varn/sync/join_address.hpp"
#include "varn/sync/registry_admin.hpp"

namespace varn::ui {
namespace {

AdminController* g_instance = nullptr;

QVariantList device_rows(const std::vector<sync::DeviceEntry>& entries, const crypto::DeviceId& me,
                         const device::StaffDirectory& staff) {
  QVariantList rows;
  for (const auto& d : entries) {
    const auto* person = staff.of_device(to_hex(d.device));
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
                               {QStringLiteral("personName"),
                                person ? qt::to_qstring(person->title.empty() ? person->name
                                                                              : person->name + ", " + person->title)
                                       : QString()},
                               {QStringLiteral("wipeConfirmed"), d.wiped_at > 0}});
  }
  return rows;
}

QVariantList waiting_rows(const std::vector<sync::EnrolmentRequest>& requests) {
  QVariantList rows;
  for (const auto& r : requests) {
    rows.push_back(QVariantMap{{QStringLiteral("code"), qt::to_qstring(r.code)},
                               {QStringLiteral("device"), qt::to_qstring(to_hex(r.device).substr(0, 8))},
                               {QStringLiteral("requestedAt"), QDateTime::fromSecsSinceEpoch(r.requested_at)}});
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

void AdminController::setDevices(QVariantList rows, QVariantList waiting, QString join_address) {
  devices_ = std::move(rows);
  waiting_ = std::move(waiting);
  join_address_ = std::move(join_address);
  emit devicesChanged();
}

void AdminController::start(Job job, QString done_text) {
  auto host = session_.host();
  if (!host || busy_) return;
  busy_ = true;
  last_error_.clear();
  last_error_detail_.clear();
  message_.clear();
  emit changed();
  net_.run<Result<std::optional<Listing>>>(
      this,
      [host, job = std::move(job)]() -> Result<std::optional<Listing>> {
        auto target = net::stored_target(host->locked());
        if (!target) return target.error();
        auto http = net::make_executor(*target);
        auto context = host->context();
        auto result = job(context, *http);
        if (result && *result) {
          if (auto unit = context.unit()) (*result)->join_address = qt::to_qstring(sync::join_address(target->url, *unit));
        }
        return result;
      },
      [this, done_text](Result<std::optional<Listing>>& result) {
        busy_ = false;
        if (result) {
          message_ = done_text;
          if (*result) {
            setDevices((*result)->devices, (*result)->waiting, (*result)->join_address);
          } else {
            QMetaObject::invokeMethod(this, &AdminController::refreshDevices, Qt::QueuedConnection);
          }
        } else {
          last_error_ = user_message(result.error());
          last_error_detail_ = error_detail(result.error());
        }
        emit changed();
      });
}

void AdminController::refreshDevices() {
  auto host = session_.host();
  if (!host) return;
  const crypto::DeviceId me = host->device();
  start([me, host](sync::DeviceContext& c, sync::HttpExecutor& http) -> Result<std::optional<Listing>> {
    auto devices = sync::RegistryAdmin(c).devices(http);
    if (!devices) return devices.error();
    auto staff = host->with_records([](store::Records& r) { return Result<device::StaffDirectory>(staff_directory(r)); });
    if (!staff) return staff.error();
    auto waiting = sync::Enrolment(c).waiting(http);
    if (!waiting) return waiting.error();
    return std::optional<Listing>(Listing{device_rows(*devices, me, *staff), waiting_rows(*waiting), {}});
  }, {});
}

void AdminController::approve(const QString& code, const QString& fingerprint, const QString& pairing,
                              const QString& role, const QString& staff_name, const QString& staff_title) {
  auto parsed_role = registry::role_from_string(qt::to_std(role));
  if (!parsed_role) {
    last_error_ = user_message(parsed_role.error());
    last_error_detail_ = error_detail(parsed_role.error());
    emit changed();
    return;
  }
  const std::string code_text = qt::to_std(code.trimmed());
  const std::string fp_text = qt::to_std(fingerprint.trimmed());
  const std::string pairing_text = qt::to_std(pairing.trimmed());
  const registry::Role r = *parsed_role;
  const std::string name = qt::to_std(staff_name.trimmed());
  const std::string title = qt::to_std(staff_title.trimmed());
  auto host = session_.host();
  if (!host) return;
  start([code_text, fp_text, pairing_text, r, name, title, host](sync::DeviceContext& c,
                                                                 sync::HttpExecutor& http) -> Result<std::optional<Listing>> {
    // As varn-cli's `admin approve --person`: the person first, then the
    // approval, then the device named for them in the end-to-end data (the
    // signed entry keeps its own random person id, which tells the server
    // nothing about who holds which devices).
    std::optional<model::EntityId> person;
    if (!name.empty()) {
      auto made = host->with_records([&](store::Records& records) { return records.add_staff(name, title); });
      if (!made) return made.error();
      person = *made;
    }
    auto approved = sync::Enrolment(c).approve(http, code_text, fp_text, pairing_text, r);
    if (!approved) return approved.error();
    if (person) {
      auto named = host->with_records([&](store::Records& records) { return records.set_staff_device(*person, *approved, true); });
      if (!named) return named.error();
    }
    return std::optional<Listing>();
  }, tr("Surfplattan med fingeravtrycket %1 är godkänd som %2. Den visar enhetens säkerhetskod när den har synkat.")
         .arg(fingerprint.trimmed(), label_for(role)));
}

QVariantMap AdminController::parseEnrolmentText(const QString& text) const {
  // "<code> <30 digits in six groups> <pairing secret>", as the new device's QR code holds it.
  const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
  QVariantMap out{{QStringLiteral("code"), words.value(0)},
                  {QStringLiteral("fingerprint"), QString()},
                  {QStringLiteral("pairing"), QString()}};
  if (words.size() >= 7) {
    out[QStringLiteral("fingerprint")] = words.mid(1, 6).join(QLatin1Char(' '));
    out[QStringLiteral("pairing")] = words.mid(7).join(QString());
  } else if (words.size() > 1) {
    out[QStringLiteral("fingerprint")] = words.mid(1).join(QLatin1Char(' '));
  }
  return out;
}

void AdminController::revoke(const QString& deviceId) {
  auto id = array_from_hex<16>(qt::to_std(deviceId));
  if (!id) return;
  const crypto::DeviceId device = *id;
  start([device](sync::DeviceContext& c, sync::HttpExecutor& http) -> Result<std::optional<Listing>> {
    if (auto ok = sync::RegistryAdmin(c).revoke(http, device); !ok) return ok.error();
    return std::optional<Listing>();
  }, tr("Surfplatta %1 är spärrad och enhetens nyckel är bytt. Den raderar allt vid nästa kontakt.")
         .arg(deviceId.left(8)));
}

QVariantList AdminController::staff() const {
  QVariantList rows;
  auto host = session_.host();
  if (!host) return rows;
  auto all = host->with_records([](store::Records& r) { return r.staff(); });
  if (!all) return rows;
  const device::StaffDirectory directory(*all);
  for (const auto& s : *all) {
    rows.push_back(QVariantMap{{QStringLiteral("staffId"), id_text(s.id)},
                               {QStringLiteral("name"), qt::to_qstring(s.name)},
                               {QStringLiteral("title"), qt::to_qstring(s.title)},
                               {QStringLiteral("label"), qt::to_qstring(directory.staff_label(to_hex(s.id)))},
                               {QStringLiteral("devices"), static_cast<int>(s.devices.size())},
                               {QStringLiteral("worker"), s.casework.field},
                               {QStringLiteral("reviewer"), s.casework.review}});
  }
  return rows;
}

bool AdminController::setCasework(const QString& staffId, bool worker, bool reviewer) {
  auto id = parse_id(staffId);
  auto host = session_.host();
  if (!id || !host) return false;
  registry::Casework casework;
  casework.field = worker;
  casework.review = reviewer;
  auto done = host->with_records([&](store::Records& r) { return r.set_staff_casework(*id, casework); });
  if (!done) {
    last_error_ = user_message(done.error());
    last_error_detail_ = error_detail(done.error());
    emit changed();
    return false;
  }
  session_.notifyRecordsChanged();
  return true;
}

void AdminController::offboard(const QString& staffId) {
  auto id = parse_id(staffId);
  auto host = session_.host();
  if (!id || !host) return;
  auto all = host->with_records([](store::Records& r) { return r.staff(); });
  if (!all) return;
  std::vector<crypto::DeviceId> devices;
  QString name;
  for (const auto& s : *all) {
    if (s.id == *id) {
      devices = s.devices;
      name = qt::to_qstring(s.name);
    }
  }
  const model::EntityId person = *id;
  start([host, person, devices](sync::DeviceContext& c, sync::HttpExecutor& http) -> Result<std::optional<Listing>> {
    auto revoked = device::offboard_staff(c, http, devices, [&](const crypto::DeviceId& d) {
      return host->with_records([&](store::Records& r) { return r.set_staff_device(person, d, false); });
    });
    if (!revoked) return revoked.error();
    return std::optional<Listing>();
  }, tr("%1 har avslutats: alla hens surfplattor är spärrade och enhetens nyckel är bytt.").arg(name));
}

void AdminController::rotate() {
  start([](sync::DeviceContext& c, sync::HttpExecutor& http) -> Result<std::optional<Listing>> {
    if (auto ok = sync::RegistryAdmin(c).rotate(http); !ok) return ok.error();
    return std::optional<Listing>();
  }, tr("Enhetens nyckel är bytt. Nya anteckningar krypteras med den nya nyckeln."));
}

}  // namespace varn::ui
