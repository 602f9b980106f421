import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One note in a list: whom it is about, when it happened beside when it was
// written, who wrote it, draft (old, when past the unit's days)/signed/
// reviewed, the first words. A delegate of a NoteListModel: the roles it
// shows are required properties. With `showCaseButton`, a button opens the
// whole case (the review queue); a tap on the row opens the note.
ItemDelegate {
    id: row
    implicitHeight: Math.max(Theme.touch + 16, rowLayout.implicitHeight + 16)
    required property string noteId
    required property string caseId
    required property string personName
    required property var writtenAt
    required property string eventTime
    required property bool stale
    required property string author
    required property bool signed
    required property bool reviewed
    required property int addendumCount
    required property string excerpt
    property bool showCaseButton: false
    signal openCase()

    contentItem: RowLayout {
        id: rowLayout
        spacing: Theme.spacing
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                visible: row.showCaseButton && row.personName.length > 0
                Layout.fillWidth: true
                text: row.personName
                font.pixelSize: Theme.bodySize
                font.bold: true
                elide: Text.ElideRight
            }
            Flow {
                Layout.fillWidth: true
                spacing: 8
                Label {
                    objectName: "noteEventTime"
                    visible: row.eventTime.length > 0
                    text: qsTr("Hände %1").arg(row.eventTime.replace("T", " ").substring(0, 16))
                }
                Label {
                    objectName: "noteWrittenAt"
                    text: qsTr("skriven %1").arg(Qt.formatDateTime(row.writtenAt, "yyyy-MM-dd HH:mm"))
                    color: Theme.muted
                }
                Label { text: qsTr("av %1").arg(row.author); color: Theme.muted }
                Label {
                    text: row.signed ? (row.reviewed ? qsTr("Signerad, granskad") : qsTr("Signerad"))
                                      : qsTr("Utkast")
                    color: row.signed ? Theme.good : Theme.pending
                    font.bold: true
                }
                Label {
                    objectName: "staleBadge"
                    visible: row.stale
                    text: qsTr("Gammalt utkast, signera eller ta bort")
                    color: Theme.error
                    font.bold: true
                }
                Label {
                    visible: row.addendumCount > 0
                    text: qsTr("%n tillägg", "", row.addendumCount)
                    color: Theme.muted
                }
            }
            Label {
                Layout.fillWidth: true
                text: row.excerpt
                elide: Text.ElideRight
                font.pixelSize: Theme.bodySize
            }
        }
        Button {
            objectName: "caseHistoryButton"
            visible: row.showCaseButton
            implicitHeight: Theme.touch
            text: qsTr("Ärendets historik")
            onClicked: row.openCase()
        }
    }
}
