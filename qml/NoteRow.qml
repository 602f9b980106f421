import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One note in a list: when, who, draft/signed/reviewed, the first words.
// A delegate of a NoteListModel: the roles it shows are required properties.
ItemDelegate {
    id: row
    height: 84
    required property string noteId
    required property string caseId
    required property var writtenAt
    required property string author
    required property bool signed
    required property bool reviewed
    required property int addendumCount
    required property string excerpt

    contentItem: ColumnLayout {
        spacing: 2
        RowLayout {
            Label {
                text: Qt.formatDateTime(row.writtenAt, "yyyy-MM-dd HH:mm")
                color: Theme.muted
            }
            Label { text: row.author; color: Theme.muted }
            Label {
                text: row.signed ? (row.reviewed ? qsTr("Signerad, granskad") : qsTr("Signerad"))
                                  : qsTr("Utkast")
                color: row.signed ? Theme.good : Theme.pending
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
            font.pixelSize: 18
        }
    }
}
