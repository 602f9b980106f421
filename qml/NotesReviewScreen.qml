pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// The reviewer's queue: notes filtered by author, case, dates, unsigned and
// not yet reviewed. Opening a note signs it off or adds an addendum;
// "Ärendets historik" shows the whole case.
Page {
    id: page
    objectName: "notesReviewScreen"
    title: qsTr("Granskning")

    NoteListModel {
        id: notes
        objectName: "reviewNotes"
        onlyUnreviewed: unreviewedBox.checked
        onlyUnsigned: unsignedBox.checked
        author: mineBox.checked ? "me" : ""
        caseId: caseField.text
        fromDay: fromField.text
        toDay: toField.text
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 8

        Flow {
            Layout.fillWidth: true
            spacing: 8
            CheckBox { id: unreviewedBox; objectName: "unreviewedFilter"; text: qsTr("Ej granskade"); checked: true }
            CheckBox { id: unsignedBox; objectName: "unsignedFilter"; text: qsTr("Osignerade") }
            CheckBox { id: mineBox; text: qsTr("Mina") }
            TextField { id: caseField; width: 220; placeholderText: qsTr("Ärende-id") }
            TextField { id: fromField; width: 210; placeholderText: qsTr("Från ÅÅÅÅ-MM-DD") }
            TextField { id: toField; width: 210; placeholderText: qsTr("Till ÅÅÅÅ-MM-DD") }
        }
        Label {
            visible: notes.count === 0
            text: qsTr("Inga anteckningar matchar.")
            color: Theme.muted
        }
        ListView {
            objectName: "reviewList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: notes
            delegate: NoteRow {
                id: noteRow
                width: ListView.view.width
                onClicked: page.StackView.view.push(Qt.resolvedUrl("NoteEditorScreen.qml"), { noteId: noteRow.noteId })
                onPressAndHold: page.StackView.view.push(Qt.resolvedUrl("PersonCaseScreen.qml"), { caseId: noteRow.caseId })
            }
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Tryck för att granska en anteckning, håll inne för ärendets historik.")
            color: Theme.muted
        }
    }
}
