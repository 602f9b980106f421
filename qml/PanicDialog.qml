import QtQuick
import QtQuick.Controls
import Varn.Core

// Panic delete: one deliberate confirmation, saying what is lost, then
// everything on this device is erased at once (Sync.panicWipe: a last sync
// first, for a few seconds, when the app is unlocked and online).
ConfirmDialog {
    objectName: "panicDialog"
    title: qsTr("Radera allt på surfplattan?")
    acceptText: qsTr("Radera allt nu")
    acceptName: "confirmPanicButton"
    message: (Session.unsyncedCount > 0
              ? qsTr("%n ändringar har inte synkats och går förlorade om de inte hinner skickas nu.", "", Session.unsyncedCount)
              : Session.unsyncedCount === 0 ? qsTr("Allt på surfplattan är synkat.")
              : qsTr("Det går inte att se om något inte har synkats."))
             + " " + qsTr("Alla anteckningar och nycklar på surfplattan raderas och kan inte återställas. Administratören ser att surfplattan har raderats av sin användare.")
    onAccepted: Sync.panicWipe()
}
