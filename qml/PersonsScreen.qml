pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// Persons and their cases; a protected person's address never shows.
Page {
    id: page
    objectName: "personsScreen"
    title: scope.currentIndex === 0 ? qsTr("Mina ärenden") : qsTr("Personer och ärenden")

    PersonListModel {
        id: persons
        search: searchField.text
        mineOnly: scope.currentIndex === 0
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        // A worker's own cases and the ones nobody is responsible for yet;
        // the unit's are a tap away (reading one is logged and reviewed).
        TabBar {
            id: scope
            objectName: "caseScope"
            Layout.fillWidth: true
            TabButton {
                objectName: "mineTab"
                implicitHeight: 48
                text: qsTr("Mina ärenden")
            }
            TabButton {
                objectName: "unitTab"
                implicitHeight: 48
                text: qsTr("Alla i enheten")
            }
        }

        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: searchField
                Layout.fillWidth: true
                placeholderText: qsTr("Sök namn")
            }
            Button {
                objectName: "addPersonButton"
                text: qsTr("Ny person")
                highlighted: true
                onClicked: addDialog.open()
            }
        }

        ListView {
            objectName: "personList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: persons
            delegate: ItemDelegate {
                id: person
                required property string personId
                required property string name
                required property string protectionLabel
                required property bool isProtected
                required property string address
                required property string caseId
                required property string responsible
                width: ListView.view.width
                height: 92
                contentItem: ColumnLayout {
                    spacing: 2
                    Label {
                        text: person.name
                        font.pixelSize: 20
                    }
                    Label {
                        text: person.isProtected ? person.protectionLabel
                                                 : (person.address.length > 0 ? person.address : qsTr("Ingen adress"))
                        color: person.isProtected ? Theme.error : Theme.muted
                    }
                    Label {
                        objectName: "responsibleLabel"
                        visible: person.caseId.length > 0
                        text: person.responsible.length > 0 ? qsTr("Ansvarig: %1").arg(person.responsible)
                                                            : qsTr("Ingen ansvarig")
                        color: Theme.muted
                    }
                }
                onClicked: {
                    var caseId = Records.ensureCase(person.personId)
                    if (caseId.length > 0)
                        page.StackView.view.push(Qt.resolvedUrl("PersonCaseScreen.qml"), { caseId: caseId })
                }
            }
        }
        ErrorNote {
            text: Records.lastError
            detail: Records.lastErrorDetail
        }
    }

    Dialog {
        id: addDialog
        objectName: "addPersonDialog"
        title: qsTr("Ny person")
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 560)
        footer: DialogButtonBox {
            Button {
                objectName: "confirmAddPerson"
                text: qsTr("Lägg till")
                implicitHeight: Theme.touch
                enabled: nameField.text.trim().length > 0
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                text: qsTr("Avbryt")
                implicitHeight: Theme.touch
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }

        ColumnLayout {
            anchors.fill: parent
            spacing: 8
            Label { text: qsTr("Namn") }
            TextField { id: nameField; objectName: "personName"; Layout.fillWidth: true; placeholderText: qsTr("För- och efternamn") }
            Label { text: qsTr("Personnummer") }
            TextField { id: idField; Layout.fillWidth: true; placeholderText: qsTr("ÅÅÅÅMMDD-NNNN") }
            Label { text: qsTr("Skydd av personuppgifter") }
            ComboBox {
                objectName: "protectionBox"
                Accessible.name: qsTr("Skydd av personuppgifter")
                id: protectionBox
                Layout.fillWidth: true
                model: Records.protectionLevels
                displayText: Records.label(currentText)
                delegate: ItemDelegate {
                    id: option
                    required property string modelData
                    width: ListView.view.width
                    text: Records.label(option.modelData)
                }
            }
            // A protected address is not even asked for.
            Label { text: qsTr("Adress"); visible: addressField.visible }
            TextField {
                id: addressField
                Layout.fillWidth: true
                visible: !Records.isProtected(protectionBox.currentText)
                placeholderText: qsTr("Adress")
            }
        }
        onAccepted: {
            var id = Records.addPerson(nameField.text, idField.text, protectionBox.currentText,
                                       addressField.visible ? addressField.text : "")
            if (id.length > 0) {
                var caseId = Records.ensureCase(id)
                nameField.text = ""; idField.text = ""; addressField.text = ""
                if (caseId.length > 0)
                    page.StackView.view.push(Qt.resolvedUrl("PersonCaseScreen.qml"), { caseId: caseId })
            }
        }
    }
}
