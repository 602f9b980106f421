pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// Who read which case, how and when: every read of case content on any
// device of the unit (opening a case, notes in a list, one note).
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
            text: qsTr("Inga läsningar registrerade.")
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
                required property string reader
                required property string actionLabel
                width: ListView.view.width
                height: Math.max(64, entryLayout.implicitHeight + 16)
                contentItem: RowLayout {
                    id: entryLayout
                    Label {
                        Layout.preferredWidth: 180
                        text: Qt.formatDateTime(entry.at, "yyyy-MM-dd HH:mm")
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            objectName: "accessReader"
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: qsTr("%1: %2").arg(entry.reader).arg(entry.actionLabel)
                        }
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: entry.personName.length > 0 ? entry.personName : qsTr("Ärende %1").arg(entry.caseId.substring(0, 8))
                            color: Theme.muted
                        }
                    }
                }
                onClicked: page.StackView.view.push(Qt.resolvedUrl("PersonCaseScreen.qml"), { caseId: entry.caseId })
            }
        }
    }
}
