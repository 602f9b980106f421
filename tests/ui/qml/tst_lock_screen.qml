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
            verify(!Session.unlocked)
            verify(error.visible)
            verify(error.text.length > 0)
            compare(field.text, "")   // the typed passphrase does not linger
        }

        function test_right_passphrase_unlocks() {
            var field = find("passphraseField")
            field.text = "correct horse battery"
            mouseClick(find("unlockButton"))
            verify(Session.unlocked)
            verify(!find("lockError").visible)
            Session.lock()
        }
    }
}
