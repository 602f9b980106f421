import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// First run: no store yet. Creating one leads on to enrolment.
Page {
    id: root
    objectName: "createStoreScreen"

    // Returns at once: the key is derived off the GUI thread while Session.busy.
    function create() {
        Session.createStore(first.text, second.text)
        first.text = ""
        second.text = ""
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(root.width - 48, 520)
        spacing: 16

        Label {
            Layout.fillWidth: true
            text: qsTr("Välkommen till Värn")
            font.pixelSize: 30
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Det finns inget lager på den här surfplattan. Välj en lösenfras: den låser alla anteckningar på surfplattan och kan inte återställas.")
            font.pixelSize: 18
        }
        TextField {
            id: first
            objectName: "newPassphrase"
            Layout.fillWidth: true
            enabled: !Session.busy
            echoMode: TextInput.Password
            placeholderText: qsTr("Lösenfras")
        }
        TextField {
            id: second
            objectName: "repeatPassphrase"
            Layout.fillWidth: true
            enabled: !Session.busy
            echoMode: TextInput.Password
            placeholderText: qsTr("Samma lösenfras igen")
            onAccepted: root.create()
        }
        Label {
            objectName: "createError"
            Layout.fillWidth: true
            visible: text.length > 0
            text: Session.lastError
            color: Theme.error
            wrapMode: Text.Wrap
        }
        Button {
            objectName: "createButton"
            Layout.fillWidth: true
            Layout.preferredHeight: 56
            highlighted: true
            text: qsTr("Skapa lager")
            enabled: !Session.busy
            onClicked: root.create()
        }
        BusyIndicator {
            objectName: "createBusy"
            Layout.alignment: Qt.AlignHCenter
            running: Session.busy
        }
    }
}
