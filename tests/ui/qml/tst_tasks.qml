import QtQuick
import QtTest
import Varn
import Varn.Core

// A task is closed only by its own button, after a question naming it, and
// a task closed by mistake can be reopened.
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
        name: "Tasks"
        when: windowShown

        function initTestCase() {
            if (!Session.storeExists)
                verify(Session.createStore("correct horse battery", "correct horse battery"))
            else if (!Session.unlocked)
                verify(Session.unlock("correct horse battery"))
            tryVerify(function() { return Session.unlocked }, 30000)  // both return before the key is derived
            root.caseId = Records.ensureCase(Records.addPerson("Gun", "", "none", ""))
            verify(root.caseId.length > 0)
            verify(Records.addTask(root.caseId, "Ordna skyddat boende", "").length > 0)
            loader.setSource("qrc:/qt/qml/Varn/TasksScreen.qml", { caseId: root.caseId })
            verify(loader.item)
            waitForRendering(loader.item)
        }

        function tap(item) {
            var p = item.mapToItem(root, item.width / 2, item.height / 2)
            var touch = touchEvent(root)
            touch.press(0, root, p.x, p.y).commit()
            touch.release(0, root, p.x, p.y).commit()
            waitForRendering(root)
        }

        function openTasks() { return findChild(loader.item, "taskList").count }

        function test_a_tap_on_the_row_closes_nothing_and_done_can_be_undone() {
            var list = findChild(loader.item, "taskList")
            compare(list.count, 1)
            var row = list.itemAtIndex(0)
            verify(row)
            // A tap on the text, where a hurried finger lands.
            var p = row.mapToItem(root, 40, row.height / 2)
            var touch = touchEvent(root)
            touch.press(0, root, p.x, p.y).commit()
            touch.release(0, root, p.x, p.y).commit()
            waitForRendering(root)
            compare(list.count, 1, "a tap on the row must not close the task")

            tap(findChild(row, "doneTaskButton"))
            compare(list.count, 1, "the button only asks")
            var confirm = findChild(loader.item, "confirmDoneButton")
            tryVerify(function() { return confirm.visible }, 5000)
            tap(confirm)
            tryCompare(list, "count", 0)

            var undo = findChild(loader.item, "undoDoneButton")
            verify(undo.visible)
            tap(undo)
            tryCompare(list, "count", 1)
            verify(!findChild(loader.item, "undoDoneBar").visible)
        }

        function test_a_done_task_reopens_from_the_done_list() {
            var list = findChild(loader.item, "taskList")
            tap(findChild(list.itemAtIndex(0), "doneTaskButton"))
            var confirm = findChild(loader.item, "confirmDoneButton")
            tryVerify(function() { return confirm.visible }, 5000)
            tap(confirm)
            tryCompare(list, "count", 0)
            findChild(loader.item, "showDoneBox").checked = true
            tryCompare(list, "count", 1)
            tap(findChild(list.itemAtIndex(0), "reopenTaskButton"))
            findChild(loader.item, "showDoneBox").checked = false
            tryCompare(list, "count", 1)
        }
    }
}
