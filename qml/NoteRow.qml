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
                color: "#5f6368"
            }
            Label { text: row.author; color: "#5f6368" }
            Label {
                text: row.signed ? (row.reviewed ? qsTr("Signerad, granskad") : qsTr("Signerad"))
                                  : qsTr("Utkast")
                color: row.signed ? "#1e6b3a" : "#a15c00"
                font.bold: true
            }
            Label {
                visible: row.addendumCount > 0
                text: qsTr("%n tillägg", "", row.addendumCount)
                color: "#5f6368"
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
