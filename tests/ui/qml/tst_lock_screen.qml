import QtQuick
import QtTest
import Varn
import Varn.Core

// The lock screen: a wrong passphrase shows an error and stays locked.
Item {
    id: root
    width: 1024
    height: 768

    LockScreen {
        id: lock
        anchors.fill: parent
    }

    TestCase {
        name: "LockScreen"
        when: windowShown

        function initTestCase() {
            if (!Session.storeExists)
                verify(Session.createStore("correct horse battery", "correct horse battery"))
            tryVerify(function() { return !Session.busy }, 30000)
            Session.lock()
        }

        function find(name) { return findChild(lock, name) }

        function test_wrong_passphrase_shows_error() {
            var field = find("passphraseField")
            var error = find("lockError")
            verify(!error.visible)
            mouseClick(field)
            keyClick("x"); keyClick("y"); keyClick("z")
            compare(field.text, "xyz")
            mouseClick(find("unlockButton"))
            compare(field.text, "")   // the typed passphrase does not linger
            tryVerify(function() { return !Session.busy }, 30000)
            verify(!Session.unlocked)
            verify(error.visible)
            verify(error.text.length > 0)
            verify(field.enabled)
        }

        function test_busy_while_unlocking() {
            var field = find("passphraseField")
            var button = find("unlockButton")
            field.text = "correct horse battery"
            // What the button and Enter call; called directly so no event is processed
            // before the checks. It returns before the key is derived: the screen says so.
            lock.tryUnlock()
            compare(field.text, "")
            verify(Session.busy)
            verify(find("unlockBusy").running)
            verify(!field.enabled)
            verify(!button.enabled)
            verify(!Session.unlocked)
            tryVerify(function() { return Session.unlocked }, 30000)
            verify(!Session.busy)
            verify(!find("unlockBusy").running)
            Session.lock()
            verify(field.enabled)
            verify(button.enabled)
        }

        function test_right_passphrase_unlocks() {
            var field = find("passphraseField")
            field.text = "correct horse battery"
            mouseClick(find("unlockButton"))
            tryVerify(function() { return Session.unlocked }, 30000)
            verify(!find("lockError").visible)
            Session.lock()
        }
    }
}
