import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

Page {
    id: root
    objectName: "lockScreen"

    // Returns at once: the key is derived off the GUI thread while Session.busy.
    function tryUnlock() {
        Session.unlock(passphrase.text)
        passphrase.text = ""
    }

    Connections {
        target: Session
        function onOpenFinished(ok) {
            if (!ok) passphrase.forceActiveFocus()
        }
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(root.width - 48, 440)
        spacing: 16

        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Värn är låst")
            font.pixelSize: 30
        }
        TextField {
            id: passphrase
            objectName: "passphraseField"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: qsTr("Lösenfras")
            font.pixelSize: 20
            focus: true
            enabled: !Session.busy
            onAccepted: root.tryUnlock()
        }
        Label {
            objectName: "readsLoggedNotice"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Allt du läser i ärenden loggas med ditt namn, och enhetens chef granskar loggen varje månad.")
            color: Theme.muted
        }
        Label {
            objectName: "lockError"
            Layout.fillWidth: true
            visible: text.length > 0
            text: Session.lastError
            color: Theme.error
            wrapMode: Text.Wrap
            font.pixelSize: 18
        }
        Button {
            objectName: "unlockButton"
            Layout.fillWidth: true
            Layout.preferredHeight: 56
            highlighted: true
            text: qsTr("Lås upp")
            font.pixelSize: 18
            enabled: !Session.busy
            onClicked: root.tryUnlock()
        }
        BusyIndicator {
            objectName: "unlockBusy"
            Layout.alignment: Qt.AlignHCenter
            running: Session.busy
        }
    }

    // Panic delete, out of the way of the unlock button.
    Button {
        objectName: "panicButton"
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        implicitHeight: Theme.touch
        flat: true
        text: qsTr("Radera allt på surfplattan")
        onClicked: panic.open()
    }
    PanicDialog { id: panic }
}
