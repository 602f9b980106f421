pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// The admin's staff: each person with their tablets, the casework they hold
// besides administration (an admin's tablet shows case content only then),
// and offboarding in one step.
Page {
    id: page
    objectName: "staffScreen"
    title: qsTr("Personal")
    property var people: Admin.staff()

    function reload() { people = Admin.staff() }
    Connections {
        target: Session
        function onRecordsChanged() { page.reload() }
    }
    Connections {
        target: Admin
        function onChanged() { if (!Admin.busy) page.reload() }
    }

    header: Label {
        objectName: "staffMessage"
        visible: Admin.message.length > 0 || Admin.busy || Admin.lastError.length > 0
        padding: Theme.margin
        wrapMode: Text.Wrap
        text: Admin.busy ? qsTr("Arbetar…") : (Admin.lastError.length > 0 ? Admin.lastError : Admin.message)
        color: Admin.lastError.length > 0 ? Theme.error : Theme.good
        background: Rectangle { color: Theme.bar }
    }

    ListView {
        objectName: "staffList"
        anchors.fill: parent
        anchors.margins: 16
        clip: true
        spacing: 8
        model: page.people
        delegate: ColumnLayout {
            id: person
            required property var modelData
            width: ListView.view.width
            spacing: 0
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                font.pixelSize: 18
                text: person.modelData.label
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.muted
                text: qsTr("%n surfplattor", "", person.modelData.devices)
            }
            Flow {
                Layout.fillWidth: true
                spacing: 8
                CheckBox {
                    objectName: "caseworkWorker"
                    text: qsTr("Handlägger ärenden")
                    checked: person.modelData.worker
                    onToggled: Admin.setCasework(person.modelData.staffId, checked, person.modelData.reviewer)
                }
                CheckBox {
                    objectName: "caseworkReviewer"
                    text: qsTr("Granskar")
                    checked: person.modelData.reviewer
                    onToggled: Admin.setCasework(person.modelData.staffId, person.modelData.worker, checked)
                }
                Button {
                    objectName: "offboardButton"
                    visible: person.modelData.devices > 0
                    enabled: !Admin.busy
                    text: qsTr("Avsluta")
                    onClicked: {
                        offboardDialog.staffId = person.modelData.staffId
                        offboardDialog.name = person.modelData.label
                        offboardDialog.devices = person.modelData.devices
                        offboardDialog.open()
                    }
                }
            }
        }
    }

    ConfirmDialog {
        id: offboardDialog
        property string staffId
        property string name
        property int devices
        title: qsTr("Avsluta %1?").arg(offboardDialog.name)
        acceptText: qsTr("Avsluta och spärra")
        acceptName: "confirmOffboardButton"
        message: qsTr("Alla hens %n surfplattor spärras och raderar allt vid nästa kontakt. Enhetens nyckel byts. Det hen har skrivit står kvar med hens namn.", "", offboardDialog.devices)
        onAccepted: Admin.offboard(staffId)
    }
}
