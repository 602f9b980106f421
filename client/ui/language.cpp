#include "language.hpp"

#include <QCoreApplication>
#include <QLocale>

namespace varn::ui {

Language::Language(const QString& code) {
  const bool english = code == QLatin1String("en");
  QLocale::setDefault(english ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                              : QLocale(QLocale::Swedish, QLocale::Sweden));
  // Source strings are Swedish; varn_sv.qm adds Swedish plural forms and varn_en.qm the English text.
  loaded_ = translator_.load(english ? QStringLiteral(":/i18n/varn_en.qm") : QStringLiteral(":/i18n/varn_sv.qm"));
  if (loaded_) QCoreApplication::installTranslator(&translator_);
}

Language::~Language() {
  if (loaded_) QCoreApplication::removeTranslator(&translator_);
}

}  // namespace varn::ui
