// English follows the Swedish source text through the compiled varn_en.qm.
#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QTranslator>

#include <QDate>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <set>
#include <utility>
#include <QQmlComponent>
#include <QQmlEngine>
#include <memory>

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

TEST_CASE("Qt's own strings are Swedish too: the standard dialog buttons of Qt Quick Controls", "[ui][i18n]") {
  const varn::ui::Language swedish(QStringLiteral("sv"));
  CHECK(QCoreApplication::translate("QPlatformTheme", "Cancel") == QStringLiteral("Avbryt"));
  QQmlEngine engine;
  QQmlComponent component(&engine);
  component.setData(R"(
    import QtQuick
    import QtQuick.Controls
    DialogButtonBox {
      standardButtons: DialogButtonBox.Ok | DialogButtonBox.Cancel | DialogButtonBox.No | DialogButtonBox.Close
      property string texts: ""
      Component.onCompleted: texts = [DialogButtonBox.Ok, DialogButtonBox.Cancel, DialogButtonBox.No,
                                      DialogButtonBox.Close].map(b => standardButton(b).text).join("|")
    })", QUrl());
  const std::unique_ptr<QObject> box(component.create());
  REQUIRE(box);
  CHECK(box->property("texts").toString() == QStringLiteral("OK|Avbryt|Nej|Stäng"));
}

namespace {

struct Catalogue {
  std::set<std::pair<QString, QString>> messages;  //!< (context, source)
  int unfinished = 0;
};

Catalogue read_catalogue(const QString& path) {
  QFile file(path);
  REQUIRE(file.open(QIODevice::ReadOnly));
  QXmlStreamReader xml(&file);
  Catalogue catalogue;
  QString context;
  QString source;
  while (!xml.atEnd()) {
    if (xml.readNext() != QXmlStreamReader::StartElement) continue;
    if (xml.name() == QLatin1String("name")) context = xml.readElementText();
    else if (xml.name() == QLatin1String("source")) source = xml.readElementText();
    else if (xml.name() == QLatin1String("translation")) {
      const auto type = xml.attributes().value(QLatin1String("type"));
      if (type == QLatin1String("vanished") || type == QLatin1String("obsolete")) continue;
      if (type == QLatin1String("unfinished")) ++catalogue.unfinished;
      catalogue.messages.emplace(context, source);
    }
  }
  INFO(xml.errorString().toStdString() << " at line " << xml.lineNumber());
  REQUIRE_FALSE(xml.hasError());
  return catalogue;
}

}  // namespace

TEST_CASE("the catalogues hold every string the screens show, and English translates each", "[ui][i18n]") {
  const QString source_dir = QStringLiteral(VARN_SOURCE_DIR);
  for (const QString& language : {QStringLiteral("en"), QStringLiteral("sv")}) {
    INFO(language.toStdString());
    const QString committed = source_dir + QStringLiteral("/qml/i18n/varn_%1.ts").arg(language);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
    REQUIRE(QFile::copy(committed, fresh));
    // What `update_translations` would write now, from the sources as they are.
    QProcess lupdate;
    lupdate.setWorkingDirectory(source_dir);
    lupdate.start(QStringLiteral(VARN_LUPDATE), {QStringLiteral("-silent"), QStringLiteral("-no-obsolete"),
                                                 QStringLiteral("-source-language"), QStringLiteral("sv_SE"),
                                                 QStringLiteral("-extensions"), QStringLiteral("qml,cpp"),
                                                 QStringLiteral("qml"), QStringLiteral("client/ui"),
                                                 QStringLiteral("-ts"), fresh});
    REQUIRE(lupdate.waitForFinished(60000));
    REQUIRE(lupdate.exitCode() == 0);
    const Catalogue before = read_catalogue(committed);
    const Catalogue after = read_catalogue(fresh);
    CHECK(after.messages == before.messages);  // lupdate was run after the last string changed
    if (language == QLatin1String("en")) CHECK(after.unfinished == 0);
  }
}
