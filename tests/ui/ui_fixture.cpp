#include "ui_fixture.hpp"

#include <catch2/catch.hpp>

#include <QSignalSpy>

#include "varn/crypto/passphrase_kek.hpp"

namespace varn::test {

bool wait_open(ui::SessionController& session) {
  // The result is queued to this thread, so a spy made after the call still sees it.
  if (!session.busy()) return false;
  QSignalSpy finished(&session, &ui::SessionController::openFinished);
  if (!finished.wait(30000)) return false;
  return finished.first().first().toBool();
}

UiFixture::UiFixture(bool create_store) {
  REQUIRE(dir_.isValid());
  ui::AppOptions options;
  options.store_path = store_path();
  options.instruments_dir = QStringLiteral(VARN_SOURCE_DIR "/shared/instruments");
  options.kdf = crypto::KdfParams::with_new_salt(crypto::kKdfMinOpsLimit, crypto::kKdfMinMemLimit);
  context_ = std::make_unique<ui::AppContext>(std::move(options));
  if (create_store) {
    REQUIRE(session().createStore(QString::fromUtf8(kPassphrase), QString::fromUtf8(kPassphrase)));
    REQUIRE(wait_open(session()));
  }
}

UiFixture::~UiFixture() = default;

QString UiFixture::person_with_case(const QString& name, const QString& protection, const QString& address) {
  const QString person = records().addPerson(name, QStringLiteral("19800101-1234"), protection, address);
  INFO(records().lastError().toStdString());
  REQUIRE_FALSE(person.isEmpty());
  const QString case_id = records().ensureCase(person);
  REQUIRE_FALSE(case_id.isEmpty());
  return case_id;
}

QString UiFixture::visit(const QString& case_id, const QString& planned_at) {
  const QString id = records().recordVisit({{QStringLiteral("caseId"), case_id},
                                            {QStringLiteral("kind"), QStringLiteral("home")},
                                            {QStringLiteral("partnerPresent"), QStringLiteral("no")},
                                            {QStringLiteral("plannedAt"), planned_at},
                                            {QStringLiteral("place"), QStringLiteral("Kontoret")}});
  INFO(records().lastError().toStdString());
  REQUIRE_FALSE(id.isEmpty());
  return id;
}

}  // namespace varn::test
