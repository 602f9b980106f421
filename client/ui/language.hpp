#pragma once
//! The app's language: Swedish unless English is asked for. Loads Värn's own
//! catalogue and sets the locale dates and month names are shown in. Qt's
//! own strings are not relied on: Debian 12's qt6-translations-l10n holds
//! only an old qt_sv.qm without Qt 6's dialog-button texts, so every dialog
//! names its buttons itself (ConfirmDialog.qml).

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
  QTranslator translator_;
  bool loaded_ = false;
};

}  // namespace varn::ui
