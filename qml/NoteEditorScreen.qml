pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// A note from draft to signed. A signed note never changes: it only takes
// addenda (correction, addition, the client's objection). A reviewer signs off.
Page {
    id: page
    objectName: "noteEditorScreen"
    property string noteId
    property string visitId
    readonly property bool isNew: noteId.length === 0
    readonly property bool editable: isNew || note.editable
    title: isNew ? qsTr("Ny anteckning") : note.isSigned ? qsTr("Signerad anteckning") : qsTr("Utkast")

    NoteDetails {
        id: note
        noteId: page.noteId
        onChanged: if (!body.activeFocus || !page.editable) body.text = note.body
    }

    function saveDraft() {
        if (!page.editable || body.text.length === 0)
            return true
        if (page.isNew) {
            var id = Records.addNote(page.visitId, body.text)
            if (id.length > 0)
                page.noteId = id
            return id.length > 0
        }
        return body.text === note.body || Records.editNote(page.noteId, body.text)
    }

    // Whatever is typed is kept as a draft before the store locks (idle, quick-hide).
    Connections {
        target: Session
        function onLocking() { page.saveDraft() }
    }

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
                visible: !page.isNew
                text: qsTr("Skriven av %1, %2").arg(note.author)
                        .arg(note.isSigned ? (note.reviewed ? qsTr("signerad och granskad") : qsTr("signerad")) : qsTr("utkast"))
                color: "#5f6368"
            }
            TextArea {
                id: body
                objectName: "noteBody"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(240, contentHeight + 32)
                wrapMode: TextEdit.Wrap
                readOnly: !page.editable
                font.pixelSize: 18
                placeholderText: qsTr("Skriv anteckningen här")
                background: Rectangle {
                    color: body.readOnly ? "#f1f3f4" : "white"
                    border.color: "#dadce0"
                    radius: 6
                }
            }
            Flow {
                Layout.fillWidth: true
                spacing: 8
                visible: page.editable
                Button {
                    objectName: "saveDraftButton"
                    text: qsTr("Spara utkast")
                    onClicked: page.saveDraft()
                }
                Button {
                    objectName: "signButton"
                    text: qsTr("Signera")
                    highlighted: true
                    enabled: body.text.length > 0
                    onClicked: signDialog.open()
                }
                Button {
                    visible: !page.isNew
                    text: qsTr("Ta bort utkast")
                    onClicked: if (Records.deleteDraft(page.noteId)) page.StackView.view.pop()
                }
            }
            Button {
                objectName: "signOffButton"
                visible: note.isSigned && !note.reviewed && Session.mayUse("review")
                text: qsTr("Granska och godkänn")
                onClicked: Records.signOff(page.noteId)
            }
            Label {
                visible: Records.lastError.length > 0
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: Records.lastError
                color: "#b3261e"
            }

            Label {
                visible: note.isSigned
                text: qsTr("Tillägg")
                font.pixelSize: 22
            }
            Repeater {
                model: note.addenda
                delegate: Frame {
                    id: addendum
                    required property var modelData
                    Layout.fillWidth: true
                    ColumnLayout {
                        width: parent.width
                        Label {
                            text: "%1 · %2 · %3".arg(addendum.modelData.kindLabel).arg(addendum.modelData.author)
                                    .arg(Qt.formatDateTime(addendum.modelData.writtenAt, "yyyy-MM-dd HH:mm"))
                            color: "#5f6368"
                        }
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: addendum.modelData.text
                        }
                    }
                }
            }
            ColumnLayout {
                visible: note.isSigned
                Layout.fillWidth: true
                ComboBox {
                    id: addendumKind
                    Layout.fillWidth: true
                    model: Records.addendumKinds
                    displayText: Records.label(currentText)
                    delegate: ItemDelegate {
                        id: option
                        required property string modelData
                        width: ListView.view.width
                        text: Records.label(option.modelData)
                    }
                }
                TextArea {
                    id: addendumText
                    objectName: "addendumText"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 120
                    wrapMode: TextEdit.Wrap
                    placeholderText: qsTr("Text till tillägget")
                    background: Rectangle { color: "white"; border.color: "#bdc1c6"; radius: 6 }
                }
                Button {
                    objectName: "addAddendumButton"
                    text: qsTr("Lägg till")
                    enabled: addendumText.text.length > 0
                    onClicked: {
                        if (Records.addAddendum(page.noteId, addendumKind.currentText, addendumText.text).length > 0)
                            addendumText.text = ""
                    }
                }
            }
        }
    }

    Dialog {
        id: signDialog
        title: qsTr("Signera anteckningen?")
        modal: true
        anchors.centerIn: parent
        standardButtons: Dialog.Yes | Dialog.No
        Label {
            width: Math.min(page.width - 96, 480)
            wrapMode: Text.Wrap
            text: qsTr("En signerad anteckning kan inte ändras. Rättelser görs som tillägg.")
        }
        onAccepted: if (page.saveDraft()) Records.signNote(page.noteId)
    }
}
