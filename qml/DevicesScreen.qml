pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// The admin's devices: last contact, approve a waiting device after
// comparing its fingerprint aloud, revoke (rotates the key), rotate.
Page {
    id: page
    objectName: "devicesScreen"
    title: qsTr("Surfplattor")

    DeviceListModel { id: devices }
    Component.onCompleted: Admin.refreshDevices()

    // What the last action did, above both columns so it shows in portrait too.
    header: Label {
        objectName: "adminMessage"
        visible: Admin.message.length > 0 || Admin.busy
        padding: Theme.margin
        wrapMode: Text.Wrap
        text: Admin.busy ? qsTr("Arbetar…") : Admin.message
        color: Theme.good
        background: Rectangle { color: Theme.bar }
    }

    GridLayout {
        anchors.fill: parent
        anchors.margins: 16
        columns: page.width > page.height ? 2 : 1
        columnSpacing: 16
        rowSpacing: 12

        // Equal preferred widths: the columns share the width evenly instead of
        // by the approval text's unwrapped length.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            RowLayout {
                Label {
                    text: qsTr("Enhetens surfplattor")
                    font.pixelSize: 22
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Button { text: qsTr("Uppdatera"); enabled: !Admin.busy; onClicked: Admin.refreshDevices() }
            }
            Label {
                visible: devices.count === 0
                text: Admin.busy ? qsTr("Hämtar…") : qsTr("Inga surfplattor hämtade.")
                color: Theme.muted
            }
            ListView {
                objectName: "deviceList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: devices
                // Rows are the server's answer as it came: any role may be missing, so none is typed.
                delegate: ItemDelegate {
                    id: device
                    required property var deviceId
                    required property var roleLabel
                    required property var status
                    required property var statusLabel
                    required property var lastSeen
                    required property var fingerprint
                    required property var isMe
                    required property var wipeConfirmed
                    required property var personName
                    width: ListView.view.width
                    implicitHeight: deviceRow.implicitHeight + 16
                    contentItem: RowLayout {
                        id: deviceRow
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                                text: (device.isMe ? qsTr("Den här surfplattan") : device.deviceId.substring(0, 8))
                                      + (device.personName ? " · " + device.personName : "")
                                      + " · " + device.roleLabel
                                font.pixelSize: 18
                            }
                            Label {
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                                text: device.statusLabel + " · " + (isNaN(device.lastSeen) ? qsTr("aldrig sedd")
                                      : qsTr("senast sedd %1").arg(Qt.formatDateTime(device.lastSeen, "yyyy-MM-dd HH:mm")))
                                      + (!device.wipeConfirmed ? "" : device.status === "revoked" ? " · " + qsTr("radering bekräftad")
                                         : " · " + qsTr("raderad av sin användare, spärra den"))
                                color: device.status === "revoked" ? Theme.error : Theme.muted
                            }
                            Label {
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                                text: device.fingerprint
                                font.family: "monospace"
                                color: Theme.muted
                            }
                        }
                        Button {
                            objectName: "revoke_" + device.deviceId.substring(0, 8)
                            visible: device.status === "active" && !device.isMe
                            text: qsTr("Spärra")
                            onClicked: {
                                revokeDialog.deviceId = device.deviceId
                                revokeDialog.deviceName = device.deviceId.substring(0, 8)
                                        + (device.personName ? ", " + device.personName : "")
                                revokeDialog.roleLabel = device.roleLabel
                                revokeDialog.fingerprint = device.fingerprint
                                revokeDialog.open()
                            }
                        }
                    }
                }
            }
            Button {
                text: qsTr("Byt enhetens nyckel")
                enabled: !Admin.busy
                onClicked: Admin.rotate()
            }
        }

        // The approval form scrolls: the waiting list above it can grow.
        Flickable {
            objectName: "approvePanel"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            // In portrait the device list above it must not take all the height.
            Layout.minimumHeight: Math.min(approveFrame.implicitHeight, page.height / 2)
            contentHeight: approveFrame.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            Frame {
                id: approveFrame
                width: parent.width
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 8
                    Label { text: qsTr("Godkänn en ny surfplatta"); font.pixelSize: 22 }
                    Label {
                        objectName: "joinAddress"
                        visible: Admin.joinAddress.length > 0
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        text: qsTr("Den nya surfplattan ansluter med adressen %1").arg(Admin.joinAddress)
                    }
                    Label {
                        text: Admin.waiting.length > 0 ? qsTr("Väntar på godkännande") : qsTr("Ingen surfplatta väntar.")
                        color: Theme.muted
                    }
                    Repeater {
                        model: Admin.waiting
                        delegate: RowLayout {
                            id: waitingRow
                            required property var modelData
                            Layout.fillWidth: true
                            Label {
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                                text: qsTr("Kod %1 · begärd %2").arg(waitingRow.modelData.code)
                                      .arg(Qt.formatDateTime(waitingRow.modelData.requestedAt, "yyyy-MM-dd HH:mm"))
                                font.family: "monospace"
                            }
                            Button {
                                objectName: "pick_" + waitingRow.modelData.code
                                text: qsTr("Välj")
                                onClicked: { codeField.text = waitingRow.modelData.code; fingerprintField.forceActiveFocus() }
                            }
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        text: qsTr("Skriv koden från den nya surfplattan. Läs sedan fingeravtrycket högt tillsammans och skriv det här: godkänn bara om varje siffra stämmer. Skriv till sist parkopplingskoden som den nya surfplattan visar; den skickas aldrig till servern.")
                    }
                    TextField { id: codeField; objectName: "approveCode"; Layout.fillWidth: true; placeholderText: qsTr("Kod") }
                    TextField {
                        id: fingerprintField
                        objectName: "approveFingerprint"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Fingeravtryck (30 siffror)")
                        inputMethodHints: Qt.ImhDigitsOnly
                    }
                    TextField {
                        id: pairingField
                        objectName: "approvePairing"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Parkopplingskod (18 tecken)")
                        inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText
                    }
                    TextField {
                        id: staffNameField
                        objectName: "approveStaffName"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Vems surfplatta: namn")
                    }
                    TextField {
                        id: staffTitleField
                        objectName: "approveStaffTitle"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Titel (t.ex. socialsekreterare)")
                    }
                    ComboBox {
                        id: roleBox
                        Layout.fillWidth: true
                        model: Admin.roles
                        displayText: Records.label(currentText)
                        delegate: ItemDelegate {
                            id: option
                            required property string modelData
                            width: ListView.view.width
                            text: Records.label(option.modelData)
                        }
                    }
                    Button {
                        objectName: "approveButton"
                        Layout.fillWidth: true
                        highlighted: true
                        enabled: !Admin.busy && codeField.text.length > 0 && fingerprintField.text.length > 0
                                 && pairingField.text.length > 0
                        text: qsTr("Godkänn")
                        onClicked: Admin.approve(codeField.text, fingerprintField.text, pairingField.text, roleBox.currentText,
                                                 staffNameField.text, staffTitleField.text)
                    }
                    Label {
                        objectName: "adminSafetyCode"
                        visible: Enrolment.safetyCode.length > 0
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        text: qsTr("Säkerhetskod: %1. Den nya surfplattan ska visa samma kod när den har synkat.").arg(Enrolment.safetyCode)
                    }
                    ErrorNote {
                        text: Admin.lastError
                        detail: Admin.lastErrorDetail
                    }
                }
            }
        }
    }

    ConfirmDialog {
        id: revokeDialog
        property string deviceId
        property string deviceName
        property string roleLabel
        property string fingerprint
        title: qsTr("Spärra surfplattan?")
        acceptText: qsTr("Spärra")
        acceptName: "confirmRevokeButton"
        message: qsTr("Surfplatta %1 (%2), fingeravtryck %3.").arg(revokeDialog.deviceName).arg(revokeDialog.roleLabel)
                     .arg(revokeDialog.fingerprint)
                 + " " + qsTr("Den kan inte längre synka och raderar allt vid nästa kontakt. Enhetens nyckel byts. Det går inte att ångra: en spärrad surfplatta måste anslutas på nytt.")
        onAccepted: Admin.revoke(deviceId)
    }
}
