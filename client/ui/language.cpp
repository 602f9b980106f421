#include "language.hpp"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace varn::ui {

Language::Language(const QString& code) {
  const bool english = code == QLatin1String("en");
  QLocale::setDefault(english ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                              : QLocale(QLocale::Swedish, QLocale::Sweden));
  auto install = [this](const QString& name, const QString& dir) {
    auto t = std::make_unique<QTranslator>();
    if (!t->load(name, dir)) return false;
    QCoreApplication::installTranslator(t.get());
    installed_.push_back(std::move(t));
    return true;
  };
  // Source strings are Swedish; varn_sv.qm adds Swedish plural forms and varn_en.qm the English text.
  install(english ? QStringLiteral("varn_en") : QStringLiteral("varn_sv"), QStringLiteral(":/i18n"));
  qt_loaded_ = english || install(QStringLiteral("qt_sv"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

Language::~Language() {
  for (auto& t : installed_) QCoreApplication::removeTranslator(t.get());
}

}  // namespace varn::ui
