import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// Over every screen with case content once the device lease has run out:
// the tablet has not reached its server for the unit's lease, so nothing of
// the cases is shown until it has (the rule is in the core, sync/lease.hpp).
Rectangle {
    id: cover
    objectName: "leaseCover"
    color: Theme.window

    MouseArea { anchors.fill: parent }   // nothing underneath takes a tap

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 560)
        spacing: Theme.spacing
        Label {
            Layout.fillWidth: true
            text: qsTr("Ärendena visas inte")
            font.pixelSize: Theme.titleSize
            font.bold: true
            wrapMode: Text.WordWrap
        }
        Label {
            objectName: "leaseCoverText"
            Layout.fillWidth: true
            text: qsTr("Surfplattan har inte varit i kontakt med servern på minst %n dagar. Anslut till nätet och synka, så visas ärendena igen.",
                       "", Sync.leaseDays)
            font.pixelSize: Theme.bodySize
            wrapMode: Text.WordWrap
        }
        Button {
            objectName: "leaseSyncButton"
            text: qsTr("Synka nu")
            enabled: Sync.state !== SyncState.Syncing && Sync.canSync
            onClicked: Sync.syncNow()
        }
        ErrorNote {
            Layout.fillWidth: true
            text: Sync.lastError
            detail: Sync.lastErrorDetail
        }
    }
}
