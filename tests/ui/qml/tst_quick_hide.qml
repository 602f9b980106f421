import QtQuick
import QtTest
import Varn
import Varn.Core

// Quick-hide: one tap on the always-present button hides all content.
TestCase {
    id: test
    name: "QuickHide"
    when: windowShown

    property var window: null

    function initTestCase() {
        if (!Session.storeExists)
            verify(Session.createStore("correct horse battery", "correct horse battery"))
        else if (!Session.unlocked)
            verify(Session.unlock("correct horse battery"))
        tryVerify(function() { return Session.unlocked }, 30000)  // both return before the key is derived
        verify(TestHooks.actAs("worker"))   // a worker's approved tablet: field work is on
        var personId = Records.addPerson("Dold Person", "", "none", "Synlig gatan 1")
        verify(personId.length > 0)
        var component = Qt.createComponent("qrc:/qt/qml/Varn/Main.qml")
        compare(component.status, Component.Ready, component.errorString())
        window = component.createObject(null)
        verify(window)
        waitForRendering(window.contentItem)
    }

    function cleanupTestCase() {
        if (window) window.destroy()
    }

    function byName(item, name) {
        if (!item) return null
        if (item.objectName === name) return item
        for (var i = 0; i < item.children.length; ++i) {
            var found = byName(item.children[i], name)
            if (found) return found
        }
        return null
    }

    function texts(item, out) {
        if (!item || !item.visible) return out
        if (item.text !== undefined && typeof item.text === "string" && item.text.length > 0) out.push(item.text)
        for (var i = 0; i < item.children.length; ++i) texts(item.children[i], out)
        return out
    }

    function test_one_tap_hides_everything() {
        var shell = byName(window.contentItem, "appShell")
        verify(shell, "the app shell shows while unlocked")
        shell.go("PersonsScreen.qml")
        tryVerify(function() { return texts(window.contentItem, []).indexOf("Dold Person") >= 0 }, 5000)

        var button = byName(window.contentItem, "quickHideButton")
        verify(button.visible)
        mouseClick(button)

        verify(Session.hidden)
        verify(!Session.unlocked)
        tryVerify(function() { return byName(window.contentItem, "neutralScreen") !== null }, 5000)
        compare(byName(window.contentItem, "appShell"), null)
        verify(!button.visible)
        var shown = texts(window.contentItem, [])
        verify(shown.indexOf("Dold Person") < 0, "no content left on screen: " + shown)
        verify(shown.join(" ").indexOf("Synlig") < 0)

        Session.leaveHidden()
        tryVerify(function() { return byName(window.contentItem, "lockScreen") !== null }, 5000)
    }

    function unlockAgain() {
        if (!Session.unlocked) {
            verify(Session.unlock("correct horse battery"))
            tryVerify(function() { return Session.unlocked }, 30000)
        }
        tryVerify(function() { return byName(window.contentItem, "appShell") !== null }, 5000)
    }

    // The partner walks in mid-sentence: what was typed and not saved is
    // kept, and the editor is back with it after the next unlock.
    function test_unsaved_note_text_survives_quick_hide() {
        unlockAgain()
        var caseId = Records.ensureCase(Records.addPerson("Skrivande Person", "", "none", ""))
        var visitId = Records.recordVisit({ caseId: caseId, kind: "office", partnerPresent: "no" })
        verify(visitId.length > 0)
        byName(window.contentItem, "appShell").open("NoteEditorScreen.qml", { visitId: visitId })
        var body = null
        tryVerify(function() { body = byName(window.contentItem, "noteBody"); return body !== null }, 5000)
        tryVerify(function() { return !byName(window.contentItem, "mainStack").busy }, 5000)
        mouseClick(body)
        body.insert(body.length, "Hon berättade att")   // typed, never saved
        compare(Records.typed(Records.noteSlot("", visitId)), "Hon berättade att")

        mouseClick(byName(window.contentItem, "quickHideButton"))
        verify(Session.hidden)
        verify(!Session.unlocked)
        compare(byName(window.contentItem, "noteBody"), null)
        Session.leaveHidden()
        unlockAgain()

        var restored = null
        tryVerify(function() { restored = byName(window.contentItem, "noteBody"); return restored !== null }, 5000)
        compare(restored.text, "Hon berättade att")
        verify(byName(window.contentItem, "restoredNotice").visible)
        // Saving makes it a draft note and forgets the kept copy.
        tryVerify(function() { return !byName(window.contentItem, "mainStack").busy }, 5000)  // the push has settled
        var save = byName(window.contentItem, "saveDraftButton")
        verify(save.visible)
        mouseClick(save)
        compare(Records.lastError, "")
        var editor = byName(window.contentItem, "noteEditorScreen")
        verify(editor.noteId.length > 0, "saved as a draft note")
        compare(Records.typed(Records.noteSlot("", visitId)), "")
        compare(Records.lastTyped().visitId, undefined)
    }
}
