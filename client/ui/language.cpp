#include "language.hpp"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace varn::ui {

Language::Language(const QString& code) {
  const bool english = code == QLatin1String("en");
  QLocale::setDefault(english ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                              : QLocale(QLocale::Swedish, QLocale::Sweden));
  if (!english) {
    // Installed first, so Värn's own catalogue wins where both have a text.
    if (qt_.load(QStringLiteral("qt_sv"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
      QCoreApplication::installTranslator(&qt_);
    if (qt_supplement_.load(QStringLiteral(":/i18n/qt_sv_supplement.qm")))
      QCoreApplication::installTranslator(&qt_supplement_);
  }
  // Source strings are Swedish; varn_sv.qm adds Swedish plural forms and varn_en.qm the English text.
  loaded_ = translator_.load(english ? QStringLiteral(":/i18n/varn_en.qm") : QStringLiteral(":/i18n/varn_sv.qm"));
  if (loaded_) QCoreApplication::installTranslator(&translator_);
}

Language::~Language() {
  // removeTranslator ignores a translator that was never installed.
  QCoreApplication::removeTranslator(&translator_);
  QCoreApplication::removeTranslator(&qt_supplement_);
  QCoreApplication::removeTranslator(&qt_);
}

}  // namespace varn::ui
