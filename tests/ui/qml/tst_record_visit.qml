import QtQuick
import QtTest
import Varn
import Varn.Core

// The questions about violence are offered only when the partner is absent.
Item {
    id: root
    width: 1024
    height: 768

    property string caseId

    Loader {
        id: loader
        anchors.fill: parent
    }

    TestCase {
        name: "RecordVisit"
        when: windowShown

        function initTestCase() {
            if (!Session.storeExists)
                verify(Session.createStore("correct horse battery", "correct horse battery"))
            else if (!Session.unlocked)
                verify(Session.unlock("correct horse battery"))
            tryVerify(function() { return Session.unlocked }, 30000)  // both return before the key is derived
            var person = Records.addPerson("Eva", "", "none", "")
            root.caseId = Records.ensureCase(person)
            verify(root.caseId.length > 0)
            loader.setSource("qrc:/qt/qml/Varn/RecordVisitScreen.qml", { caseId: root.caseId })
            verify(loader.item)
            waitForRendering(loader.item)
        }

        // A finger, as on the tablet (quick mouse clicks in a row would pair into a double click).
        function tap(item) {
            var p = item.mapToItem(root, item.width / 2, item.height / 2)
            var touch = touchEvent(root)
            touch.press(0, root, p.x, p.y).commit()
            touch.release(0, root, p.x, p.y).commit()
            waitForRendering(root)  // the layout settles before the next finger comes
        }

        function test_violence_questions_follow_partner_presence() {
            var screen = loader.item
            var section = findChild(screen, "violenceSection")
            verify(section)
            compare(screen.partnerPresent, "unknown")
            verify(!section.visible)

            tap(findChild(screen, "partner_no"))
            compare(screen.partnerPresent, "no")
            verify(section.visible)

            tap(findChild(screen, "partner_yes"))
            compare(screen.partnerPresent, "yes")
            verify(!section.visible)

            tap(findChild(screen, "partner_unknown"))
            verify(!section.visible)
        }
    }
}
