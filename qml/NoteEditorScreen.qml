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

    // What is typed is kept in the store on every change (Records.keepTyped)
    // until it is saved, so no hide, lock or crash loses it; reopening the
    // note, or unlocking after a hide, brings it back.
    readonly property string slot: Records.noteSlot(noteId, visitId)
    property bool dirty: false      // the box holds text the note does not
    property bool restored: false   // that text came back from an earlier session
    property bool ready: false      // set once the kept text has been read

    NoteDetails {
        id: note
        noteId: page.noteId
        onChanged: {
            if (!page.dirty || !page.editable) body.text = note.body
            if (!page.editable) eventField.setFromIso(note.eventTime)
        }
    }

    Component.onCompleted: {
        var kept = Records.typed(page.slot)
        body.text = note.body
        if (!page.editable) {
            Records.forgetTyped(page.slot)   // signed or gone meanwhile: nothing to restore into
        } else if (kept.length > 0 && kept !== note.body) {
            body.text = kept
            page.restored = true
        }
        if (note.isSigned)
            addendumText.text = Records.typed(Records.addendumSlot(page.noteId))
        page.dirty = body.text !== note.body
        eventField.setFromIso(note.eventTime)
        page.ready = true
    }

    function bodyEdited() {
        if (!page.ready || !page.editable)
            return
        page.dirty = body.text !== note.body
        if (page.dirty)
            Records.keepTyped(page.slot, body.text)
        else
            Records.forgetTyped(page.slot)
    }

    function saveDraft() {
        if (!page.editable || body.text.length === 0)
            return true
        var typedSlot = page.slot
        var saved
        if (page.isNew) {
            var id = Records.addNote(page.visitId, body.text, eventField.value)
            if (id.length > 0)
                page.noteId = id
            saved = id.length > 0
        } else {
            saved = body.text === note.body || Records.editNote(page.noteId, body.text)
            if (saved && eventField.value.length > 0 && eventField.value !== note.eventTime.substring(0, 16))
                saved = Records.setNoteEventTime(page.noteId, eventField.value)
        }
        if (saved) {
            Records.forgetTyped(typedSlot)
            page.dirty = false
            page.restored = false
        }
        return saved
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
                objectName: "notePerson"
                visible: note.personName.length > 0
                Layout.fillWidth: true
                text: qsTr("Om %1").arg(note.personName)
                font.pixelSize: Theme.titleSize
                elide: Text.ElideRight
            }
            Label {
                visible: !page.isNew
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Skriven av %1, %2").arg(note.author)
                        .arg(note.isSigned ? (note.reviewed ? qsTr("signerad och granskad") : qsTr("signerad")) : qsTr("utkast"))
                color: Theme.muted
            }
            Label {
                objectName: "noteTimes"
                visible: !page.isNew
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Hände %1 · skriven %2").arg(note.eventTime.length > 0 ? note.eventTime.replace("T", " ").substring(0, 16) : qsTr("okänt"))
                        .arg(Qt.formatDateTime(note.writtenAt, "yyyy-MM-dd HH:mm"))
                color: Theme.muted
            }
            Label {
                objectName: "staleNotice"
                visible: note.stale
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Utkastet är äldre än enhetens gräns. Signera det eller ta bort det.")
                color: Theme.error
                font.bold: true
            }
            RowLayout {
                visible: page.editable
                Layout.fillWidth: true
                DateField {
                    id: eventField
                    objectName: "eventTimeField"
                    label: qsTr("Hände")
                    withTime: true
                }
                Label {
                    visible: page.isNew && eventField.day.length === 0
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: qsTr("Utan val: besökets planerade tid, annars nu.")
                    color: Theme.muted
                }
            }
            TextArea {
                id: body
                objectName: "noteBody"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(240, contentHeight + 32)
                wrapMode: TextEdit.Wrap
                readOnly: !page.editable
                onTextChanged: page.bodyEdited()
                font.pixelSize: 18
                placeholderText: qsTr("Skriv anteckningen här")
                background: Rectangle {
                    color: body.readOnly ? Theme.readOnlyField : Theme.field
                    border.color: Theme.line
                    radius: 6
                }
            }
            RowLayout {
                visible: page.restored
                Layout.fillWidth: true
                Label {
                    objectName: "restoredNotice"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: qsTr("Osparad text från förra gången är återställd.")
                    color: Theme.muted
                }
                Button {
                    objectName: "discardTypedButton"
                    text: qsTr("Kasta osparad text")
                    onClicked: { body.text = note.body; page.restored = false }
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
                    onClicked: if (Records.deleteDraft(page.noteId)) { Records.forgetTyped(page.slot); page.StackView.view.pop() }
                }
            }
            Button {
                objectName: "signOffButton"
                visible: note.isSigned && !note.reviewed && Session.mayUse("review")
                text: qsTr("Granska och godkänn")
                onClicked: Records.signOff(page.noteId)
            }
            ErrorNote {
                text: Records.lastError
                detail: Records.lastErrorDetail
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
                            text: "%1 · %2 · %3".arg(addendum.modelData.kindLabel).arg(qsTr("av %1").arg(addendum.modelData.author))
                                    .arg(Qt.formatDateTime(addendum.modelData.writtenAt, "yyyy-MM-dd HH:mm"))
                            color: Theme.muted
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
                    onTextChanged: if (page.ready && note.isSigned) Records.keepTyped(Records.addendumSlot(page.noteId), text)
                    background: Rectangle { color: Theme.field; border.color: Theme.fieldBorder; radius: 6 }
                }
                Button {
                    objectName: "addAddendumButton"
                    text: qsTr("Lägg till")
                    enabled: addendumText.text.length > 0
                    onClicked: {
                        if (Records.addAddendum(page.noteId, addendumKind.currentText, addendumText.text).length > 0)
                            addendumText.text = ""   // which forgets the kept text
                    }
                }
            }
        }
    }

    ConfirmDialog {
        id: signDialog
        title: qsTr("Signera anteckningen?")
        acceptText: qsTr("Signera")
        acceptName: "confirmSignButton"
        message: (note.personName.length > 0 ? qsTr("Anteckningen om %1.").arg(note.personName) + " " : "")
                 + qsTr("En signerad anteckning kan inte ändras eller tas bort; rättelser görs som tillägg.")
        onAccepted: if (page.saveDraft()) Records.signNote(page.noteId)
    }
}
