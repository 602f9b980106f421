import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// The unlocked app: navigation by role, the current screen, the sync bar.
Page {
    id: shell
    objectName: "appShell"

    header: ToolBar {
        height: 64
        RowLayout {
            anchors.fill: parent
            anchors.rightMargin: 80   // the quick-hide button sits here
            ToolButton {
                text: "\u2630"
                font.pixelSize: 24
                visible: !shell.wide
                onClicked: drawer.open()
            }
            Label {
                Layout.fillWidth: true
                leftPadding: 16
                text: stack.currentItem && stack.currentItem.title ? stack.currentItem.title : qsTr("Värn")
                font.pixelSize: 22
                elide: Text.ElideRight
            }
            ToolButton {
                text: qsTr("Lås")
                font.pixelSize: 18
                onClicked: Session.lock()
            }
        }
    }

    property bool wide: width > height && width >= 900

    StackView {
        id: stack
        objectName: "mainStack"
        anchors.fill: parent
        initialItem: Label {
            property string title: qsTr("Värn")
            text: qsTr("Upplåst")
            horizontalAlignment: Text.AlignHCenter
        }
    }

    Drawer {
        id: drawer
        width: 280
        height: shell.height
    }
}
