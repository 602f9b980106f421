pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// The reviewer's queue: notes filtered by who wrote them, whom they are
// about, dates (picked, never typed), unsigned and not yet reviewed. Each
// row names the person; a tap opens the note to sign off or add to, and
// "Ärendets historik" opens the whole case.
Page {
    id: page
    objectName: "notesReviewScreen"
    title: qsTr("Granskning")

    NoteListModel {
        id: notes
        objectName: "reviewNotes"
        onlyUnreviewed: unreviewedBox.checked
        onlyUnsigned: unsignedBox.checked
        onlyStale: staleBox.checked
        author: authorBox.currentIndex > 0 ? authorBox.currentValue : ""
        caseId: personBox.currentIndex > 0 ? Records.caseOfPerson(personBox.currentValue) : ""
        fromDay: fromField.day
        toDay: toField.day
    }
    PersonListModel { id: persons }

    // "All" first, then the unit's persons by name.
    readonly property var personChoices: {
        var out = [{ personId: "", name: qsTr("Alla personer") }]
        for (var i = 0; i < persons.count; ++i)
            out.push({ personId: persons.get(i).personId, name: persons.get(i).name })
        return out
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
            CheckBox {
                id: staleBox
                objectName: "staleFilter"
                text: qsTr("Gamla utkast")
            }
            ComboBox {
                id: authorBox
                objectName: "authorFilter"
                width: 240
                Accessible.name: qsTr("Skriven av")
                textRole: "label"
                valueRole: "author"
                model: [{ author: "", label: qsTr("Alla som skrivit") }].concat(notes.authors)
            }
            ComboBox {
                id: personBox
                objectName: "personFilter"
                width: 240
                Accessible.name: qsTr("Person")
                textRole: "name"
                valueRole: "personId"
                model: personChoices
            }
            DateField { id: fromField; objectName: "fromFilter"; label: qsTr("Från") }
            DateField { id: toField; objectName: "toFilter"; label: qsTr("Till") }
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
                objectName: "reviewNoteRow"
                width: ListView.view.width
                showCaseButton: true
                onClicked: page.StackView.view.push(Qt.resolvedUrl("NoteEditorScreen.qml"), { noteId: noteRow.noteId })
                onOpenCase: page.StackView.view.push(Qt.resolvedUrl("PersonCaseScreen.qml"), { caseId: noteRow.caseId })
            }
        }
    }
}
