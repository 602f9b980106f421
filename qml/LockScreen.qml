import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

Page {
    id: root
    objectName: "lockScreen"

    function tryUnlock() {
        Session.unlock(passphrase.text)
        passphrase.text = ""
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
            onAccepted: root.tryUnlock()
        }
        Label {
            objectName: "lockError"
            Layout.fillWidth: true
            visible: text.length > 0
            text: Session.lastError
            color: "#b3261e"
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
            onClicked: root.tryUnlock()
        }
    }
}
