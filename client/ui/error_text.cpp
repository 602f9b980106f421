#include "error_text.hpp"

#include <QCoreApplication>

#include "qt_std.hpp"

namespace varn::ui {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Errors", text); }

QString base_text(Errc code) {
  switch (code) {
    case Errc::wrong_passphrase: return tr("Fel lösenfras.");
    case Errc::not_found: return tr("Hittades inte.");
    case Errc::conflict: return tr("Det går inte: uppgiften har redan ändrats eller signerats.");
    case Errc::invalid_argument: return tr("Uppgiften är inte giltig.");
    case Errc::forbidden: return tr("Inte tillåtet.");
    case Errc::locked: return tr("Inte tillgängligt just nu.");
    case Errc::unavailable: return tr("Servern svarar inte. Ändringarna ligger kvar och skickas senare.");
    case Errc::revoked: return tr("Enheten är spärrad av administratören.");
    case Errc::rollback: return tr("Servern visar äldre uppgifter än enheten sett. Kontakta administratören.");
    case Errc::corrupt: return tr("Lagret är skadat.");
    case Errc::weak_parameters: return tr("Lösenfrasen är för svag.");
    case Errc::io_error: return tr("Kunde inte läsa eller skriva filen.");
    default: return tr("Något gick fel.");
  }
}

}  // namespace

QString user_message(const Error& error) {
  QString text = base_text(error.code);
  // These messages name the field or the id, never content or keys.
  const bool has_detail = error.code == Errc::invalid_argument || error.code == Errc::conflict ||
                          error.code == Errc::not_found || error.code == Errc::forbidden ||
                          error.code == Errc::locked;
  if (has_detail && !error.message.empty()) text += QStringLiteral(" (%1)").arg(qt::to_qstring(error.message));
  return text;
}

}  // namespace varn::ui
