import QtQuick
import QtQuick.Controls

ApplicationWindow {
    id: window
    width: 1024
    height: 768
    visible: true
    title: qsTr("Värn")

    Label {
        anchors.centerIn: parent
        text: qsTr("Värn %1").arg(Qt.application.version)
        font.pixelSize: 32
    }
}
