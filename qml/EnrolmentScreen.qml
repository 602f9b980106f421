import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// Joins the unit's server. A waiting device shows its code, fingerprint and
// QR code until the admin approves; the first admin device uses the unit code.
Page {
    id: page
    objectName: "enrolmentScreen"
    title: qsTr("Anslutning")

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 32
        clip: true

        ColumnLayout {
            id: column
            x: 16
            y: 16
            width: page.width - 32
            spacing: 12

            Label {
                text: Enrolment.status === "active" ? qsTr("Surfplattan är ansluten")
                    : Enrolment.status === "pending" ? qsTr("Väntar på godkännande")
                    : qsTr("Anslut surfplattan")
                font.pixelSize: 28
            }

            ColumnLayout {
                visible: Enrolment.status === "" || Enrolment.status === "revoked"
                Layout.fillWidth: true
                spacing: 8
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: qsTr("Adressen som administratören ger dig, till exempel https://server:8443/16d01a95")
                    color: Theme.muted
                }
                TextField {
                    id: serverField
                    objectName: "serverField"
                    Layout.fillWidth: true
                    text: Enrolment.serverUrl
                    placeholderText: "https://server:8443/16d01a95"
                    inputMethodHints: Qt.ImhUrlCharactersOnly
                }
                TextField {
                    id: unitCodeField
                    Layout.fillWidth: true
                    placeholderText: qsTr("Enhetskod (bara för enhetens första administratör)")
                }
                RowLayout {
                    Button {
                        objectName: "enrolButton"
                        highlighted: true
                        enabled: !Enrolment.busy && serverField.text.length > 0
                        text: Enrolment.busy ? qsTr("Ansluter…") : qsTr("Anslut")
                        onClicked: Enrolment.enrol(serverField.text, unitCodeField.text)
                    }
                    Button {
                        objectName: "skipEnrolButton"
                        flat: true
                        text: qsTr("Fortsätt utan server")
                        onClicked: page.StackView.view.replace(Qt.resolvedUrl("TodayScreen.qml"))
                    }
                }
            }

            GridLayout {
                visible: Enrolment.status === "pending"
                columns: page.width > page.height ? 2 : 1
                columnSpacing: 24
                QrCode {
                    objectName: "enrolQr"
                    text: Enrolment.qrText
                    Layout.preferredWidth: 280
                    Layout.preferredHeight: 280
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 8
                    Label { text: qsTr("Kod"); color: Theme.muted }
                    Label { objectName: "enrolCode"; text: Enrolment.code; font.pixelSize: 30; font.family: "monospace" }
                    Label { text: qsTr("Fingeravtryck"); color: Theme.muted }
                    Label {
                        objectName: "enrolFingerprint"
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        text: Enrolment.fingerprint
                        font.pixelSize: 24
                        font.family: "monospace"
                    }
                    Label { text: qsTr("Parkopplingskod"); color: Theme.muted }
                    Label {
                        objectName: "enrolPairing"
                        text: Enrolment.pairing
                        font.pixelSize: 24
                        font.family: "monospace"
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        text: qsTr("Läs fingeravtrycket högt för administratören, som jämför det innan surfplattan godkänns. Visa parkopplingskoden bara för administratören, här på skärmen eller som QR-kod; skicka den aldrig.")
                    }
                    Button {
                        text: qsTr("Har administratören godkänt?")
                        onClicked: Enrolment.checkApproval()
                    }
                }
            }

            Label {
                visible: Enrolment.status === "active"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Server: %1. Roll: %2.").arg(Enrolment.serverUrl).arg(Records.label(Session.role))
            }
            Label {
                visible: Enrolment.status === "active" && Enrolment.safetyCode.length > 0
                objectName: "enrolSafetyCode"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Enhetens säkerhetskod: %1. Administratörens skärm visar samma kod; stämmer den inte, kontakta administratören innan du skriver något.").arg(Enrolment.safetyCode)
            }
            // Shown once, on the unit's first admin device: the server never has it.
            ColumnLayout {
                visible: Enrolment.recoveryCode.length > 0
                objectName: "recoveryCodeBox"
                Layout.fillWidth: true
                spacing: 8
                Label { text: qsTr("Enhetens återställningskod"); font.pixelSize: 22 }
                Label {
                    objectName: "recoveryCode"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: Enrolment.recoveryCode
                    font.pixelSize: 26
                    font.family: "monospace"
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: qsTr("Skriv ner koden på papper nu och förvara den i ett kassaskåp: den visas bara den här gången. Med den kan en ny administratörsenhet anslutas om alla administratörsenheter försvinner, och den som har koden kan ansluta en administratörsenhet till enheten.")
                }
                Button {
                    objectName: "recoveryCodeWritten"
                    text: qsTr("Jag har skrivit ner koden")
                    onClicked: Enrolment.forgetRecoveryCode()
                }
            }
            ErrorNote {
                text: Enrolment.lastError
                detail: Enrolment.lastErrorDetail
            }
        }
    }
}
