// English follows the Swedish source text through the compiled varn_en.qm.
#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QTranslator>

#include "labels.hpp"

TEST_CASE("the English translation loads and covers screens, labels and plurals", "[ui][i18n]") {
  QTranslator english;
  REQUIRE(english.load(QStringLiteral(":/i18n/varn_en.qm")));
  REQUIRE(QCoreApplication::installTranslator(&english));
  CHECK(QCoreApplication::translate("LockScreen", "Lås upp") == QStringLiteral("Unlock"));
  CHECK(varn::ui::label_for(QStringLiteral("protected_registration")) == QStringLiteral("Protected registration"));
  CHECK(QCoreApplication::translate("SyncBar", "%n ändringar väntar", nullptr, 1) == QStringLiteral("1 change waiting"));
  CHECK(QCoreApplication::translate("SyncBar", "%n ändringar väntar", nullptr, 3) == QStringLiteral("3 changes waiting"));
  QCoreApplication::removeTranslator(&english);
  CHECK(varn::ui::label_for(QStringLiteral("home")) == QStringLiteral("Hembesök"));
}
