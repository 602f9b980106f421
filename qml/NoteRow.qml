import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One note in a list: when, who, draft/signed/reviewed, the first words.
ItemDelegate {
    id: row
    height: 84
    property var note: ({})

    contentItem: ColumnLayout {
        spacing: 2
        RowLayout {
            Label {
                text: Qt.formatDateTime(row.note.writtenAt, "yyyy-MM-dd HH:mm")
                color: "#5f6368"
            }
            Label { text: row.note.author; color: "#5f6368" }
            Label {
                text: row.note.signed ? (row.note.reviewed ? qsTr("Signerad, granskad") : qsTr("Signerad"))
                                       : qsTr("Utkast")
                color: row.note.signed ? "#1e6b3a" : "#a15c00"
                font.bold: true
            }
            Label {
                visible: row.note.addendumCount > 0
                text: qsTr("%n tillägg", "", row.note.addendumCount)
                color: "#5f6368"
            }
        }
        Label {
            Layout.fillWidth: true
            text: row.note.excerpt
            elide: Text.ElideRight
            font.pixelSize: 18
        }
    }
}
