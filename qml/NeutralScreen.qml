pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Varn.Core

// What an onlooker sees after quick-hide: a plain notepad with nothing in it.
// Holding the title for two seconds goes back to the lock screen.
Page {
    objectName: "neutralScreen"
    background: Rectangle { color: Theme.paper }

    Label {
        id: heading
        objectName: "neutralHeading"
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.top: parent.top
        anchors.topMargin: 48
        text: qsTr("Anteckningar")
        font.pixelSize: 32
        color: Theme.paperInk
        MouseArea {
            anchors.fill: parent
            anchors.margins: -24
            pressAndHoldInterval: 2000
            onPressAndHold: Session.leaveHidden()
        }
    }

    Repeater {
        model: 12
        Rectangle {
            required property int index
            x: 48
            width: parent ? parent.width - 96 : 0
            y: 140 + index * 48
            height: 1
            color: Theme.paperLine
        }
    }

    // Holding the date for three seconds is the panic delete: nothing on
    // the notepad shows it is there.
    Label {
        objectName: "neutralDate"
        anchors.bottom: parent.bottom
        anchors.right: parent.right
        anchors.margins: 24
        text: new Date().toLocaleDateString(Qt.locale(), "d MMMM yyyy")
        color: Theme.paperFaint
        MouseArea {
            anchors.fill: parent
            anchors.margins: -24
            pressAndHoldInterval: 3000
            onPressAndHold: panic.open()
        }
    }
    PanicDialog { id: panic }
}
