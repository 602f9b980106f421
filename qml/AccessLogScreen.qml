pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// Who opened which case, when: every opening on any device.
Page {
    id: page
    objectName: "accessLogScreen"
    property string caseId
    title: qsTr("Åtkomstlogg")

    AccessLogModel {
        id: log
        caseId: page.caseId
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        Label {
            visible: log.count === 0
            text: qsTr("Inga öppningar registrerade.")
            color: Theme.muted
        }
        ListView {
            objectName: "accessList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: log
            delegate: ItemDelegate {
                id: entry
                required property string caseId
                required property string device
                required property bool deviceIsMe
                required property var at
                required property string personName
                width: ListView.view.width
                height: 56
                contentItem: RowLayout {
                    Label {
                        Layout.preferredWidth: 180
                        text: Qt.formatDateTime(entry.at, "yyyy-MM-dd HH:mm")
                    }
                    Label {
                        Layout.preferredWidth: 200
                        text: entry.deviceIsMe ? qsTr("Den här surfplattan") : qsTr("Surfplatta %1").arg(entry.device.substring(0, 8))
                    }
                    Label {
                        Layout.fillWidth: true
                        text: entry.personName.length > 0 ? entry.personName : qsTr("Ärende %1").arg(entry.caseId.substring(0, 8))
                        color: Theme.muted
                        elide: Text.ElideRight
                    }
                }
                onClicked: page.StackView.view.push(Qt.resolvedUrl("PersonCaseScreen.qml"), { caseId: entry.caseId })
            }
        }
    }
}
