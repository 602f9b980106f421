import QtQuick
import QtTest
import Varn
import Varn.Core

// A draft can be edited; a signed note cannot, it only takes addenda.
Item {
    id: root
    width: 1024
    height: 768

    property string visitId

    Loader {
        id: loader
        anchors.fill: parent
    }

    TestCase {
        name: "NoteEditor"
        when: windowShown

        function initTestCase() {
            if (!Session.storeExists)
                verify(Session.createStore("correct horse battery", "correct horse battery"))
            else if (!Session.unlocked)
                verify(Session.unlock("correct horse battery"))
            tryVerify(function() { return Session.unlocked }, 30000)  // both return before the key is derived
            var caseId = Records.ensureCase(Records.addPerson("Frida", "", "none", ""))
            root.visitId = Records.recordVisit({ caseId: caseId, kind: "office", partnerPresent: "no" })
            verify(root.visitId.length > 0)
        }

        function open(noteId) {
            loader.setSource("qrc:/qt/qml/Varn/NoteEditorScreen.qml", { noteId: noteId, visitId: root.visitId })
            verify(loader.item)
            waitForRendering(loader.item)
            return loader.item
        }

        function test_draft_is_editable() {
            var screen = open(Records.addNote(root.visitId, "Utkast"))
            var body = findChild(screen, "noteBody")
            compare(body.text, "Utkast")
            verify(!body.readOnly)
            verify(findChild(screen, "signButton").visible)
        }

        function test_signed_note_is_not_editable() {
            var noteId = Records.addNote(root.visitId, "Signerad text")
            verify(Records.signNote(noteId))
            var screen = open(noteId)
            var body = findChild(screen, "noteBody")
            compare(body.text, "Signerad text")
            verify(body.readOnly)
            verify(!findChild(screen, "saveDraftButton").visible)
            verify(!findChild(screen, "signButton").visible)
            mouseClick(body)
            keyClick("Q")
            compare(body.text, "Signerad text")
            verify(findChild(screen, "addendumText").visible)
        }

        function test_new_note_saves_then_signs() {
            var screen = open("")
            var body = findChild(screen, "noteBody")
            verify(!body.readOnly)
            body.text = "Ny anteckning"
            mouseClick(findChild(screen, "saveDraftButton"))
            verify(screen.noteId.length > 0)
            verify(Records.signNote(screen.noteId))
            tryVerify(function() { return body.readOnly }, 5000)
        }
    }
}
