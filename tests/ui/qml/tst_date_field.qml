import QtQuick
import QtTest
import Varn

// Dates are picked, never typed: a tap opens the month, a tap on a day sets
// it, time is picked beside it, and the field reads back in Swedish form.
Item {
    id: root
    width: 1024
    height: 768

    DateField { id: dayOnly; x: 20; y: 20; width: 300 }
    DateField { id: withTime; x: 20; y: 100; width: 300; withTime: true }

    TestCase {
        name: "DateField"
        when: windowShown

        function tap(item) {
            var p = item.mapToItem(root, item.width / 2, item.height / 2)
            var touch = touchEvent(root)
            touch.press(0, root, p.x, p.y).commit()
            touch.release(0, root, p.x, p.y).commit()
            waitForRendering(root)
        }

        function test_a_tap_opens_the_month_and_a_day_sets_the_date() {
            compare(dayOnly.day, "")
            tap(dayOnly)
            var picker = findChild(dayOnly, "datePicker")
            tryVerify(function() { return picker.opened }, 5000)
            tap(findChild(dayOnly, "todayDate"))
            var now = new Date()
            compare(dayOnly.day, dayOnly.iso(now))
            tryCompare(picker, "opened", false)
            compare(dayOnly.text, now.toLocaleDateString(Qt.locale(), "d MMMM yyyy"))
        }

        function test_time_is_picked_and_value_is_iso() {
            withTime.setFromIso("2026-12-03T14:35")
            compare(withTime.day, "2026-12-03")
            compare(withTime.value, "2026-12-03T14:35")
            compare(withTime.text, new Date(2026, 11, 3, 12).toLocaleDateString(Qt.locale(), "d MMMM yyyy") + " kl. 14:35")
            withTime.setFromIso("")
            compare(withTime.value, "")
        }
    }
}
