#include "error_text.hpp"

#include <QCoreApplication>

#include "qt_std.hpp"

namespace varn::ui {
namespace {

QString base_text(Errc code) {
  switch (code) {
    case Errc::wrong_passphrase: return QCoreApplication::translate("Errors", "Fel lösenfras.");
    case Errc::not_found: return QCoreApplication::translate("Errors", "Hittades inte.");
    case Errc::conflict: return QCoreApplication::translate("Errors", "Det går inte: uppgiften har redan ändrats eller signerats.");
    case Errc::invalid_argument: return QCoreApplication::translate("Errors", "Uppgiften är inte giltig.");
    case Errc::forbidden: return QCoreApplication::translate("Errors", "Inte tillåtet.");
    case Errc::locked: return QCoreApplication::translate("Errors", "Inte tillgängligt just nu.");
    case Errc::unavailable: return QCoreApplication::translate("Errors", "Servern svarar inte. Ändringarna ligger kvar och skickas senare.");
    case Errc::server_full:
      return QCoreApplication::translate(
          "Errors", "Servern tar inte emot fler ändringar just nu. De ligger kvar här och skickas senare; kontakta administratören.");
    case Errc::revoked: return QCoreApplication::translate("Errors", "Surfplattan är spärrad av administratören.");
    case Errc::rollback: return QCoreApplication::translate("Errors", "Servern visar äldre uppgifter än surfplattan har sett. Kontakta administratören.");
    case Errc::corrupt: return QCoreApplication::translate("Errors", "Lagret är skadat.");
    case Errc::weak_parameters: return QCoreApplication::translate("Errors", "Lösenfrasen är för svag.");
    case Errc::io_error: return QCoreApplication::translate("Errors", "Kunde inte läsa eller skriva filen.");
    default: return QCoreApplication::translate("Errors", "Något gick fel.");
  }
}

}  // namespace

QString user_message(const Error& error) { return base_text(error.code); }

QString error_detail(const Error& error) {
  // These messages name the field or the id, never content or keys.
  const bool has_detail = error.code == Errc::invalid_argument || error.code == Errc::conflict ||
                          error.code == Errc::not_found || error.code == Errc::forbidden ||
                          error.code == Errc::locked;
  return has_detail ? qt::to_qstring(error.message) : QString();
}

}  // namespace varn::ui
