pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// Always visible: offline/syncing/synced, changes waiting, last sync, the
// alarm when the server misbehaved, and conflicts to act on.
ToolBar {
    id: bar
    objectName: "syncBar"
    height: 52
    background: Rectangle { color: Sync.alarm.length > 0 ? Theme.errorSurface : Theme.bar }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 16
        anchors.rightMargin: 16
        spacing: 16

        Rectangle {
            width: 14
            height: 14
            radius: 7
            color: Sync.state === SyncState.Syncing ? Theme.busyDot
                   : Sync.state === SyncState.Synced && Sync.waiting === 0 ? Theme.goodDot : Theme.faint
        }
        Label {
            objectName: "syncStateLabel"
            text: Sync.stateText
            font.pixelSize: 16
        }
        Label {
            objectName: "waitingLabel"
            text: qsTr("%n ändringar väntar", "", Sync.waiting)
            color: Sync.waiting > 0 ? Theme.pending : Theme.muted
        }
        Label {
            objectName: "lastSyncLabel"
            Layout.fillWidth: true
            elide: Text.ElideRight
            // Once the lease has few days left, they matter more than the last sync.
            readonly property bool leaseEnding: Sync.leaseDaysLeft >= 1 && Sync.leaseDaysLeft <= 3
            text: leaseEnding ? qsTr("Synka inom %n dagar", "", Sync.leaseDaysLeft)
                  : Sync.lastSync.getTime() > 0 ? qsTr("Senast %1").arg(Qt.formatDateTime(Sync.lastSync, "yyyy-MM-dd HH:mm"))
                  : qsTr("Aldrig synkad")
            color: leaseEnding ? Theme.pending : Theme.muted
        }
        Label {
            visible: Sync.alarm.length > 0
            text: Sync.alarm
            color: Theme.error
            font.bold: true
            elide: Text.ElideRight
            Layout.maximumWidth: 320
        }
        Button {
            objectName: "acknowledgeAlarmButton"
            visible: Sync.alarm.length > 0
            text: qsTr("Kvittera larmet")
            onClicked: Sync.acknowledgeAlarm()
        }
        Button {
            objectName: "conflictsButton"
            visible: conflicts.count > 0
            text: qsTr("%n konflikter", "", conflicts.count)
            onClicked: conflictPopup.open()
        }
        Button {
            objectName: "syncNowButton"
            text: qsTr("Synka")
            flat: true
            enabled: Sync.state !== SyncState.Syncing && Sync.canSync
            onClicked: Sync.syncNow()
        }
    }

    ConflictListModel { id: conflicts }

    Popup {
        id: conflictPopup
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 640)
        height: Math.min(parent.height - 64, 480)
        modal: true
        ColumnLayout {
            anchors.fill: parent
            Label {
                text: qsTr("Ändringar som inte kunde göras")
                font.pixelSize: 22
            }
            ListView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: conflicts
                delegate: ItemDelegate {
                    id: conflict
                    required property string kind
                    required property string entityId
                    required property string field
                    required property var writtenAt
                    required property string reason
                    required property bool isNote
                    width: ListView.view.width
                    height: 72
                    contentItem: ColumnLayout {
                        Label { text: "%1 · %2 · %3".arg(conflict.kind).arg(conflict.field).arg(Qt.formatDateTime(conflict.writtenAt, "yyyy-MM-dd HH:mm")) }
                        Label { text: conflict.reason; color: Theme.muted; elide: Text.ElideRight; Layout.fillWidth: true }
                    }
                    // A refused change to a signed note is carried over as an addendum there.
                    onClicked: {
                        if (conflict.isNote) {
                            conflictPopup.close()
                            bar.openNote(conflict.entityId)
                        }
                    }
                }
            }
        }
    }

    signal openNote(string noteId)
}
