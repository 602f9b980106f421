// English follows the Swedish source text through the compiled varn_en.qm.
#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QTranslator>

#include <QDate>
#include <QLocale>

#include "labels.hpp"
#include "language.hpp"

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

TEST_CASE("Swedish is the default, dates in Swedish form included", "[ui][i18n]") {
  const varn::ui::Language swedish(QStringLiteral("sv"));
  REQUIRE(swedish.loaded());
  CHECK(QCoreApplication::translate("SyncBar", "%n ändringar väntar", nullptr, 1) == QStringLiteral("1 ändring väntar"));
  CHECK(QLocale().toString(QDate(2026, 12, 2), QLocale::ShortFormat) == QStringLiteral("2026-12-02"));
  CHECK(QLocale().toString(QDate(2026, 12, 2), QStringLiteral("d MMMM yyyy")) == QStringLiteral("2 december 2026"));
}
