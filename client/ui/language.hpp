#pragma once
//! The app's language: Swedish unless English is asked for. Loads Värn's own
//! catalogue and sets the locale dates and month names are shown in. For
//! Swedish it also loads Qt's own strings: Debian's qt_sv.qm (from
//! qt6-translations-l10n, which holds only Qt 4 era contexts) and Värn's
//! qt_sv_supplement with the Qt 6 texts Qt Quick Controls shows, such as
//! the standard dialog buttons.

#include <QString>
#include <QTranslator>

namespace varn::ui {

class Language {
 public:
  //! "sv" or "en"; anything else is Swedish.
  explicit Language(const QString& code);
  ~Language();
  Language(const Language&) = delete;
  Language& operator=(const Language&) = delete;
  [[nodiscard]] bool loaded() const { return loaded_; }

 private:
  QTranslator qt_;
  QTranslator qt_supplement_;
  QTranslator translator_;
  bool loaded_ = false;
};

}  // namespace varn::ui
