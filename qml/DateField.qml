pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A day picked from a month calendar, never typed: shown in Swedish form
// ("3 december 2026"), held as ISO "YYYY-MM-DD" in `day` ("" = none). With
// `withTime`, hour and minute are picked too and `value` is
// "YYYY-MM-DDTHH:mm".
Button {
    id: field
    property string label
    property string day
    property bool withTime: false
    property int hour: 9
    property int minute: 0
    readonly property string value: day.length === 0 ? ""
                                    : withTime ? day + "T" + pad(hour) + ":" + pad(minute) : day
    implicitHeight: Theme.touch
    text: (label.length > 0 ? label + ": " : "")
          + (day.length === 0 ? qsTr("välj datum")
             : new Date(day + "T12:00:00").toLocaleDateString(Qt.locale(), "d MMMM yyyy")
               + (withTime ? " " + qsTr("kl. %1").arg(pad(hour) + ":" + pad(minute)) : ""))
    onClicked: picker.open()

    function pad(n) { return (n < 10 ? "0" : "") + n }
    function iso(date) { return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()) }
    //! Sets the field from ISO text ("2026-12-03" or "2026-12-03T15:00"); "" clears it.
    function setFromIso(text) {
        if (!text || text.length < 10) { day = ""; return }
        day = text.substring(0, 10)
        if (text.length >= 16) { hour = parseInt(text.substring(11, 13)); minute = parseInt(text.substring(14, 16)) }
    }

    Popup {
        id: picker
        objectName: "datePicker"
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        // Closed only by its own buttons or a picked day: the finger that
        // opened it must not close it again on the way up.
        closePolicy: Popup.CloseOnEscape
        padding: Theme.margin
        property date shown: field.day.length > 0 ? new Date(field.day + "T12:00:00") : new Date()
        onOpened: shown = field.day.length > 0 ? new Date(field.day + "T12:00:00") : new Date()

        ColumnLayout {
            spacing: 8
            RowLayout {
                Layout.fillWidth: true
                Button {
                    objectName: "previousMonth"
                    implicitWidth: Theme.touch
                    implicitHeight: Theme.touch
                    text: "\u2039"
                    Accessible.name: qsTr("Föregående månad")
                    onClicked: picker.shown = new Date(picker.shown.getFullYear(), picker.shown.getMonth() - 1, 1)
                }
                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    text: Qt.locale().standaloneMonthName(picker.shown.getMonth()) + " " + picker.shown.getFullYear()
                    font.pixelSize: Theme.titleSize
                }
                Button {
                    objectName: "nextMonth"
                    implicitWidth: Theme.touch
                    implicitHeight: Theme.touch
                    text: "\u203a"
                    Accessible.name: qsTr("Nästa månad")
                    onClicked: picker.shown = new Date(picker.shown.getFullYear(), picker.shown.getMonth() + 1, 1)
                }
            }
            DayOfWeekRow {
                Layout.fillWidth: true
                locale: Qt.locale()
            }
            MonthGrid {
                id: grid
                objectName: "monthGrid"
                Layout.fillWidth: true
                locale: Qt.locale()
                month: picker.shown.getMonth()
                year: picker.shown.getFullYear()
                delegate: Label {
                    required property var model
                    width: Theme.touch
                    height: Theme.touch
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    opacity: model.month === grid.month ? 1 : 0.35
                    text: model.day
                    font.bold: field.iso(model.date) === field.day
                    color: field.iso(model.date) === field.day ? Theme.good : Theme.text
                }
                onClicked: function(date) { field.day = field.iso(date); if (!field.withTime) picker.close() }
            }
            RowLayout {
                visible: field.withTime
                Label { text: qsTr("Klockan") }
                Tumbler {
                    objectName: "hourTumbler"
                    model: 24
                    visibleItemCount: 3
                    implicitHeight: Theme.touch * 3
                    currentIndex: field.hour
                    onCurrentIndexChanged: field.hour = currentIndex
                }
                Label { text: ":" }
                Tumbler {
                    objectName: "minuteTumbler"
                    model: 12
                    visibleItemCount: 3
                    implicitHeight: Theme.touch * 3
                    currentIndex: Math.round(field.minute / 5) % 12
                    delegate: Label {
                        required property int index
                        text: field.pad(index * 5)
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                    }
                    onCurrentIndexChanged: field.minute = currentIndex * 5
                }
            }
            RowLayout {
                Layout.alignment: Qt.AlignRight
                Button {
                    objectName: "clearDate"
                    implicitHeight: Theme.touch
                    text: qsTr("Rensa")
                    onClicked: { field.day = ""; picker.close() }
                }
                Button {
                    objectName: "todayDate"
                    implicitHeight: Theme.touch
                    text: qsTr("I dag")
                    onClicked: { field.day = field.iso(new Date()); if (!field.withTime) picker.close() }
                }
                Button {
                    objectName: "doneDate"
                    implicitHeight: Theme.touch
                    highlighted: true
                    text: qsTr("Klar")
                    onClicked: picker.close()
                }
            }
        }
    }
}
