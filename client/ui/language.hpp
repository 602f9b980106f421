#pragma once
//! The app's language: Swedish unless English is asked for. Loads Värn's own
//! catalogue and Qt's (qt_sv from qt6-translations-l10n: dialog buttons,
//! text-field menus) and sets the locale dates and numbers are shown in.

#include <QString>
#include <QTranslator>
#include <memory>
#include <vector>

namespace varn::ui {

class Language {
 public:
  //! "sv" or "en"; anything else is Swedish.
  explicit Language(const QString& code);
  ~Language();
  Language(const Language&) = delete;
  Language& operator=(const Language&) = delete;
  //! Whether Qt's own catalogue was found (false: Qt's few strings stay English).
  [[nodiscard]] bool qt_catalogue_loaded() const { return qt_loaded_; }

 private:
  std::vector<std::unique_ptr<QTranslator>> installed_;
  bool qt_loaded_ = false;
};

}  // namespace varn::ui
